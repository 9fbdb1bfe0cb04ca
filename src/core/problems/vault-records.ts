import { parseNote } from "../codec/frontmatter";
import { isRecordKind, type RecordKind } from "../schema/kinds";
import type { LifeBetterSettings } from "../settings";
import { LinkResolver } from "../vault/link-resolver";
import { isInFolders, isMarkdown } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";

/** One LifeBetter record as read from the vault. */
export interface RecordNote {
  path: string;
  kind: RecordKind;
  properties: Record<string, unknown>;
  body: string;
}

/** The records of some kinds, and a resolver that knows every file (links may point anywhere). */
export interface VaultRecords {
  records: RecordNote[];
  resolver: LinkResolver;
}

const READ_CONCURRENCY = 16;

/**
 * Reads the records of the given kinds. Notes that cannot be read or parsed are skipped: `check`
 * is where they are reported, and one bad note must not stop a dashboard.
 */
export async function loadRecords(repo: NoteRepository, settings: LifeBetterSettings, kinds: readonly RecordKind[]): Promise<VaultRecords> {
  const files = (await repo.listFiles()).filter((file) => !isInFolders(file.path, settings.excludedFolders));
  const resolver = new LinkResolver(files.map((file) => file.path));
  const queue = files.filter((file) => isMarkdown(file.path)).map((file) => file.path);
  const found: RecordNote[] = [];
  const workers = Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      let text: string;
      try {
        text = await repo.read(path);
      } catch {
        continue;
      }
      const parsed = parseNote(text);
      if (!parsed.ok) continue;
      const kind = parsed.properties.kind;
      if (isRecordKind(kind) && kinds.includes(kind)) found.push({ path, kind, properties: parsed.properties, body: parsed.parts.body });
    }
  });
  await Promise.all(workers);
  // Reads finish in any order; sort so every run lists the same way.
  found.sort((a, b) => a.path.localeCompare(b.path));
  return { records: found, resolver };
}
