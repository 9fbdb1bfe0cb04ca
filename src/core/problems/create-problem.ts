import { composeNote } from "../codec/frontmatter";
import { renderTable } from "../codec/sections";
import { creationTimes, isoDate } from "../dates/timestamps";
import { InvalidInputError, NoteExistsError } from "../errors";
import { newId } from "../ids";
import { PRIORITIES } from "../schema/kinds";
import { isIsoDate, isIsoDateTime, isValidNumber, MINUTES } from "../schema/values";
import type { LifeBetterSettings } from "../settings";
import { requireFreeName } from "../vault/note-names";
import { joinVaultPath, portableNameProblem, safeFileStem } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";
import { MILESTONES_HEADING } from "./milestones";
import { SESSION_COLUMNS, SESSIONS_HEADING } from "./sessions-table";

/** What the "New problem" modal and `lifebetter problem new` ask for. */
export interface ProblemInput {
  title: string;
  description?: string;
  priority?: string;
  /** `YYYY-MM-DD` (or an ISO date and time). */
  target?: string;
  /** Minutes. */
  estimate?: number;
  /** Free text; `goal` marks a goal. */
  category?: string;
}

export interface CreatedProblem {
  path: string;
  id: string;
}

/** Builds the problem's properties, refusing bad input with a message that says what to change. */
export function problemProperties(input: ProblemInput, now: Date, id: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    id,
    kind: "problem",
    ...creationTimes(now),
    status: "active",
    started: isoDate(now),
  };
  const priority = input.priority?.trim().toLowerCase();
  if (priority) {
    if (!(PRIORITIES as readonly string[]).includes(priority)) {
      throw new InvalidInputError(`Unknown priority "${input.priority}". Choose one of: ${PRIORITIES.join(", ")}.`);
    }
    properties.priority = priority;
  }
  const target = input.target?.trim();
  if (target) {
    if (!isIsoDate(target) && !isIsoDateTime(target)) {
      throw new InvalidInputError(`The target "${input.target}" is not a date like 2026-12-31.`);
    }
    properties.target = target;
  }
  if (input.estimate !== undefined) {
    if (!isValidNumber(input.estimate, MINUTES)) {
      throw new InvalidInputError(`The estimate must be a number of minutes of at least 0, not ${String(input.estimate)}.`);
    }
    properties.estimate = input.estimate;
  }
  const category = input.category?.trim();
  if (category) properties.category = category;
  return properties;
}

/** The description, then empty `## Milestones` and `## Sessions` (with its header) for later edits. */
export function problemBody(description: string | undefined): string {
  const intro = description?.trim() ?? "";
  const sessions = renderTable([...SESSION_COLUMNS], []);
  return `${intro ? intro + "\n\n" : ""}## ${MILESTONES_HEADING}\n\n## ${SESSIONS_HEADING}\n\n${sessions}\n`;
}

/**
 * Creates a problem note in the problems folder, named by its title. Refuses a title whose note name
 * another note already has, as `skill new` does: `[[title]]` links would be ambiguous.
 */
export async function createProblem(repo: NoteRepository, input: ProblemInput, settings: LifeBetterSettings, now: Date = new Date()): Promise<CreatedProblem> {
  const stem = safeFileStem(input.title, 80);
  if (stem === "") throw new InvalidInputError("The problem has no title: name it in a few words.");
  const id = newId();
  const properties = problemProperties(input, now, id);
  const portable = portableNameProblem(`${stem}.md`);
  if (portable) throw new InvalidInputError(`The title cannot be a note name: ${portable}.`);
  await requireFreeName(repo, stem, "title");
  const path = joinVaultPath(settings.folders.problem, `${stem}.md`);
  try {
    await repo.create(path, composeNote(properties, problemBody(input.description)));
  } catch (error) {
    if (error instanceof NoteExistsError) throw new InvalidInputError(`"${path}" already exists; LifeBetter never overwrites a note.`);
    throw error;
  }
  return { path, id };
}
