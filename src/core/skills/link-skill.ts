import { isoDateTime } from "../dates/timestamps";
import { addLinkToList } from "../codec/link-list";
import type { NoteRepository } from "../vault/repository";

/**
 * Adds `[[skill]]` to a note's `meta_skills` (what "Suggest meta-skills" does when one is chosen).
 * Keeps the links already there; a lone value is made a list; an existing link to the skill is not
 * added twice. Mutates `properties`; returns whether it added the link.
 */
export function addSkillLink(properties: Record<string, unknown>, skillName: string): boolean {
  return addLinkToList(properties, "meta_skills", skillName);
}

/** Links a skill from a note, properties only. Resolves to whether the note changed. */
export async function linkSkill(repo: NoteRepository, path: string, skillName: string, now: Date = new Date()): Promise<boolean> {
  return repo.updateProperties(path, (properties) => {
    if (addSkillLink(properties, skillName)) properties.updated = isoDateTime(now);
  });
}
