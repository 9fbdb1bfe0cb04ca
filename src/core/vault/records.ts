import { parseNote } from "../codec/frontmatter";
import { isRecordKind, type RecordKind } from "../schema/kinds";
import type { LifeBetterSettings } from "../settings";
import { forEachConcurrently, READ_CONCURRENCY } from "./concurrency";
import { LinkResolver } from "./link-resolver";
import { isInFolders, isMarkdown, noteName } from "./paths";
import type { NoteRepository } from "./repository";

/** A LifeBetter record as read from its note: the one shape every feature reads records in. */
export interface VaultRecord {
  path: string;
  /** The note name, which links use. */
  name: string;
  kind: RecordKind;
  properties: Record<string, unknown>;
  body: string;
  /** File modification time (ms), the fallback date of a record without one. */
  mtime: number;
}

/** A read-only snapshot of records, with a resolver that knows every file (links may point anywhere). */
export interface VaultRecords {
  records: VaultRecord[];
  resolver: LinkResolver;
  /** Notes whose frontmatter cannot be parsed, with why: a command naming one says so. */
  unparsed?: ReadonlyMap<string, string>;
}

/** The record a note holds, or null for a note that is not a LifeBetter record or cannot be parsed. */
export function recordFromText(path: string, text: string, mtime: number): VaultRecord | null {
  const read = readRecord(path, text, mtime);
  return typeof read === "string" ? null : read;
}

/** The record a note holds, null for a note that is no record, or why its frontmatter cannot be parsed. */
function readRecord(path: string, text: string, mtime: number): VaultRecord | null | string {
  const parsed = parseNote(text);
  if (!parsed.ok) return parsed.problem;
  if (!isRecordKind(parsed.properties.kind)) return null;
  return { path, name: noteName(path), kind: parsed.properties.kind, properties: parsed.properties, body: parsed.parts.body, mtime };
}

/**
 * Reads the records (of the given kinds, or all) outside the excluded folders, fresh from the notes
 * so that a sync is always seen. Notes that cannot be read or parsed are skipped: `check` reports
 * them, and one bad note must not stop a dashboard or a review.
 */
export async function loadRecords(
  repo: NoteRepository,
  settings: LifeBetterSettings,
  kinds?: readonly RecordKind[],
  /** Awaited before each note is parsed, so a view can yield to the UI (a TimeSlicer's tick). */
  tick?: () => Promise<void>,
): Promise<VaultRecords> {
  const files = (await repo.listFiles()).filter((file) => !isInFolders(file.path, settings.excludedFolders));
  const records: VaultRecord[] = [];
  const unparsed = new Map<string, string>();
  // Reads run several at once (the disk's parallelism); parsing, the work on this thread, runs one
  // note at a time with a tick before each, so no slice parses a note per read in flight.
  const texts: { file: (typeof files)[number]; text: string | null }[] = [];
  await forEachConcurrently(
    files.filter((file) => isMarkdown(file.path)),
    READ_CONCURRENCY,
    async (file) => {
      texts.push({ file, text: await repo.read(file.path).catch(() => null) });
      await tick?.();
    },
  );
  for (const { file, text } of texts) {
    await tick?.();
    const read = text === null ? null : readRecord(file.path, text, file.mtime);
    if (typeof read === "string") unparsed.set(file.path, read);
    const record = typeof read === "string" ? null : read;
    if (record && (!kinds || kinds.includes(record.kind))) records.push(record);
  }
  // Reads finish in any order; sort so every run lists the same way.
  records.sort((a, b) => a.path.localeCompare(b.path));
  // The resolver knows every file: in a big vault, building it is itself a long step.
  const resolver = new LinkResolver([]);
  for (const file of files) {
    resolver.add(file.path);
    await tick?.();
  }
  return { records, resolver, unparsed };
}
