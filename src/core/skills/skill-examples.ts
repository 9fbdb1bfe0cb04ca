import { parseISO } from "date-fns";
import { linksInMarkdown, linksInProperties } from "../codec/wikilinks";
import type { LinkResolver } from "../vault/link-resolver";
import type { VaultRecord } from "../vault/records";

/** An entry or problem that links a skill: a recent example of it in use. */
export interface SkillExample {
  path: string;
  name: string;
  kind: "entry" | "problem";
  /** The entry type (attempt, solution, …). */
  type: string | null;
  /** When it happened (ISO text from the note, or the file's modification time). */
  when: string;
}

/** Entries and problems by the paths they link to: built once, then each card looks its skill up. */
export type Backlinks = Map<string, VaultRecord[]>;

const isExampleKind = (kind: string): kind is SkillExample["kind"] => kind === "entry" || kind === "problem";

/** Links in properties and body, resolved as Obsidian would; derived each time, never stored. */
export function buildBacklinks(records: readonly VaultRecord[], resolver: LinkResolver): Backlinks {
  const backlinks: Backlinks = new Map();
  for (const record of records) {
    if (!isExampleKind(record.kind)) continue;
    const targets = new Set<string>();
    for (const link of [...linksInProperties(record.properties), ...linksInMarkdown(record.body)]) {
      const target = link.embed ? null : resolver.resolve(link, record.path);
      if (target && target !== record.path) targets.add(target);
    }
    for (const target of targets) backlinks.set(target, [...(backlinks.get(target) ?? []), record]);
  }
  return backlinks;
}

function timeOf(record: VaultRecord): { when: string; ms: number } {
  const keys = record.kind === "entry" ? ["timestamp", "created"] : ["last_worked", "completed", "started", "created"];
  for (const key of keys) {
    const value = record.properties[key];
    if (typeof value !== "string") continue;
    const ms = parseISO(value).getTime();
    if (Number.isFinite(ms)) return { when: value, ms };
  }
  return { when: new Date(record.mtime).toISOString(), ms: record.mtime };
}

/** The most recent entries and problems that link the skill, newest first. */
export function recentExamples(skillPath: string, backlinks: Backlinks, limit = 5): SkillExample[] {
  return (backlinks.get(skillPath) ?? [])
    .map((record) => ({ record, time: timeOf(record) }))
    .sort((a, b) => b.time.ms - a.time.ms || a.record.path.localeCompare(b.record.path))
    .slice(0, limit)
    .map(({ record, time }) => ({
      path: record.path,
      name: record.name,
      kind: record.kind === "problem" ? "problem" : "entry",
      type: typeof record.properties.type === "string" ? record.properties.type : null,
      when: time.when,
    }));
}
