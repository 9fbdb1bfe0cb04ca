import { addLinkToList, linksTo } from "../codec/link-list";
import { linkTo, parseWikilink } from "../codec/wikilinks";
import { isoDateTime } from "../dates/timestamps";
import { textProperty } from "../schema/property-readers";
import { errorMessage } from "../errors";
import { contentWords } from "../index/terms";
import type { LifeBetterSettings } from "../settings";
import { noteName } from "../vault/paths";
import { loadRecords, type VaultRecord } from "../vault/records";
import type { NoteRepository } from "../vault/repository";
import { ProblemMatcher } from "./conversation-problem";
import { summarizeConversation, withProse } from "./conversation-summary";
import { proseOf } from "./prose";
import { messagesFromBody } from "./read-conversation-note";

export interface ConversationSuggestion {
  /** The conversation note's path. */
  path: string;
  /** The problem it may be about (note name), not written: the score was below the link threshold or not clearly ahead. */
  problem: string;
  score: number;
  /** The cosine to the problem note, when the index compared them by meaning. */
  meaning?: number;
}

export interface EnrichReport {
  /** Conversation notes looked at. */
  conversations: number;
  /** Paths of the conversation notes whose properties changed. */
  updated: string[];
  summaries: number;
  problems: number;
  metaSkills: number;
  insights: number;
  suggestions: ConversationSuggestion[];
  /** Conversations compared with the problems by meaning as well as words (0 without a model). */
  byMeaning: number;
  /** Conversations that could not be updated (a note whose frontmatter cannot be parsed), with why. */
  failed: { path: string; reason: string }[];
}

export interface EnrichOptions {
  /** Only these conversation notes (an import enriches what it just created); all when absent. */
  paths?: ReadonlySet<string>;
  /** When the change is made: `updated` is set to it on every note that changes, as every writer does. */
  now?: Date;
  /**
   * How close a text is in meaning to each problem note (cosine by path), from the search index when
   * it has vectors; null, absent or failing: problems are matched by words alone.
   */
  meaning?: (text: string) => Promise<Readonly<Record<string, number>> | null>;
}

/** What a conversation is about, for its meaning: the title and the person's own questions. */
function questionText(title: string, messages: readonly { role: string; text: string }[]): string {
  return [title, ...messages.filter((message) => message.role === "user").map((message) => message.text)].join("\n");
}

/** The index's meaning scores, or null (words alone) when it has none or cannot answer. */
async function meaningOf(options: EnrichOptions, text: string): Promise<Readonly<Record<string, number>> | null> {
  if (!options.meaning) return null;
  try {
    return await options.meaning(text);
  } catch {
    return null; // the index stopped or is not ready: words still link what they clearly can
  }
}

/** A property the person has not filled: missing, null or blank. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/** A note name or text as its content words, space-joined and space-padded, so names match on word boundaries. */
function wordLine(text: string): string {
  return ` ${contentWords(text).join(" ")} `;
}

/** Whether a conversation names a meta-skill: its name's words in a row; a one-word name at least twice (one mention of "debugging" is not the skill). */
function namesSkill(conversationWords: string, skillName: string): boolean {
  const name = wordLine(skillName);
  if (name.trim() === "") return false;
  const times = conversationWords.split(name).length - 1;
  return times >= (name.trim().includes(" ") ? 1 : 2);
}

/** Entries that name a conversation, by the lower-cased note name they link to: one pass, not one a conversation. */
function questionsByConversation(records: readonly VaultRecord[]): Map<string, VaultRecord[]> {
  const byName = new Map<string, VaultRecord[]>();
  for (const record of records) {
    const value = record.properties.conversation;
    if (record.kind !== "entry" || typeof value !== "string") continue;
    const target = noteName(parseWikilink(value)?.target ?? value)
      .trim()
      .toLowerCase();
    byName.set(target, [...(byName.get(target) ?? []), record]);
  }
  return byName;
}

/** The conversation's title: its note name without the leading date import gives it. */
function titleOf(record: VaultRecord): string {
  return record.name.replace(/^\d{4}-\d{2}-\d{2}\s+/, "");
}

/**
 * Fills a conversation note's memory properties: `summary` (extractive), `problem` (when one problem
 * clearly is what it is about; else a suggestion in the report), `meta_skills` it names and `insights`
 * (the question entries whose `conversation` links to it). Properties only, through the repository;
 * a summary or problem already there (written by hand or by an earlier run) is never replaced, and a
 * second run changes nothing.
 */
