import { checkRecordProperties } from "../check/record-rules";
import { composeNote } from "../codec/frontmatter";
import { createUniqueNote, uniqueNoteCandidates } from "../vault/create-note";
import { NoteExistsError, errorMessage } from "../errors";
import { isRecordId } from "../ids";
import { isRecordKind } from "../schema/kinds";
import type { LifeBetterSettings } from "../settings";
import { noteName, parentFolder } from "../vault/paths";
import { loadRecords, type VaultRecord } from "../vault/records";
import type { NoteRepository } from "../vault/repository";
import { isObject, parseExportFile, type ExportedRecord } from "./export-format";
import { importPathProblem } from "./import-path";
import { parseDateValue } from "../schema/record-date";

export type ImportAction =
  | { action: "create"; id: string; path: string; /** Set when the file's path was taken by another note. */ requestedPath?: string }
  | { action: "update"; id: string; path: string }
  | { action: "skip"; id: string; path: string; reason: string }
  | { action: "error"; index: number; id?: string; path?: string; reason: string };

export interface ImportReport {
  dryRun: boolean;
  actions: ImportAction[];
  counts: Record<ImportAction["action"], number>;
}

export interface ImportOptions {
  /** Report what would happen and write nothing. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A record from the file, checked; or why it cannot be imported. */
function readRecord(raw: unknown, settings: LifeBetterSettings): ExportedRecord | string {
  if (!isObject(raw)) return "it is not an object with id, kind, path, properties and body";
  const { id, kind, path, properties, body } = raw;
  if (!isRecordId(id)) return `its id ${JSON.stringify(id ?? null)} is not a UUID v4`;
  if (!isRecordKind(kind)) return `its kind ${JSON.stringify(kind ?? null)} is not a LifeBetter kind`;
  const pathProblem = importPathProblem(path);
  if (pathProblem) return pathProblem;
  if (!isObject(properties)) return "its properties are not an object";
  if (typeof body !== "string") return "its body is not text";
  if (properties.id !== undefined && properties.id !== id) return `its properties hold another id (${JSON.stringify(properties.id)})`;
  if (properties.kind !== undefined && properties.kind !== kind) return `its properties hold another kind (${JSON.stringify(properties.kind)})`;
  // The schema's value rules, the same `check` and every writer apply: a note never gets mood 42.
  // An entry's type may be a custom type of the vault it came from, which this vault's settings lack.
  const broken = checkRecordProperties(path as string, kind, properties, settings).filter(
    (finding) => finding.severity === "error" && finding.property !== "type",
  );
  if (broken.length > 0) return `its properties break the schema (${broken.map((finding) => finding.message).join("; ")})`;
  // The file's key order is kept (a round trip gives the same note); a missing id or kind goes first.
  const missing = { ...(properties.id === undefined ? { id } : {}), ...(properties.kind === undefined ? { kind } : {}) };
  return { id, kind, path: path as string, properties: { ...missing, ...properties }, body };
}

function sameRecord(existing: VaultRecord, record: ExportedRecord): boolean {
  return existing.body === record.body && JSON.stringify(sortKeys(existing.properties)) === JSON.stringify(sortKeys(record.properties));
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

/** The vault copy's last change: its `updated`, else the file's modification time (docs/data-model.md). */
function vaultUpdated(record: VaultRecord): number {
  return parseDateValue(record.properties.updated)?.getTime() ?? record.mtime;
}

/**
 * Imports a records file: new ids become notes at their path (or a free name beside it when another
 * note holds that path), a record already in the vault is updated only when the file's `updated` is
 * newer, and nothing else is touched. Paths that would leave the vault or enter a hidden folder are
 * refused per record, as are malformed records; a file that is not a records export is refused whole.
 */
export async function importRecords(repo: NoteRepository, settings: LifeBetterSettings, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const { records } = parseExportFile(text);
  // Every folder counts when looking for an id, so a record in an excluded folder is not duplicated.
  const vault = await loadRecords(repo, { ...settings, excludedFolders: [] });
  const byId = new Map<string, VaultRecord>();
  for (const record of vault.records) if (typeof record.properties.id === "string") byId.set(record.properties.id, record);

  const report: ImportReport = { dryRun: options.dryRun ?? false, actions: [], counts: { create: 0, update: 0, skip: 0, error: 0 } };
  const seen = new Set<string>();
  const planned = new Set<string>(); // paths a dry run would have created
  const add = (action: ImportAction): void => {
    report.actions.push(action);
    report.counts[action.action]++;
  };

  for (const [index, raw] of records.entries()) {
    options.onProgress?.(index, records.length);
    const record = readRecord(raw, settings);
    if (typeof record === "string") {
      const partial = isObject(raw) ? raw : {};
      add({
        action: "error",
        index,
        id: typeof partial.id === "string" ? partial.id : undefined,
        path: typeof partial.path === "string" ? partial.path : undefined,
        reason: `Record ${index + 1} was not imported: ${record}.`,
      });
      continue;
    }
    if (seen.has(record.id)) {
      add({
        action: "error",
        index,
        id: record.id,
        path: record.path,
        reason: `Record ${index + 1} was not imported: id ${record.id} appears earlier in the same file, which was kept.`,
      });
      continue;
    }
    seen.add(record.id);
    try {
      add(await importOne(repo, record, byId.get(record.id), report.dryRun, planned));
    } catch (error) {
      add({ action: "error", index, id: record.id, path: record.path, reason: `Record ${index + 1} was not imported: ${errorMessage(error)}` });
    }
  }
  options.onProgress?.(records.length, records.length);
  return report;
}

async function importOne(
  repo: NoteRepository,
  record: ExportedRecord,
  existing: VaultRecord | undefined,
  dryRun: boolean,
  planned: Set<string>,
): Promise<ImportAction> {
  const { id } = record;
  if (existing) {
    if (sameRecord(existing, record)) return { action: "skip", id, path: existing.path, reason: "already in the vault, unchanged" };
    const incoming = parseDateValue(record.properties.updated)?.getTime();
    if (incoming === undefined || incoming <= vaultUpdated(existing)) {
      return {
        action: "skip",
        id,
        path: existing.path,
        reason: "the vault's copy differs and is as new or newer (the file's updated is not later), so it was kept",
      };
    }
    if (!dryRun) await replaceRecord(repo, existing.path, record);
    return { action: "update", id, path: existing.path };
  }
  const content = composeNote(record.properties, record.body);
  const free = await freePath(repo, record.path, planned);
  if (dryRun) {
    planned.add(free);
    return created(id, free, record.path);
  }
  if (free === record.path) {
    try {
      await repo.create(record.path, content);
      return created(id, record.path, record.path);
    } catch (error) {
      if (!(error instanceof NoteExistsError)) throw error; // else created meanwhile: take a free name
    }
  }
  // Another note holds this path: never overwrite it, take the next free name beside it.
  const path = await createUniqueNote(repo, parentFolder(record.path), noteName(record.path), content);
  return created(id, path, record.path);
}

function created(id: string, path: string, requested: string): ImportAction {
  return path === requested ? { action: "create", id, path } : { action: "create", id, path, requestedPath: requested };
}

async function freePath(repo: NoteRepository, path: string, planned: Set<string>): Promise<string> {
  for (const candidate of uniqueNoteCandidates(parentFolder(path), noteName(path))) {
    if (!planned.has(candidate) && !(await repo.exists(candidate))) return candidate;
  }
  throw new Error(`no free file name beside "${path}"`);
}

/** Makes the note hold the imported record: properties and body in one safe write. */
async function replaceRecord(repo: NoteRepository, path: string, record: ExportedRecord): Promise<void> {
  await repo.updateNote(path, (note) => {
    for (const key of Object.keys(note.properties)) delete note.properties[key];
    Object.assign(note.properties, structuredClone(record.properties));
    note.body = record.body;
  });
}
