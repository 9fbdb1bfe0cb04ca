import { parseWikilink } from "../codec/wikilinks";
import { InvalidInputError } from "../errors";
import type { LinkResolver } from "./link-resolver";
import { isMarkdown, noteName } from "./paths";
import type { NoteRepository } from "./repository";

/** A name two or more notes share: refused, with every path it could mean. */
export class AmbiguousNameError extends InvalidInputError {
  constructor(
    readonly typed: string,
    readonly candidates: readonly string[],
  ) {
    super(
      `"${typed}" names ${candidates.length} notes: ${candidates.join(", ")}. Give the path instead (for example "${candidates[0]?.replace(/\.md$/i, "") ?? typed}").`,
    );
    this.name = "AmbiguousNameError";
  }
}

/** The link target a user typed: `Ship v2`, `[[Ship v2]]`, `[[Ship v2|alias]]` or a vault path. */
export function typedTarget(typed: string): string {
  const trimmed = typed.trim();
  return parseWikilink(trimmed)?.target ?? trimmed.replace(/\.md$/i, "");
}

/** The one note a typed name means, or null when none; refuses a name several notes share. */
export function uniqueNote(resolver: LinkResolver, typed: string): string | null {
  const target = typedTarget(typed);
  if (target === "") return null;
  const matches = resolver.matches(target, "");
  if (matches.length > 1) throw new AmbiguousNameError(target, matches);
  return matches[0] ?? null;
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);

/**
 * Note names that look like what was typed, best first: one contains the other, or they share a
 * word of three letters or more. For "did you mean …?" in messages.
 */
export function closeNoteNames(typed: string, paths: readonly string[], limit = 3): string[] {
  const target = typedTarget(typed).toLowerCase();
  const wanted = new Set(words(target));
  const scored: { name: string; score: number }[] = [];
  for (const path of paths) {
    const name = noteName(path);
    const lower = name.toLowerCase();
    const shared = words(lower).filter((word) => wanted.has(word)).length;
    const contains = lower.includes(target) || (lower.length >= 3 && target.includes(lower));
    const score = (contains ? 10 : 0) + shared;
    if (score > 0) scored.push({ name, score });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((entry) => entry.name))].slice(0, limit);
}

/**
 * Refuses a name for a new problem or meta-skill that another note already has anywhere in the vault:
 * `[[name]]` links to it would be ambiguous. Problems and skills behave the same (README).
 */
export async function requireFreeName(repo: NoteRepository, name: string, what: string): Promise<void> {
  const lower = name.toLowerCase();
  const taken = (await repo.listFiles()).find((file) => isMarkdown(file.path) && noteName(file.path).toLowerCase() === lower);
  if (taken) throw new InvalidInputError(`A note named "${name}" already exists (${taken.path}); choose another ${what}.`);
}
