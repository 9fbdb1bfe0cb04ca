import { composeNote } from "../codec/frontmatter";
import { creationTimes } from "../dates/timestamps";
import { InvalidInputError, NoteExistsError } from "../errors";
import { newId } from "../ids";
import { SKILL_SOURCES } from "../schema/kinds";
import type { LifeBetterSettings } from "../settings";
import { addDaysTo, dayOf } from "../dates/days";
import { SM2_START_EASE } from "../review/sm2";
import { requireFreeName } from "../vault/note-names";
import { joinVaultPath, portableNameProblem, safeFileStem } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";

export interface NewSkillInput {
  name: string;
  category?: string;
  /** discovered, learned or imported; learned when not given. */
  source?: string;
  whatItIs?: string;
  whenToUse?: string;
  howToApply?: string;
}

export const SKILL_SECTIONS = ["What it is", "When to use", "How to apply"] as const;

function section(heading: string, text: string | undefined): string {
  const content = (text ?? "").trim();
  return content ? `## ${heading}\n\n${content}\n` : `## ${heading}\n`;
}

/** The note text of a new meta-skill: properties, then the three sections. */
export function newSkillNote(input: NewSkillInput, now: Date, id: string): string {
  const source = input.source?.trim() || "learned";
  if (!(SKILL_SOURCES as readonly string[]).includes(source)) {
    throw new InvalidInputError(`Source must be one of ${SKILL_SOURCES.join(", ")}, not "${source}".`);
  }
  const today = dayOf(now);
  const properties: Record<string, unknown> = {
    id,
    kind: "meta-skill",
    ...creationTimes(now),
    source,
    ...(source === "discovered" ? { discovered: today } : {}),
    // Absent when not given: an empty `category:` is a value check would have to explain.
    ...(input.category?.trim() ? { category: input.category.trim() } : {}),
    // Due tomorrow, not today: right after writing a skill down, recalling it tests nothing; the
    // first real recall is a day later, SM-2's first interval I(1) = 1.
    review_due: addDaysTo(today, 1),
    review_count: 0,
    ease: SM2_START_EASE,
    interval_days: 0,
  };
  const body = [section("What it is", input.whatItIs), section("When to use", input.whenToUse), section("How to apply", input.howToApply)].join("\n");
  return composeNote(properties, body);
}

/** The skill name as a note name: refused when Obsidian could not name a file so, or links would break. */
function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") throw new InvalidInputError("The meta-skill has no name.");
  if (safeFileStem(trimmed, 200) !== trimmed) {
    throw new InvalidInputError(`"${trimmed}" cannot be a note name: leave out * " \\ / < > : | ? # ^ [ ] and a leading or trailing dot.`);
  }
  const portable = portableNameProblem(`${trimmed}.md`);
  if (portable) throw new InvalidInputError(`"${trimmed}" cannot be a note name: ${portable}.`);
  return trimmed;
}

/**
 * Creates a meta-skill note named after the skill in the meta-skills folder. Never overwrites, and
 * refuses a name another note already has anywhere in the vault: `[[name]]` links would be ambiguous.
 */
export async function createMetaSkill(
  repo: NoteRepository,
  input: NewSkillInput,
  settings: LifeBetterSettings,
  now: Date = new Date(),
): Promise<{ path: string; id: string }> {
  const name = checkName(input.name);
  await requireFreeName(repo, name, "name");
  const id = newId();
  const path = joinVaultPath(settings.folders["meta-skill"], `${name}.md`);
  try {
    await repo.create(path, newSkillNote({ ...input, name }, now, id));
  } catch (error) {
    if (error instanceof NoteExistsError) throw new InvalidInputError(`"${path}" already exists; LifeBetter never overwrites a note.`);
    throw error;
  }
  return { path, id };
}
