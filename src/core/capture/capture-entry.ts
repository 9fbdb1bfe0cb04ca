import { InvalidInputError } from "../errors";
import { composeNote } from "../codec/frontmatter";
import { parseWikilink, linkTo } from "../codec/wikilinks";
import { creationTimes, isoDate, isoDateTime } from "../dates/timestamps";
import { newId } from "../ids";
import { TYPE_FIELDS } from "../schema/entry-fields";
import { checkValue, requireNumber, SCALE_1_TO_10 } from "../schema/values";
import { entryTypes, type LifeBetterSettings } from "../settings";
import { LinkResolver } from "../vault/link-resolver";
import { typedTarget, uniqueNote } from "../vault/note-names";
import { safeFileStem } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";
import { createUniqueNote } from "../vault/create-note";

/** What a user captures, from the modal, the URI or the CLI. */
export interface CaptureInput {
  type: string;
  text: string;
  /** Problem note name or `[[link]]`. */
  problem?: string;
  metaSkills?: string[];
  tags?: string[];
  mood?: number;
  energy?: number;
  stress?: number;
  context?: string;
  /** Where it happened: a URL, a file path or a place. */
  location?: string;
  /** Free words: calm, anxious, grateful … */
  feelings?: string[];
  /** The entry this one replies to (a thread): note name, `[[link]]` or path. */
  parent?: string;
  /** The AI conversation it came from: note name, `[[link]]` or path. */
  conversation?: string;
  /** Type-specific properties (approach, outcome, time_spent, review_on, custom fields…). */
  fields?: Record<string, string | number>;
  /** Where it was captured: obsidian, cli, uri, … */
  source: string;
}

export interface CapturedEntry {
  path: string;
  id: string;
}

// Obsidian tags: letters, numbers, _, -, / (nesting); not only digits.
const TAG = /^[\p{L}\p{N}_\-/]+$/u;

/**
 * The link to write for a typed name: with the vault's notes known, one that names a single note
 * (its name, or its path when another note shares the name); a name several notes share is refused.
 * A name no note has yet is written as typed (a link to a note still to be written).
 */
function asLink(name: string, links?: LinkResolver): string {
  const trimmed = name.trim();
  const parsed = parseWikilink(trimmed);
  const path = links ? uniqueNote(links, trimmed) : null;
  if (!links || path === null) return parsed ? trimmed : linkTo(trimmed);
  const subpath = parsed?.subpath ? `#${parsed.subpath}` : "";
  const alias = parsed?.alias ? `|${parsed.alias}` : "";
  return `[[${links.linkText(path)}${subpath}${alias}]]`;
}

/** A thread or a conversation link means a note that exists: one to nowhere would be a silent dead end. */
function existingLink(what: string, name: string, links?: LinkResolver): string {
  if (links && uniqueNote(links, name) === null) {
    throw new InvalidInputError(`No note named "${typedTarget(name)}" for the ${what}: check the name, or leave it empty.`);
  }
  return asLink(name, links);
}

function normalizeTags(tags: string[]): string[] {
  const clean = tags.map((tag) => tag.trim().replace(/^#/, "")).filter((tag) => tag !== "");
  for (const tag of clean) {
    if (!TAG.test(tag) || /^\d+$/.test(tag)) {
      throw new InvalidInputError(`"${tag}" is not a valid tag: use letters, numbers, -, _ or / and no spaces.`);
    }
  }
  return [...new Set(clean)];
}

/** The fields a type accepts: its built-in ones, or the custom type's own text fields. */
export function fieldsForType(type: string, settings: LifeBetterSettings): { property: string; label: string }[] {
  const builtIn = TYPE_FIELDS[type];
  if (builtIn) return builtIn;
  const custom = settings.customEntryTypes.find((candidate) => candidate.name === type);
  return (custom?.fields ?? []).map((field) => ({ property: field, label: field }));
}

/** Builds the entry's properties, refusing bad input with a message that says what to change. */
export function entryProperties(input: CaptureInput, settings: LifeBetterSettings, now: Date, id: string, links?: LinkResolver): Record<string, unknown> {
  const types = entryTypes(settings);
  if (!types.includes(input.type)) {
    throw new InvalidInputError(`Unknown entry type "${input.type}". Choose one of: ${types.join(", ")}.`);
  }
  if (input.text.trim() === "") throw new InvalidInputError("The entry has no text: write something to capture.");
  requireNumber("Mood", input.mood, SCALE_1_TO_10);
  requireNumber("Energy", input.energy, SCALE_1_TO_10);
  requireNumber("Stress", input.stress, SCALE_1_TO_10);

  const properties: Record<string, unknown> = {
    id,
    kind: "entry",
    type: input.type,
    ...creationTimes(now),
    timestamp: isoDateTime(now),
    source: input.source,
  };
  if (input.problem?.trim()) properties.problem = asLink(input.problem, links);
  const skills = (input.metaSkills ?? []).filter((skill) => skill.trim() !== "");
  if (skills.length > 0) properties.meta_skills = skills.map((skill) => asLink(skill, links));
  const tags = normalizeTags(input.tags ?? []);
  if (tags.length > 0) properties.tags = tags;
  if (input.mood !== undefined) properties.mood = input.mood;
  if (input.energy !== undefined) properties.energy = input.energy;
  if (input.stress !== undefined) properties.stress = input.stress;
  if (input.context?.trim()) properties.context = input.context.trim();
  if (input.location?.trim()) properties.location = input.location.trim();
  const feelings = [...new Set((input.feelings ?? []).map((feeling) => feeling.trim()).filter((feeling) => feeling !== ""))];
  if (feelings.length > 0) properties.feelings = feelings;
  if (input.parent?.trim()) properties.parent = existingLink("parent entry", input.parent, links);
  if (input.conversation?.trim()) properties.conversation = existingLink("conversation", input.conversation, links);

  const allowed = fieldsForType(input.type, settings);
  for (const [property, raw] of Object.entries(input.fields ?? {})) {
    if (typeof raw === "string" && raw.trim() === "") continue;
    const field = allowed.find((candidate) => candidate.property === property);
    if (!field) {
      throw new InvalidInputError(`"${property}" is not a field of ${input.type} entries.`);
    }
    const spec = TYPE_FIELDS[input.type]?.find((candidate) => candidate.property === property)?.spec ?? { type: "text" as const };
    const value = spec.type === "number" && typeof raw === "string" ? Number(raw) : raw;
    const problem = checkValue(field.label, value, spec);
    if (problem) throw new InvalidInputError(`${problem.message}.`);
    properties[property] = typeof value === "string" ? value.trim() : value;
  }
  return properties;
}

/** The readable file name: the date, then the first words of the text. */
export function entryFileStem(text: string, now: Date): string {
  const firstLine = text.trim().split(/\r?\n/)[0] ?? "";
  const words = safeFileStem(firstLine.split(/\s+/).slice(0, 8).join(" "), 50);
  return words ? `${isoDate(now)} ${words}` : `${isoDate(now)} entry`;
}

/** Captures an entry note the same way from every surface (modal, URI, CLI). */
export async function captureEntry(repo: NoteRepository, input: CaptureInput, settings: LifeBetterSettings, now: Date = new Date()): Promise<CapturedEntry> {
  const id = newId();
  const links = new LinkResolver((await repo.listFiles()).map((file) => file.path));
  const properties = entryProperties(input, settings, now, id, links);
  const body = input.text.trim() + "\n";
  const path = await createUniqueNote(repo, settings.folders.entry, entryFileStem(input.text, now), composeNote(properties, body));
  return { path, id };
}
