import { UnusableFileError } from "../errors";
import type { RecordKind } from "../schema/kinds";

/** What `format` says in every LifeBetter records file, so a stray JSON file is recognised as not ours. */
export const EXPORT_FORMAT = "lifebetter-records";
/** Bumped when the shape changes in a way an older reader would misread. */
export const EXPORT_VERSION = 1;

/** One record as exported: enough to recreate the note exactly (properties and body). */
export interface ExportedRecord {
  id: string;
  kind: RecordKind;
  /** Vault-relative path with forward slashes. */
  path: string;
  properties: Record<string, unknown>;
  body: string;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exported_at: string;
  records: ExportedRecord[];
}

/** A records file LifeBetter cannot read at all: the message says why, in the user's terms. */
export class ExportFileError extends UnusableFileError {
  constructor(message: string) {
    super(message);
    this.name = "ExportFileError";
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads the envelope of a records file. Each record's own shape is checked by the importer, so one bad
 * record is reported and the others still import.
 */
export function parseExportFile(text: string): { exportedAt: string; records: unknown[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExportFileError(`The file is not valid JSON (${detail}); it may be cut short or not a LifeBetter export. Nothing was imported.`);
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) {
    throw new ExportFileError(`The file is JSON but not a LifeBetter records export (it has no "format": "${EXPORT_FORMAT}"). Nothing was imported.`);
  }
  if (typeof data.version !== "number" || !Number.isInteger(data.version) || data.version < 1) {
    throw new ExportFileError("The export has no valid version number. Nothing was imported.");
  }
  if (data.version > EXPORT_VERSION) {
    throw new ExportFileError(
      `The export was made by a newer LifeBetter (format version ${data.version}); update the plugin to import it. Nothing was imported.`,
    );
  }
  if (!Array.isArray(data.records)) {
    throw new ExportFileError('The export has no "records" list. Nothing was imported.');
  }
  return { exportedAt: typeof data.exported_at === "string" ? data.exported_at : "", records: data.records };
}

export { isObject };