export async function enrichConversations(repo: NoteRepository, settings: LifeBetterSettings, options: EnrichOptions = {}): Promise<EnrichReport> {
  const now = options.now ?? new Date();
  const { records } = await loadRecords(repo, settings, ["conversation", "problem", "meta-skill", "entry"]);
  const report: EnrichReport = {
    conversations: 0,
    updated: [],
    summaries: 0,
    problems: 0,
    metaSkills: 0,
    insights: 0,
    suggestions: [],
    byMeaning: 0,
    failed: [],
  };
  const problems = records.filter((record) => record.kind === "problem");
  const matcher = new ProblemMatcher(
    problems.map((problem) => ({
      name: problem.name,
      path: problem.path,
      text: [textProperty(problem.properties, "context") ?? "", ...proseOf(problem.body)].join("\n"),
    })),
  );
  const skills = records.filter((record) => record.kind === "meta-skill").map((record) => record.name);
  const entriesByConversation = questionsByConversation(records);

  for (const conversation of records) {
    if (conversation.kind !== "conversation" || (options.paths && !options.paths.has(conversation.path))) continue;
    report.conversations++;
    const messages = withProse(messagesFromBody(conversation.body));
    const text = [titleOf(conversation), ...messages.map((message) => (message.role === "user" ? message.text : message.prose.join("\n")))].join("\n");
    // A summary or problem already there is kept: no need to work one out.
    const summary = isBlank(conversation.properties.summary) ? summarizeConversation(messages) : "";
    const meaning =
      isBlank(conversation.properties.problem) && problems.length > 0 ? await meaningOf(options, questionText(titleOf(conversation), messages)) : null;
    if (meaning) report.byMeaning++;
    const [best] = isBlank(conversation.properties.problem) ? matcher.rank(text, meaning) : [];
    const words = wordLine(text);
    const named = skills.filter((skill) => namesSkill(words, skill));
    const insights = (entriesByConversation.get(conversation.name.toLowerCase()) ?? [])
      .filter(
        (entry) => linksTo(entry.properties.conversation, conversation.name) || linksTo(entry.properties.conversation, conversation.path.replace(/\.md$/i, "")),
      )
      .map((entry) => entry.name);
    const counts = { summary: false, problem: false, skills: 0, insights: 0 };
    try {
      const changed = await repo.updateProperties(conversation.path, (properties) => {
        // The edit may run again on a newer text: derive every count from what it is given.
        Object.assign(counts, { summary: false, problem: false, skills: 0, insights: 0 });
        if (isBlank(properties.summary) && summary) {
          properties.summary = summary;
          counts.summary = true;
        }
        if (isBlank(properties.problem) && best?.link) {
          properties.problem = linkTo(best.name);
          counts.problem = true;
        }
        for (const skill of named) if (addLinkToList(properties, "meta_skills", skill)) counts.skills++;
        for (const entry of insights) if (addLinkToList(properties, "insights", entry)) counts.insights++;
        if (counts.summary || counts.problem || counts.skills > 0 || counts.insights > 0) properties.updated = isoDateTime(now);
      });
      if (changed) report.updated.push(conversation.path);
      report.summaries += Number(counts.summary);
      report.problems += Number(counts.problem);
      report.metaSkills += counts.skills;
      report.insights += counts.insights;
      if (isBlank(conversation.properties.problem) && best?.suggest) {
        const round = (value: number): number => Math.round(value * 1000) / 1000;
        report.suggestions.push({
          path: conversation.path,
          problem: best.name,
          score: round(best.score),
          ...(best.meaning !== undefined ? { meaning: round(best.meaning) } : {}),
        });
      }
    } catch (error) {
      report.failed.push({ path: conversation.path, reason: errorMessage(error) });
    }
  }
  return report;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The problems only suggested, one line each: the person decides, the note is not changed. */
export function problemSuggestionLines(report: EnrichReport | undefined): string[] {
  return (report?.suggestions ?? []).map(
    (suggestion) =>
      `${suggestion.path} may be about [[${suggestion.problem}]] (score ${suggestion.score.toFixed(2)}${suggestion.meaning !== undefined ? `, meaning ${suggestion.meaning.toFixed(2)}` : ""}): not linked; set its problem property if it is.`,
  );
}

/** Adds up the enrichment of several imports read in a row. */
export function mergeEnrichReports(reports: readonly (EnrichReport | undefined)[]): EnrichReport | undefined {
  const present = reports.filter((report): report is EnrichReport => report !== undefined);
  if (present.length === 0) return undefined;
  return {
    conversations: present.reduce((sum, report) => sum + report.conversations, 0),
    updated: present.flatMap((report) => report.updated),
    summaries: present.reduce((sum, report) => sum + report.summaries, 0),
    problems: present.reduce((sum, report) => sum + report.problems, 0),
    metaSkills: present.reduce((sum, report) => sum + report.metaSkills, 0),
    insights: present.reduce((sum, report) => sum + report.insights, 0),
    suggestions: present.flatMap((report) => report.suggestions),
    byMeaning: present.reduce((sum, report) => sum + report.byMeaning, 0),
    failed: present.flatMap((report) => report.failed),
  };
}

/** What enrichment did, in lines for the user: failures, suggestions, then the counts. */
export function enrichSummary(report: EnrichReport): string[] {
  const lines = report.failed.map((failure) => `${failure.path} was not updated: ${failure.reason}`);
  lines.push(...problemSuggestionLines(report));
  lines.push(
    `Enriched ${report.updated.length} of ${report.conversations} conversations: ${plural(report.summaries, "summary", "summaries")}, ${plural(report.problems, "problem", "problems")} linked, ${plural(report.metaSkills, "meta-skill link", "meta-skill links")}, ${plural(report.insights, "insight link", "insight links")}.${report.byMeaning > 0 ? ` Problems matched by meaning and words for ${plural(report.byMeaning, "conversation", "conversations")}.` : ""}`,
  );
  return lines;
}
