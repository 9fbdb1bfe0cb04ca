import { addLinkToList, linksTo } from "../codec/link-list";
import { isoDateTime } from "../dates/timestamps";
import { CONNECTION_PROPERTIES } from "../schema/kinds";
import type { NoteRepository } from "../vault/repository";

/** A typed connection, named as its property (docs/data-model.md "Connections"). */
export type ConnectionType = (typeof CONNECTION_PROPERTIES)[number];

export function isConnectionType(value: unknown): value is ConnectionType {
  return typeof value === "string" && (CONNECTION_PROPERTIES as readonly string[]).includes(value);
}

/**
 * "Accept as connection": writes `[[target]]` into the note's `type` property (a list of links),
 * properties only, and stamps `updated` when it changed something. `target` is the link text to
 * store (a note name, or a path when the name is ambiguous). Resolves to whether the note changed;
 * a note whose properties cannot be parsed is left as it is (the repository throws).
 */
export async function acceptConnection(repo: NoteRepository, path: string, type: ConnectionType, target: string, now: Date = new Date()): Promise<boolean> {
  return repo.updateProperties(path, (properties) => {
    if (addLinkToList(properties, type, target)) properties.updated = isoDateTime(now);
  });
}

/** The connection types under which a note's properties already link to `target`. */
export function connectionsTo(properties: Record<string, unknown>, target: string): ConnectionType[] {
  return CONNECTION_PROPERTIES.filter((type) => {
    const value = properties[type];
    return Array.isArray(value) ? value.some((item) => linksTo(item, target)) : linksTo(value, target);
  });
}
