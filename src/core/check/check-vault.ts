import { NoteReadError, errorMessage } from "../errors";
import { parseNote } from "../codec/frontmatter";
import { linksInMarkdown, linksInProperties } from "../codec/wikilinks";
import { isRecordId } from "../ids";
import { MAX_INDEXED_NOTE_BYTES } from "../limits";
import { isRecordKind } from "../schema/kinds";
import { dayOf } from "../dates/days";
import { checkRecordProperties } from "./record-rules";
import { checkProblemSessions } from "./session-rules";
import type { LifeBetterSettings } from "../settings";
import { forEachConcurrently, READ_CONCURRENCY } from "../vault/concurrency";
import { LinkResolver } from "../vault/link-resolver";
import { isInFolders, isMarkdown } from "../vault/paths";
import type { NoteRepository, VaultFile } from "../vault/repository";
import type { CheckReport, Finding } from "./findings";
import { splitIdHolders } from "./id-keeper";

export interface CheckOptions {
  onProgress?: (done: number, total: number) => void;
  /** The clock for rules relative to today (defaults to now). */
  now?: Date;
}

interface IdOwner {
  path: string;
  ctime: number;
}

/** Reads every Markdown note and reports what is wrong. It never writes. */
export async function checkVault(repo: NoteRepository, settings: LifeBetterSettings, options: CheckOptions = {}): Promise<CheckReport> {
  const allFiles = (await repo.listFiles()).filter((file) => !isInFolders(file.path, settings.excludedFolders));
  const notes = allFiles.filter((file) => isMarkdown(file.path)).sort((a, b) => a.path.localeCompare(b.path));
  const resolver = new LinkResolver(allFiles.map((file) => file.path));
  const findings: Finding[] = [];
  const records: Record<string, number> = {};
  const owners = new Map<string, IdOwner[]>();
  let done = 0;
  const today = dayOf(options.now ?? new Date());

  const checkOne = async (file: VaultFile): Promise<void> => {
    let text: string;
    try {
      text = await repo.read(file.path);
    } catch (error) {
      const message = error instanceof NoteReadError && error.reason === "missing" ? "was deleted or moved while it was being checked" : errorMessage(error);
      findings.push({ path: file.path, code: "unreadable", severity: "error", message });
      return;
    }
    if (text.replace(/^\uFEFF/, "").trim() === "") {
      findings.push({ path: file.path, code: "empty-file", severity: "info", message: "the note is empty" });
      return;
    }
    const parsed = parseNote(text);
    if (!parsed.ok) {
      findings.push({
        path: file.path,
        code: "malformed-frontmatter",
        severity: "error",
        message: `${parsed.problem}. LifeBetter will not change this note until it is fixed.`,
      });
      return;
    }
    const bytes = file.size || text.length;
    if (bytes > MAX_INDEXED_NOTE_BYTES) {
      findings.push({
        path: file.path,
        code: "too-large",
        severity: "warning",
        message: `the note is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INDEXED_NOTE_BYTES / 1024 / 1024} MB limit: its properties are checked but it is not indexed`,
      });
    }
    const { properties } = parsed;
    const kind = properties.kind;
    if (!isRecordKind(kind)) {
      if (kind !== undefined && isRecordId(properties.id)) {
        findings.push({
          path: file.path,
          code: "invalid-value",
          severity: "error",
          property: "kind",
          message: `kind must be one of entry, problem, meta-skill, reflection, pattern, conversation, found ${JSON.stringify(kind)}`,
        });
      }
      return;
    }
    records[kind] = (records[kind] ?? 0) + 1;
    findings.push(...checkRecordProperties(file.path, kind, properties, settings, today));
    if (kind === "problem" && bytes <= MAX_INDEXED_NOTE_BYTES) findings.push(...checkProblemSessions(file.path, properties, parsed.parts.body));
    if (isRecordId(properties.id)) {
      const list = owners.get(properties.id) ?? [];
      list.push({ path: file.path, ctime: file.ctime });
      owners.set(properties.id, list);
    }
    if (bytes <= MAX_INDEXED_NOTE_BYTES) {
      const seen = new Set<string>();
      for (const link of [...linksInProperties(properties), ...linksInMarkdown(parsed.parts.body)]) {
        if (link.embed || seen.has(link.target) || resolver.resolve(link, file.path)) continue;
        seen.add(link.target);
        findings.push({
          path: file.path,
          code: "broken-link",
          severity: "warning",
          message: `the link [[${link.target}]] points at no note or file in the vault`,
        });
      }
    }
  };

  await forEachConcurrently(notes, READ_CONCURRENCY, async (file) => {
    await checkOne(file);
    options.onProgress?.(++done, notes.length);
  });

  findings.push(...duplicateIdFindings(owners));
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
  return { files: notes.length, records, findings };
}

/** The oldest file keeps the id; each newer copy is reported with a new-id fix. */
function duplicateIdFindings(owners: Map<string, IdOwner[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [id, list] of owners) {
    const split = list.length < 2 ? null : splitIdHolders(list);
    if (!split) continue;
    const { keeper, copies } = split;
    for (const copy of copies) {
      findings.push({
        path: copy.path,
        code: "duplicate-id",
        severity: "error",
        property: "id",
        message: `id ${id} is also the id of "${keeper.path}"; this copy is the newer file and should get a new id`,
        fix: { action: "new-id", description: "give this note a new id" },
      });
    }
  }
  return findings;
}
