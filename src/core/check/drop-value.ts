import type { NoteRepository } from "../vault/repository";
import type { Finding } from "./findings";

/**
 * Properties a record cannot do without: removing them would not fix the note, so it is never offered.
 * `private` (any case) too: removing an odd spelling of it would make a private note public.
 */
const KEPT = new Set(["id", "kind", "private"]);

/**
 * An invalid value with no automatic repair can be removed instead, after the user confirms: true for
 * findings where that is offered.
 */
export function canDropValue(finding: Finding): finding is Finding & { property: string } {
  return finding.code === "invalid-value" && finding.fix === undefined && finding.property !== undefined && !KEPT.has(finding.property.trim().toLowerCase());
}

/** Removes the property the finding is about; properties only, the body is never touched. */
export async function dropValue(repo: NoteRepository, finding: Finding & { property: string }, now: () => string): Promise<boolean> {
  return repo.updateProperties(finding.path, (properties) => {
    if (!(finding.property in properties)) return;
    delete properties[finding.property];
    properties.updated = now();
  });
}
