import { linkTo, parseWikilink } from "./wikilinks";

/** Whether a property value links to `name` (a note name or a `Folder/Name` link text), ignoring case. */
export function linksTo(value: unknown, name: string): boolean {
  if (typeof value !== "string") return false;
  const target = (parseWikilink(value)?.target ?? value).trim().toLowerCase();
  const wanted = name.trim().toLowerCase();
  return target === wanted || target.endsWith("/" + wanted) || wanted.endsWith("/" + target);
}

/**
 * Adds `[[name]]` to a list-of-links property (`meta_skills`, `related`, …). Keeps the links already
 * there; a lone value is made a list; a link already present is not added twice. Mutates
 * `properties`; returns whether it added the link.
 */
export function addLinkToList(properties: Record<string, unknown>, key: string, name: string): boolean {
  const current = properties[key];
  const list: unknown[] = Array.isArray(current) ? [...(current as unknown[])] : current === undefined || current === null || current === "" ? [] : [current];
  if (list.some((item) => linksTo(item, name))) return false;
  properties[key] = [...list, linkTo(name)];
  return true;
}
