import { composeNote } from "../codec/frontmatter";
import { createUniqueNote } from "../vault/create-note";
import { creationTimes, isoDateTime } from "../dates/timestamps";
import { RATING_1_TO_5, requireNumber } from "../schema/values";
import { newId } from "../ids";
import type { LifeBetterSettings } from "../settings";
import { noteName, safeFileStem } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";
import type { PatternProposal } from "./pattern-types";

/** What the user decided about a proposal; any part may be left out. */
export interface PatternDecision {
  status?: "detected" | "confirmed" | "dismissed";
  /** 1–5: how helpful the insight was. */
  helpful?: number;
  feedback?: string;
}

/** Evidence as links by path (without `.md`), so two notes of the same name stay apart. */
export function evidenceLinks(paths: readonly string[]): string[] {
  return paths.map((path) => `[[${path.replace(/\.md$/i, "")}|${noteName(path)}]]`);
}

/** Why it was proposed, as the note keeps it: a grouped finding's comparisons one per list item. */
function whyText(why: string): string {
  const lines = why.split("\n").filter((line) => line.trim() !== "");
  return lines.length > 1 ? `**Why this was proposed:**\n${lines.map((line) => `- ${line}`).join("\n")}` : `**Why this was proposed:** ${why}`;
}

function checkDecision(decision: PatternDecision): void {
  const { helpful } = decision;
  requireNumber("The rating", helpful, RATING_1_TO_5);
}

function decisionProperties(decision: PatternDecision, now: Date): Record<string, unknown> {
  const properties: Record<string, unknown> = { updated: isoDateTime(now) };
  if (decision.status) properties.status = decision.status;
  if (decision.helpful !== undefined) properties.helpful = decision.helpful;
  if (decision.feedback !== undefined) properties.feedback = decision.feedback.trim();
  return properties;
}

/**
 * Records a decision on a proposal in its Pattern note (docs/data-model.md, Pattern): the first decision
 * (confirm, dismiss, or a rating) creates the note in the patterns folder, with its description, why
 * it was proposed and its suggestion as the body; later ones change its properties only. `pattern_key` ties the note to the proposal so a confirmed or dismissed pattern
 * is never proposed again. Resolves to the note's path.
 */
export async function recordPatternDecision(
  repo: NoteRepository,
  settings: LifeBetterSettings,
  proposal: PatternProposal,
  decision: PatternDecision,
  now: Date = new Date(),
): Promise<string> {
  checkDecision(decision);
  const changes = decisionProperties(decision, now);
  if (proposal.notePath && (await repo.exists(proposal.notePath))) {
    await repo.updateProperties(proposal.notePath, (properties) => {
      Object.assign(properties, changes, { last_seen: isoDateTime(now), confidence: proposal.confidence });
    });
    return proposal.notePath;
  }
  const properties: Record<string, unknown> = {
    id: newId(),
    kind: "pattern",
    ...creationTimes(now),
    pattern_key: proposal.key,
    pattern_type: proposal.pattern_type,
    status: "detected",
    confidence: proposal.confidence,
    positive: proposal.positive,
    first_detected: isoDateTime(now),
    last_seen: isoDateTime(now),
    occurrences: proposal.occurrences,
    evidence: evidenceLinks(proposal.evidence),
    suggestion: proposal.suggestion,
    ...changes,
  };
  const body = `${proposal.description}\n\n${whyText(proposal.why)}\n\n**Suggestion:** ${proposal.suggestion}\n`;
  const stem = safeFileStem(proposal.name, 80) || "Pattern";
  return createUniqueNote(repo, settings.folders.pattern, stem, composeNote(properties, body));
}
