import type { NoteEdit } from "../codec/frontmatter";

/** A file in the vault, by vault-relative path with forward slashes. */
export interface VaultFile {
  path: string;
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
  /** Creation time where the platform knows it, else the modification time. */
  ctime: number;
}

/**
 * The one way the core reads and writes notes. Two adapters implement it: Obsidian's vault API in the
 * app and Node's file system for the CLI. Both refuse to rewrite a note whose frontmatter they cannot
 * parse, and never change a body when only properties change.
 *
 * Every edit is a compare-and-swap on the whole note: the edit function runs on the note as it is at
 * the moment of writing, and when another writer got there first it runs again on the new text. So an
 * edit may run more than once and must derive everything it writes from what it is given.
 */
export interface NoteRepository {
  /** Every file LifeBetter may look at (dot-folders such as .obsidian and .trash are left out). */
  listFiles(): Promise<VaultFile[]>;
  /** The note's text; throws NoteReadError when it is gone, unreadable or not UTF-8. */
  read(path: string): Promise<string>;
  exists(path: string): Promise<boolean>;
  /** Creates a note and its folders; throws NoteExistsError rather than overwrite. */
  create(path: string, content: string): Promise<void>;
  /**
   * Changes properties only. Throws NoteParseError for a note whose frontmatter cannot be parsed.
   * Resolves to whether anything changed.
   */
  updateProperties(path: string, mutate: (properties: Record<string, unknown>) => void): Promise<boolean>;
  /**
   * Changes the body only (a section, a table row); the frontmatter's bytes stay as they are. Throws
   * NoteParseError for a note whose frontmatter cannot be parsed. Resolves to whether anything changed.
   */
  updateBody(path: string, edit: (body: string) => string): Promise<boolean>;
  /**
   * Changes properties and body together, as one write (a session row and the totals it changes):
   * `edit` changes `properties` in place and may replace `body`. Only the keys that changed are
   * rewritten; when no key changed the frontmatter's bytes stay as they are. Throws NoteParseError for
   * a note whose frontmatter cannot be parsed. Resolves to whether anything changed.
   */
  updateNote(path: string, edit: (note: NoteEdit) => void): Promise<boolean>;
}
