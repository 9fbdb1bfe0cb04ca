import { parseISO } from "date-fns";
import { parseWikilink } from "../codec/wikilinks";
import { isIsoDate, isIsoDateTime } from "../schema/values";
import { listProperty, textProperty } from "../schema/property-readers";
import type { VaultRecord, VaultRecords } from "../vault/records";

/** The entry types a problem view shows. */
export const PROBLEM_ENTRY_TYPES = ["attempt", "blocker", "solution"] as const;
export type ProblemEntryType = (typeof PROBLEM_ENTRY_TYPES)[number];

/** An attempt, blocker or solution that links a problem. */
export interface LinkedEntry {
  path: string;
  id?: string;
  type: ProblemEntryType;
  /** When it happened: `timestamp`, else `created`; undefined when neither is a date. */
  timestamp?: string;
  /** Blockers only: unresolved (no `resolved` date). */
  open: boolean;
  outcome?: string;
  approach?: string;
  timeSpent?: number;
  resolved?: string;
  howResolved?: string;
  metaSkills: string[];
  /** The body: the entry's own text. */
  text: string;
}

/**
 * The path of the problem an entry's `problem` points at: where the link resolves, or, when the link
 * is broken, the problem whose id it names (`[[<id>]]` or the bare id), so a renamed problem keeps it.
 */
export function problemPathOf(entry: VaultRecord, vault: VaultRecords, problemsById: ReadonlyMap<string, string>): string | undefined {
  const value = textProperty(entry.properties, "problem");
  if (!value) return undefined;
  const target = parseWikilink(value)?.target ?? value;
  return vault.resolver.resolve(target, entry.path) ?? problemsById.get(target);
}

/** Problem paths by their id, for problemPathOf. */
export function problemPathsById(vault: VaultRecords): Map<string, string> {
  const byId = new Map<string, string>();
  for (const record of vault.records) {
    const id = record.properties.id;
    if (record.kind === "problem" && typeof id === "string") byId.set(id, record.path);
  }
  return byId;
}

// A VaultRecords is a read-only snapshot, so the grouping is computed once per snapshot: the
// dashboard and skill effectiveness ask for every problem's entries.
const groupings = new WeakMap<VaultRecords, Map<string, VaultRecord[]>>();

/** Attempt, blocker and solution entries grouped by the problem path they link. */
function entriesByProblem(vault: VaultRecords): Map<string, VaultRecord[]> {
  const cached = groupings.get(vault);
  if (cached) return cached;
  const problemsById = problemPathsById(vault);
  const groups = new Map<string, VaultRecord[]>();
  for (const record of vault.records) {
    if (record.kind !== "entry" || !(PROBLEM_ENTRY_TYPES as readonly unknown[]).includes(record.properties.type)) continue;
    const path = problemPathOf(record, vault, problemsById);
    if (!path) continue;
    const group = groups.get(path);
    if (group) group.push(record);
    else groups.set(path, [record]);
  }
  groupings.set(vault, groups);
  return groups;
}

function when(properties: Record<string, unknown>): string | undefined {
  for (const name of ["timestamp", "created"]) {
    const value = textProperty(properties, name);
    if (value && (isIsoDateTime(value) || isIsoDate(value))) return value;
  }
  return undefined;
}

function toLinkedEntry(entry: VaultRecord, type: ProblemEntryType): LinkedEntry {
  const p = entry.properties;
  const resolved = textProperty(p, "resolved");
  const timeSpent = p.time_spent;
  return {
    path: entry.path,
    id: textProperty(p, "id"),
    type,
    timestamp: when(p),
    open: type === "blocker" && !resolved,
    outcome: textProperty(p, "outcome"),
    approach: textProperty(p, "approach"),
    timeSpent: typeof timeSpent === "number" && Number.isFinite(timeSpent) ? timeSpent : undefined,
    resolved,
    howResolved: textProperty(p, "how_resolved"),
    metaSkills: listProperty(p, "meta_skills"),
    text: entry.body.trim(),
  };
}

const time = (entry: LinkedEntry): number => (entry.timestamp ? parseISO(entry.timestamp).getTime() : Number.POSITIVE_INFINITY);

/**
 * The problem's attempts, blockers and solutions as a timeline: open blockers first (the longest
 * standing on top), then everything else oldest first. Undated entries go last; ties by path.
 */
export function linkedEntries(vault: VaultRecords, problem: VaultRecord): LinkedEntry[] {
  const entries = (entriesByProblem(vault).get(problem.path) ?? []).map((record) => toLinkedEntry(record, record.properties.type as ProblemEntryType));
  return entries.sort((a, b) => Number(b.open) - Number(a.open) || time(a) - time(b) || a.path.localeCompare(b.path));
}

/** How many blockers of the problem are still open. */
export function openBlockerCount(entries: readonly LinkedEntry[]): number {
  return entries.filter((entry) => entry.open).length;
}
