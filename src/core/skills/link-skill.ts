import { isoDateTime } from "../dates";
import { linkTo, parseWikilink } from "../codec/wikilinks";
import type { NoteRepository } from "../vault/repository";

function sameTarget(value: unknown, skillName: string): boolean {
  if (typeof value !== "string") return false;
  const target = (parseWikilink(value)?.target ?? value).trim().toLowerCase();
  return target === skillName.toLowerCase() || target.endsWith("/" + skillName.toLowerCase());
}

/**
 * Adds `[[skill]]` to a note's `meta_skills` (what "Suggest meta-skills" does when one is chosen).
 * Keeps the links already there; a lone value is made a list; an existing link to the skill is not
 * added twice. Mutates `properties`; returns whether it added the link.
 */
export function addSkillLink(properties: Record<string, unknown>, skillName: string): boolean {
  const current = properties.meta_skills;
  const list: unknown[] = Array.isArray(current) ? [...(current as unknown[])] : current === undefined || current === null || current === "" ? [] : [current];
  if (list.some((item) => sameTarget(item, skillName))) return false;
  properties.meta_skills = [...list, linkTo(skillName)];
  return true;
}

/** Links a skill from a note, properties only. Resolves to whether the note changed. */
export async function linkSkill(repo: NoteRepository, path: string, skillName: string, now: Date = new Date()): Promise<boolean> {
  return repo.updateProperties(path, (properties) => {
    if (addSkillLink(properties, skillName)) properties.updated = isoDateTime(now);
  });
}
