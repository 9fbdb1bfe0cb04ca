import { LinkResolver } from "../vault/link-resolver";
import { isMarkdown, normalizeVaultPath } from "../vault/paths";

/**
 * The note a user named on the command line or in a link: a vault path (`.md` optional) or a note
 * name, resolved as a wikilink would be. Null when nothing matches.
 */
export function findNote(input: string, paths: readonly string[]): string | null {
  const markdown = paths.filter(isMarkdown);
  let cleaned: string;
  try {
    cleaned = normalizeVaultPath(input.trim().replace(/^\[\[|\]\]$/g, ""));
  } catch {
    return null; // points outside the vault
  }
  if (cleaned === "") return null;
  return new LinkResolver(markdown).resolve(cleaned, "");
}
