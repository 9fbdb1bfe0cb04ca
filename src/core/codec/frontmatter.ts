import { Document, isCollection, isMap, parseDocument, stringify, visit } from "yaml";

/**
 * A note cut into its frontmatter and body. `head` + `body` (after the BOM) is the file exactly;
 * property edits rebuild only the head, so the body's bytes never change.
 */
export interface NoteParts {
  bom: boolean;
  eol: "\n" | "\r\n";
  /** The YAML between the fences, or null when the note has no frontmatter. */
  yaml: string | null;
  body: string;
}

export type ParsedNote = { ok: true; parts: NoteParts; properties: Record<string, unknown>; document: Document | null } | { ok: false; problem: string };

const BOM = "\uFEFF";
const OPEN_FENCE = /^---[ \t]*(\r?\n)/;
const CLOSE_FENCE = /^---[ \t]*(\r?\n|$)/m;

/** Finds the frontmatter fences the way Obsidian does: `---` on the first line and the next `---` line. */
export function splitNote(text: string): NoteParts | { problem: string } {
  const bom = text.startsWith(BOM);
  const rest = bom ? text.slice(1) : text;
  const open = OPEN_FENCE.exec(rest);
  if (!open) {
    const eol = rest.includes("\r\n") ? "\r\n" : "\n";
    return { bom, eol, yaml: null, body: rest };
  }
  const eol = open[1] === "\r\n" ? "\r\n" : "\n";
  const afterOpen = rest.slice(open[0].length);
  // The closing fence may come straight away (empty frontmatter) or after the YAML lines.
  const close = CLOSE_FENCE.exec(afterOpen);
  if (!close) {
    return { problem: "the frontmatter has no closing --- line, so its properties cannot be read" };
  }
  const yaml = afterOpen.slice(0, close.index);
  const body = afterOpen.slice(close.index + close[0].length);
  return { bom, eol, yaml, body };
}

function describeYamlError(document: Document): string {
  const first = document.errors[0];
  if (!first) return "";
  const line = first.linePos?.[0]?.line;
  const where = line ? ` (frontmatter line ${line})` : "";
  const what = first.message.split("\n")[0] ?? first.message;
  return `the frontmatter is not valid YAML${where}: ${what}`;
}

/** Parses a note's frontmatter; never throws. Invalid YAML, or YAML that is not properties, is a problem. */
export function parseNote(text: string): ParsedNote {
  const parts = splitNote(text);
  if ("problem" in parts) return { ok: false, problem: parts.problem };
  if (parts.yaml === null || parts.yaml.trim() === "") {
    return { ok: true, parts, properties: {}, document: null };
  }
  const document = parseDocument(parts.yaml, { uniqueKeys: true, prettyErrors: true, strict: true });
  if (document.errors.length > 0) return { ok: false, problem: describeYamlError(document) };
  if (document.contents === null) return { ok: true, parts, properties: {}, document };
  if (!isMap(document.contents)) {
    return { ok: false, problem: "the frontmatter is YAML but not a set of properties (key: value lines)" };
  }
  let collectionKey = false;
  visit(document, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        collectionKey = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (collectionKey) {
    return {
      ok: false,
      problem: "the frontmatter uses a list or mapping as a key — often an unquoted template placeholder like {{date}}; quote it",
    };
  }
  let value: unknown;
  try {
    // Throws for an alias whose anchor is missing, or an alias bomb over the count limit.
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problem: `the frontmatter could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, parts, properties: (value ?? {}) as Record<string, unknown>, document };
}

function withEol(yamlText: string, eol: string): string {
  return eol === "\n" ? yamlText : yamlText.replace(/\r?\n/g, eol);
}

function assemble(parts: NoteParts, yamlText: string): string {
  const head = `---${parts.eol}${withEol(yamlText, parts.eol)}---${parts.eol}`;
  return (parts.bom ? BOM : "") + head + parts.body;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// yaml pads flow collections ("[ a, b ]") by default; people and Obsidian write "[a, b]", and a key the
// user did not change must keep its bytes when another one is written.
const YAML_OUT = { lineWidth: 0, nullStr: "", flowCollectionPadding: false } as const;

/** A note as an edit sees it: its properties (change them in place) and its body (replace it). */
export interface NoteEdit {
  properties: Record<string, unknown>;
  body: string;
}

/** The keys `after` sets differently from `before`, and the keys it removed. */
export function propertyChanges(before: Record<string, unknown>, after: Record<string, unknown>): { changed: string[]; removed: string[] } {
  return {
    changed: Object.keys(after).filter((key) => !(key in before) || !sameValue(before[key], after[key])),
    removed: Object.keys(before).filter((key) => !(key in after)),
  };
}

/**
 * Applies `edit` to a copy of the properties and to the body, in one go: only the keys that changed
 * are written back (the other keys keep their order, comments and bytes), and when no key changed the
 * frontmatter's bytes stay exactly as they were. Returns a problem for a note that cannot be parsed
 * (it must never be rewritten), or the same text when nothing changed.
 */
export function updateNote(text: string, edit: (note: NoteEdit) => void): { text: string; changed: boolean } | { problem: string } {
  const parsed = parseNote(text);
  if (!parsed.ok) return { problem: parsed.problem };
  const before = parsed.properties;
  const note: NoteEdit = { properties: structuredClone(before), body: parsed.parts.body };
  edit(note);
  const { changed: changedKeys, removed: removedKeys } = propertyChanges(before, note.properties);
  const bodyChanged = note.body !== parsed.parts.body;
  if (changedKeys.length === 0 && removedKeys.length === 0) {
    if (!bodyChanged) return { text, changed: false };
    return { text: text.slice(0, text.length - parsed.parts.body.length) + note.body, changed: true };
  }
  const document = parsed.document ?? new Document({});
  if (document.contents === null) document.contents = document.createNode({});
  for (const key of removedKeys) document.delete(key);
  for (const key of changedKeys) document.set(key, document.createNode(note.properties[key]));
  const yamlText = document.toString(YAML_OUT);
  return { text: assemble({ ...parsed.parts, body: note.body }, yamlText), changed: true };
}

/** Changes properties only (see updateNote); the body's bytes never change. */
export function updateProperties(
  text: string,
  mutate: (properties: Record<string, unknown>) => void,
): { text: string; changed: boolean } | { problem: string } {
  return updateNote(text, (note) => mutate(note.properties));
}

/**
 * Applies `edit` to the body only: the frontmatter's bytes stay exactly as they were. Refuses a note
 * whose frontmatter cannot be parsed, like every write.
 */
export function replaceBody(text: string, edit: (body: string) => string): { text: string; changed: boolean } | { problem: string } {
  return updateNote(text, (note) => {
    note.body = edit(note.body);
  });
}

/** The full text of a new note with these properties and body. */
export function composeNote(properties: Record<string, unknown>, body: string, eol: "\n" | "\r\n" = "\n"): string {
  const yamlText = stringify(properties, YAML_OUT);
  return assemble({ bom: false, eol, yaml: null, body }, yamlText);
}
