import type { RecordKind } from "../schema/kinds";
import type { VaultRecord } from "../vault/records";

/** The record's tags without `#`, whether written as a list or a single string. */
export function recordTags(properties: Record<string, unknown>): string[] {
  const raw = properties.tags;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,\s]+/) : [];
  return list
    .filter((tag): tag is string => typeof tag === "string")
    .map((tag) => tag.trim().replace(/^#/, ""))
    .filter((tag) => tag !== "");
}

/**
 * The records of a kind, or carrying a tag (a nested tag `a/b` counts for `a`, as in Obsidian's tag
 * search), for "delete all records of this kind / tag".
 */
export function selectRecords(records: readonly VaultRecord[], selection: { kind: RecordKind } | { tag: string }): VaultRecord[] {
  if ("kind" in selection) return records.filter((record) => record.kind === selection.kind);
  const wanted = selection.tag.trim().replace(/^#/, "").toLowerCase();
  if (wanted === "") return [];
  return records.filter((record) => recordTags(record.properties).some((tag) => tag.toLowerCase() === wanted || tag.toLowerCase().startsWith(wanted + "/")));
}
