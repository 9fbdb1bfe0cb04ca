import { parseWikilink } from "../codec/wikilinks";
import { isRecordId } from "../ids";
import type { VaultRecords } from "./records";

/**
 * The vault path of a note a user named on the command line: a vault path (`.md` optional), a note
 * name or `[[link]]` resolved as Obsidian would, or a record's `id`. Null when nothing matches.
 */
export function findNotePath(vault: VaultRecords, input: string): string | null {
  const trimmed = input.trim();
  const target = (parseWikilink(trimmed)?.target ?? trimmed).trim();
  if (target === "") return null;
  const path = vault.resolver.resolve(target, "");
  if (path) return path;
  if (!isRecordId(target)) return null;
  return vault.records.find((record) => record.properties.id === target)?.path ?? null;
}
