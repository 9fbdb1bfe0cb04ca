import { isoDateTime } from "../dates/timestamps";
import { InvalidInputError, NoteParseError } from "../errors";
import { parseNote } from "../codec/frontmatter";
import type { NoteRepository } from "../vault/repository";
import { textProperty } from "../schema/property-readers";

/** Marks a blocker entry resolved: `resolved` (now) and `how_resolved`. Refuses other notes. */
export async function resolveBlocker(repo: NoteRepository, path: string, howResolved: string, now: Date = new Date()): Promise<void> {
  const how = howResolved.trim();
  if (how === "") throw new InvalidInputError("Say how the blocker was resolved.");
  const parsed = parseNote(await repo.read(path));
  if (!parsed.ok) throw new NoteParseError(path, `"${path}" was not changed: ${parsed.problem}`);
  const { properties } = parsed;
  if (properties.kind !== "entry" || properties.type !== "blocker") throw new InvalidInputError(`"${path}" is not a blocker entry.`);
  const resolved = textProperty(properties, "resolved");
  if (resolved) throw new InvalidInputError(`"${path}" was already resolved on ${resolved}.`);
  await repo.updateProperties(path, (next) => {
    next.resolved = isoDateTime(now);
    next.how_resolved = how;
    next.updated = isoDateTime(now);
  });
}
