import { parseWikilink, linkTo } from "../codec/wikilinks";
import { asDay } from "../dates/days";
import type { VaultRecords } from "../vault/records";
import { problemsWorkedOn } from "./context";
import { inRange } from "./periods";
import { reflectionRange } from "./reflection-model";

/** The link lists a reflection keeps in step with the records of its period (docs/data-model.md: Reflection). */
export const LINK_PROPERTIES = ["problems", "meta_skills_discovered"] as const;
export type LinkProperty = (typeof LINK_PROPERTIES)[number];
export type ReflectionLinks = Partial<Record<LinkProperty, string[]>>;

/**
 * What `problems` and `meta_skills_discovered` should hold: the problems worked on in the days the
 * reflection covers (see reflectionRange), by a work session or a dated entry linking them, and the
 * meta-skills `discovered` in them. A problem reflection's `problems` is the problem it was made
 * for, so it is left as the user has it.
 */
export function reflectionLinks(properties: Record<string, unknown>, vault: VaultRecords): ReflectionLinks {
  const range = reflectionRange(properties);
  if (range === null) return {};
  const link = (path: string) => linkTo(vault.resolver.linkText(path));
  const links: ReflectionLinks = {};
  if (properties.period !== "problem") links.problems = problemsWorkedOn(vault, range).map((record) => link(record.path));
  links.meta_skills_discovered = vault.records
    .flatMap((record) => {
      const day = record.kind === "meta-skill" ? asDay(record.properties.discovered) : null;
      return day !== null && inRange(day, range) ? [{ day, path: record.path }] : [];
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.path.localeCompare(b.path))
    .map((skill) => link(skill.path));
  return links;
}

/** Where each item of a link list points (its text when it is not a link that resolves). */
function targets(value: unknown, vault: VaultRecords, from: string): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((item) => {
    const text = typeof item === "string" ? item.trim() : JSON.stringify(item);
    const target = parseWikilink(text)?.target;
    return (target !== undefined ? vault.resolver.resolve(target, from) : null) ?? text;
  });
}

/**
 * Writes the lists that differ into `properties` and returns their names. A list whose links already
 * point at the same notes in the same order (`[[Ship v2|the launch]]`, a path link) is left as written.
 */
export function applyLinks(properties: Record<string, unknown>, links: ReflectionLinks, vault: VaultRecords, from: string): LinkProperty[] {
  const changed: LinkProperty[] = [];
  for (const name of LINK_PROPERTIES) {
    const wanted = links[name];
    if (wanted === undefined) continue;
    const now = targets(properties[name], vault, from);
    const next = targets(wanted, vault, from) ?? [];
    if (now !== null && now.length === next.length && now.every((target, i) => target === next[i])) continue;
    properties[name] = [...wanted];
    changed.push(name);
  }
  return changed;
}
