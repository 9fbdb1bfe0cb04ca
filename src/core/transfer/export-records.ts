import { isoDateTime } from "../dates/timestamps";
import { isRecordId } from "../ids";
import type { RecordKind } from "../schema/kinds";
import type { LifeBetterSettings } from "../settings";
import { loadRecords } from "../vault/records";
import type { NoteRepository } from "../vault/repository";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from "./export-format";
import { isPrivate } from "../schema/privacy";
import { recordDate } from "../schema/record-date";
import { redactBodyLinks, redactPropertyLinks } from "./private-links";

export interface ExportOptions {
  /** Only these kinds; all when empty or missing. */
  kinds?: readonly RecordKind[];
  /** Records dated on or after / before these instants (see recordDate). */
  since?: Date;
  until?: Date;
  /**
   * Private records are left out unless this is true; a link to one from an exported record is then
   * written as `[[private record]]` (see PRIVATE_LINK), so no private title leaves the vault.
   */
  includePrivate?: boolean;
  now?: Date;
}

export interface ExportResult {
  file: ExportFile;
  /** Private records left out (so the user knows they exist). */
  privateLeftOut: number;
  /** Records that could not be exported, with why (no valid id: `check --fix` gives one). */
  skipped: { path: string; reason: string }[];
}

/** Collects the records to export; nothing is written. */
export async function exportRecords(repo: NoteRepository, settings: LifeBetterSettings, options: ExportOptions = {}): Promise<ExportResult> {
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : undefined;
  // Every kind is read: a private record of a kind not exported can still be linked from one that is.
  const { records, resolver } = await loadRecords(repo, settings);
  const privatePaths = new Set(options.includePrivate ? [] : records.filter((record) => isPrivate(record.properties)).map((record) => record.path));
  const result: ExportResult = {
    file: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported_at: isoDateTime(options.now ?? new Date()), records: [] },
    privateLeftOut: 0,
    skipped: [],
  };
  for (const record of records) {
    if (kinds && !kinds.includes(record.kind)) continue;
    const date = recordDate(record.properties, record.mtime);
    if (options.since && date < options.since) continue;
    if (options.until && date >= options.until) continue;
    if (privatePaths.has(record.path)) {
      result.privateLeftOut++;
      continue;
    }
    const id = record.properties.id;
    if (!isRecordId(id)) {
      result.skipped.push({ path: record.path, reason: "it has no valid id (run the vault check's fix to give it one)" });
      continue;
    }
    const redaction = { resolver, privatePaths, from: record.path };
    const properties = privatePaths.size > 0 ? redactPropertyLinks(record.properties, redaction) : record.properties;
    const body = privatePaths.size > 0 ? redactBodyLinks(record.body, redaction) : record.body;
    result.file.records.push({ id, kind: record.kind, path: record.path, properties, body });
  }
  return result;
}

/** The export as the text of a file (readable, stable key order). */
export function exportText(file: ExportFile): string {
  return JSON.stringify(file, null, 2) + "\n";
}
