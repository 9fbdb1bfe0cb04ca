import { parseNote } from "../codec/frontmatter";
import { isRecordKind, type RecordKind } from "../schema/kinds";
import type { LifeBetterSettings } from "../settings";
import { isInFolders, isMarkdown, noteName } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";

/** A LifeBetter record as the review needs it: read fresh from the notes every time (sync-friendly). */
export interface VaultRecord {
  path: string;
  /** The note name, which links use. */
  name: string;
  kind: RecordKind;
  properties: Record<string, unknown>;
  body: string;
  /** File modification time (ms), the fallback date of an example. */
  mtime: number;
}

export interface VaultRecords {
  records: VaultRecord[];
  /** Every file path, for link resolution. */
  paths: string[];
}

const READ_CONCURRENCY = 16;

/** The record a note holds, or null for a note that is not a LifeBetter record or cannot be parsed. */
export function recordFromText(path: string, text: string, mtime: number): VaultRecord | null {
  const parsed = parseNote(text);
  if (!parsed.ok || !isRecordKind(parsed.properties.kind)) return null;
  return { path, name: noteName(path), kind: parsed.properties.kind, properties: parsed.properties, body: parsed.parts.body, mtime };
}

/**
 * Reads every record outside the excluded folders. Notes that cannot be read or parsed are skipped:
 * `check` reports them, and the review must go on without them.
 */
export async function loadRecords(repo: NoteRepository, settings: LifeBetterSettings): Promise<VaultRecords> {
  const files = (await repo.listFiles()).filter((file) => !isInFolders(file.path, settings.excludedFolders));
  const notes = files.filter((file) => isMarkdown(file.path));
  const records: VaultRecord[] = [];
  const queue = [...notes];
  const workers = Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const text = await repo.read(file.path).catch(() => null);
      const record = text === null ? null : recordFromText(file.path, text, file.mtime);
      if (record) records.push(record);
    }
  });
  await Promise.all(workers);
  records.sort((a, b) => a.path.localeCompare(b.path));
  return { records, paths: files.map((file) => file.path) };
}
