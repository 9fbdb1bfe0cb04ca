import { parseWikilink } from "../codec/wikilinks";
import { linkedEntries } from "./linked-entries";
import { listProperty, numberProperty } from "../schema/property-readers";
import type { VaultRecord, VaultRecords } from "../vault/records";

/** The meta-skills a problem used, as notes, plus the skill links that lead to no meta-skill note. */
export interface SkillsUsed {
  skills: VaultRecord[];
  missing: string[];
}

/**
 * Skills a problem used: its own `meta_skills` and those of its attempts. Links resolve from the note
 * that holds them; a skill named twice counts once.
 */
export function skillsUsedBy(vault: VaultRecords, problem: VaultRecord): SkillsUsed {
  const holders: { path: string; links: string[] }[] = [{ path: problem.path, links: listProperty(problem.properties, "meta_skills") }];
  for (const entry of linkedEntries(vault, problem)) {
    if (entry.type === "attempt") holders.push({ path: entry.path, links: entry.metaSkills });
  }
  const skills = new Map<string, VaultRecord>();
  const missing = new Set<string>();
  for (const holder of holders) {
    for (const raw of holder.links) {
      const target = parseWikilink(raw)?.target ?? raw.trim();
      const path = vault.resolver.resolve(target, holder.path);
      const record = path ? vault.records.find((candidate) => candidate.path === path && candidate.kind === "meta-skill") : undefined;
      if (record) skills.set(record.path, record);
      else missing.add(target);
    }
  }
  return { skills: [...skills.values()], missing: [...missing] };
}

/**
 * The average hours of work (`time_spent`) of the solved problems that used the skill, to two
 * decimals; undefined when no solved problem with recorded time used it. Derived each time from the
 * problems, never accumulated, so it stays true when a problem is edited.
 */
export function hoursToSolution(vault: VaultRecords, skillPath: string): number | undefined {
  const hours: number[] = [];
  for (const problem of vault.records) {
    if (problem.kind !== "problem" || problem.properties.status !== "solved") continue;
    const minutes = numberProperty(problem.properties, "time_spent");
    if (minutes === undefined || minutes < 0) continue;
    if (skillsUsedBy(vault, problem).skills.some((skill) => skill.path === skillPath)) hours.push(minutes / 60);
  }
  if (hours.length === 0) return undefined;
  const average = hours.reduce((sum, value) => sum + value, 0) / hours.length;
  return Math.round(average * 100) / 100;
}
