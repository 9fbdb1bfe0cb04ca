import { MILESTONES_HEADING } from "../problems/milestones";
import { SESSION_COLUMNS, SESSIONS_HEADING } from "../problems/sessions-table";
import { DEFAULT_PROMPTS } from "../reflection/prompts";
import type { RecordKind } from "../schema/kinds";
import { SKILL_SECTIONS } from "../skills/new-skill";

/**
 * What LifeBetter itself writes into the notes it creates, so the index can leave it out: it is the
 * same in every record, so it would make unrelated records "similar" and match every search for
 * "sessions" or "2026". Only the person's own words are indexed (full text, vectors, terms).
 */

/** Headings LifeBetter's templates generate: problems, meta-skills, the default reflection prompts. */
const GENERATED_HEADINGS = new Set(
  [MILESTONES_HEADING, SESSIONS_HEADING, ...SKILL_SECTIONS, ...DEFAULT_PROMPTS.map((prompt) => prompt.heading)].map((h) => h.toLowerCase()),
);

/** A message heading of an imported conversation: `## You · 2026-12-02 09:30`, `## Claude`. */
const SPEAKER_HEADING = /^(you|chatgpt|claude)(\s+·\s+\d{4}-\d{2}-\d{2}(\s+\d{2}:\d{2})?)?$/i;

export function isGeneratedHeading(heading: string): boolean {
  const text = heading.trim();
  return GENERATED_HEADINGS.has(text.toLowerCase()) || SPEAKER_HEADING.test(text);
}

/** The session table's columns the person writes in; the others are times, minutes and 1–10 scales. */
const SESSION_TEXT_COLUMNS: readonly string[] = ["activity", "distractions", "outcome"];

/**
 * For a table whose header is the sessions table's (column names from SESSION_COLUMNS, with start
 * and end), the column positions whose cells are the person's text; null for any other table.
 */
export function sessionTextColumns(header: readonly string[]): number[] | null {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const known = new Set<string>(SESSION_COLUMNS);
  if (!names.includes("start") || !names.includes("end") || !names.every((name) => known.has(name))) return null;
  return names.flatMap((name, i) => (SESSION_TEXT_COLUMNS.includes(name) ? [i] : []));
}

/** Kinds whose file names LifeBetter starts with a date: entries (`2026-12-02 …`), reflections, conversations. */
const DATED_NAMES: ReadonlySet<RecordKind> = new Set(["entry", "reflection", "conversation"]);

/** A leading date stem: 2026-12-02, 2026-12-02 0930, 2026-W49, 2026-Q4, 2026-12, 2026. */
const DATE_STEM = /^\d{4}(?:-(?:W\d{1,2}|Q[1-4]|\d{2}(?:-\d{2})?))?(?:[ T_]\d{2}[:.h-]?\d{2}(?:[:.-]?\d{2})?)?(?=[\s_,.-]|$)[\s_,.-]*/i;

/** The words of a note's name that the person wrote: a record's generated date stem is left out. */
export function ownTitle(title: string, kind: RecordKind | null): string {
  return kind && DATED_NAMES.has(kind) ? title.replace(DATE_STEM, "").trim() : title;
}
