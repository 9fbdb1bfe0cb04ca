import { parseISO } from "date-fns";
import { parseWikilink } from "../codec/wikilinks";
import { textProperty } from "../schema/property-readers";
import { isIsoDate, isIsoDateTime } from "../schema/values";
import type { VaultRecord, VaultRecords } from "../vault/records";

/** An entry that replies (through `parent`) to another one, with how deep in the thread it sits. */
export interface ThreadReply {
  path: string;
  type: string;
  timestamp?: string;
  text: string;
  /** 1 for a direct reply, 2 for a reply to that reply, … */
  depth: number;
}

// A VaultRecords is a read-only snapshot: the grouping is computed once per snapshot.
const groupings = new WeakMap<VaultRecords, Map<string, VaultRecord[]>>();

/** Entries grouped by the path their `parent` link resolves to. */
function repliesByParent(vault: VaultRecords): Map<string, VaultRecord[]> {
  const cached = groupings.get(vault);
  if (cached) return cached;
  const groups = new Map<string, VaultRecord[]>();
  for (const record of vault.records) {
    if (record.kind !== "entry") continue;
    const parent = textProperty(record.properties, "parent");
    if (!parent) continue;
    const path = vault.resolver.resolve(parseWikilink(parent)?.target ?? parent, record.path);
    if (path && path !== record.path) groups.set(path, [...(groups.get(path) ?? []), record]);
  }
  groupings.set(vault, groups);
  return groups;
}

function when(record: VaultRecord): string | undefined {
  for (const name of ["timestamp", "created"]) {
    const value = textProperty(record.properties, name);
    if (value && (isIsoDateTime(value) || isIsoDate(value))) return value;
  }
  return undefined;
}

const time = (reply: ThreadReply): number => (reply.timestamp ? parseISO(reply.timestamp).getTime() : Number.POSITIVE_INFINITY);

/**
 * Every reply under an entry, depth first: each reply followed by its own replies, siblings oldest
 * first. A `parent` loop (A replies to B, B to A) is cut where it comes back.
 */
export function threadOf(vault: VaultRecords, path: string): ThreadReply[] {
  const groups = repliesByParent(vault);
  const seen = new Set<string>([path]);
  const walk = (parent: string, depth: number): ThreadReply[] => {
    const children = (groups.get(parent) ?? [])
      .filter((record) => !seen.has(record.path))
      .map((record): ThreadReply => ({
        path: record.path,
        type: textProperty(record.properties, "type") ?? "entry",
        timestamp: when(record),
        text: record.body.trim(),
        depth,
      }))
      .sort((a, b) => time(a) - time(b) || a.path.localeCompare(b.path));
    for (const child of children) seen.add(child.path);
    return children.flatMap((child) => [child, ...walk(child.path, depth + 1)]);
  };
  return walk(path, 1);
}

/** An entry above another in its thread (what it replies to, and what that replies to …). */
export interface ThreadParent {
  path: string;
  type: string;
  timestamp?: string;
  text: string;
}

/** The entry `record`'s `parent` resolves to, if that is an entry of the snapshot. */
function parentOf(vault: VaultRecords, record: VaultRecord, byPath: ReadonlyMap<string, VaultRecord>): VaultRecord | undefined {
  const parent = textProperty(record.properties, "parent");
  if (!parent) return undefined;
  const path = vault.resolver.resolve(parseWikilink(parent)?.target ?? parent, record.path);
  return path && path !== record.path ? byPath.get(path) : undefined;
}

/** What an entry replies to, up to the start of its thread: the first message first. A `parent` loop is cut where it comes back. */
export function parentChain(vault: VaultRecords, path: string): ThreadParent[] {
  const byPath = new Map(vault.records.filter((record) => record.kind === "entry").map((record) => [record.path, record] as const));
  const chain: ThreadParent[] = [];
  const seen = new Set<string>([path]);
  let current = byPath.get(path);
  while (current) {
    const parent = parentOf(vault, current, byPath);
    if (!parent || seen.has(parent.path)) break;
    seen.add(parent.path);
    chain.unshift({ path: parent.path, type: textProperty(parent.properties, "type") ?? "entry", timestamp: when(parent), text: parent.body.trim() });
    current = parent;
  }
  return chain;
}

/** An entry's whole thread (what it replies to, and the replies under it), or null when it has neither. */
export function entryThread(vault: VaultRecords, path: string): { parents: ThreadParent[]; replies: ThreadReply[] } | null {
  const parents = parentChain(vault, path);
  const above = new Set(parents.map((parent) => parent.path));
  const replies = threadOf(vault, path).filter((reply) => !above.has(reply.path)); // a loop shows each entry once
  return parents.length === 0 && replies.length === 0 ? null : { parents, replies };
}
