import { isoDate, isoDateTime } from "../dates/timestamps";
import { InvalidInputError, errorMessage } from "../errors";
import type { LifeBetterSettings } from "../settings";
import type { NoteRepository } from "../vault/repository";
import { findProblem } from "./find-problem";
import { listProperty, numberProperty, textProperty } from "../schema/property-readers";
import { hoursToSolution, skillsUsedBy } from "./skill-usage";
import { loadRecords, type VaultRecords } from "../vault/records";

export type ClosingStatus = "solved" | "abandoned";

/** What the solve / abandon form asks. */
export interface CloseInput {
  status: ClosingStatus;
  learned?: string[];
  worked?: string[];
  didntWork?: string[];
}

/** A meta-skill's effectiveness after the problem's outcome was recorded on it. */
export interface SkillOutcome {
  path: string;
  uses_total: number;
  uses_success: number;
  uses_failed: number;
  last_used: string;
  hours_to_solution?: number;
}

export interface ClosedProblem {
  path: string;
  status: ClosingStatus;
  completed: string;
  skills: SkillOutcome[];
  /** Skill links of the problem or its attempts that lead to no meta-skill note. */
  missingSkills: string[];
  /** Skills whose note could not be written (unparseable frontmatter, …); the problem is closed. */
  failed: { path: string; message: string }[];
}

/** Existing items first, then the new ones not already there. */
function merged(existing: string[], added: string[] | undefined): string[] {
  const clean = (added ?? []).map((item) => item.trim()).filter((item) => item !== "");
  return [...new Set([...existing, ...clean])];
}

/**
 * Marks a problem solved or abandoned: `status`, `completed`, the what-learned / worked / didn't-work
 * lists, then records the outcome on every meta-skill the problem or its attempts used. A problem
 * already closed is refused, so an outcome is never counted twice.
 */
export async function closeProblem(
  repo: NoteRepository,
  settings: LifeBetterSettings,
  problemName: string,
  input: CloseInput,
  now: Date = new Date(),
): Promise<ClosedProblem> {
  const vault = await loadRecords(repo, settings, ["problem", "entry", "meta-skill"]);
  const problem = findProblem(vault, problemName);
  const completed = isoDateTime(now);
  const additions = { what_learned: input.learned, what_worked: input.worked, what_didnt_work: input.didntWork };
  // Checked and merged on the note as it is when written: of two commands closing the problem at
  // once, the second finds it closed and is refused, so an outcome is never counted twice.
  await repo.updateProperties(problem.path, (properties) => {
    const current = textProperty(properties, "status");
    if (current === "solved" || current === "abandoned") {
      throw new InvalidInputError(`"${problem.path}" is already ${current}; its outcome was recorded then.`);
    }
    properties.status = input.status;
    properties.completed = completed;
    for (const [name, added] of Object.entries(additions)) {
      const items = merged(listProperty(properties, name), added);
      if (items.length > 0) properties[name] = items;
    }
    properties.updated = completed;
  });

  // Derive from the vault as it is now, with this problem closed.
  problem.properties = { ...problem.properties, status: input.status };
  const { skills, missing } = skillsUsedBy(vault, problem);
  const result: ClosedProblem = { path: problem.path, status: input.status, completed, skills: [], missingSkills: missing, failed: [] };
  for (const skill of skills) {
    try {
      result.skills.push(await recordOutcome(repo, vault, skill.path, input.status, now));
    } catch (error) {
      result.failed.push({ path: skill.path, message: errorMessage(error) });
    }
  }
  return result;
}

async function recordOutcome(repo: NoteRepository, vault: VaultRecords, skillPath: string, status: ClosingStatus, now: Date): Promise<SkillOutcome> {
  const hours = hoursToSolution(vault, skillPath);
  let outcome: SkillOutcome | undefined;
  await repo.updateProperties(skillPath, (properties) => {
    // Counts are read from the note as written now, not from the earlier scan.
    const count = (name: string): number => {
      const value = numberProperty(properties, name);
      return value !== undefined && value >= 0 ? Math.floor(value) : 0;
    };
    const values: Omit<SkillOutcome, "path"> = {
      uses_total: count("uses_total") + 1,
      uses_success: count("uses_success") + (status === "solved" ? 1 : 0),
      uses_failed: count("uses_failed") + (status === "abandoned" ? 1 : 0),
      last_used: isoDate(now),
    };
    if (hours !== undefined) values.hours_to_solution = hours;
    Object.assign(properties, values);
    outcome = { path: skillPath, ...values };
    properties.updated = isoDateTime(now);
  });
  if (!outcome) throw new Error(`"${skillPath}" was not updated.`);
  return outcome;
}
