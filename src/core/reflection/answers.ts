import type { Root } from "mdast";
import { parseMarkdown } from "../codec/markdown-tree";
import { listItemSpans, type ListItemSpan, type SectionLists } from "../codec/sections";
import { reservedPropertyReason, type ReflectionPrompt } from "./prompts";

/** The answers of each prompt, by property: what both the body and the properties hold once in step. */
export type AnswerLists = Record<string, string[]>;

/** One answer as a property holds it: a single line, trimmed. */
export function normalizeAnswer(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

/**
 * A list property as written, tolerating hand edits: a lone value counts as one item, numbers and
 * checkboxes as their text, null as empty. Undefined when the key is missing; "unreadable" when it
 * holds a mapping (syncing it would lose that).
 */
export function readAnswerProperty(properties: Record<string, unknown>, name: string): string[] | undefined | "unreadable" {
  if (!(name in properties)) return undefined;
  const value = properties[name];
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  const texts: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") return "unreadable";
    const text = normalizeAnswer(String(item));
    if (text !== "") texts.push(text);
  }
  return texts;
}

/** The answers under a prompt's heading in the body, or undefined when the heading is not there. */
export function readAnswerSection(body: string, prompt: ReflectionPrompt, tree?: Root): SectionLists | undefined {
  return listItemSpans(body, prompt.heading, tree);
}

export function answerTexts(section: SectionLists): string[] {
  return section.items.map((item) => item.text).filter((text) => text !== "");
}

/** `list` without one occurrence of each item of `remove` (multisets: a repeated answer counts twice). */
export function withoutItems(list: readonly string[], remove: readonly string[]): string[] {
  const left = [...remove];
  return list.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * What a prompt's answers should be, from the body `B`, the property `P` and, when known, the state
 * both held after the last sync `S`:
 * - no property key: the body is the truth (the property is written from it);
 * - no base: nothing is dropped, the property's extra answers join the body's (a union);
 * - with a base: a three-way merge, so a removal or an addition on either side is kept.
 */
export function targetAnswers(body: readonly string[], property: readonly string[] | undefined, base: readonly string[] | undefined): string[] {
  if (property === undefined || sameList(body, property)) return [...body];
  if (base === undefined) return [...body, ...withoutItems(property, body)];
  const removedInProperty = withoutItems(base, property);
  const addedInProperty = withoutItems(property, base);
  return [...withoutItems(body, removedInProperty), ...withoutItems(addedInProperty, body)];
}

function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function nextMarker(last: ListItemSpan | undefined, step: number): string {
  const marker = last?.marker ?? "-";
  const ordered = /^(\d+)([.)])$/.exec(marker);
  return ordered ? `${Number(ordered[1]) + step}${ordered[2]}` : marker;
}

/** Cuts exactly the lines of each removed item (its nested items with it), last first. */
function removeItems(body: string, lists: SectionLists, remove: readonly string[]): string {
  const left = [...remove];
  const removed = lists.items.filter((item) => {
    const at = item.text === "" ? -1 : left.indexOf(item.text);
    if (at >= 0) left.splice(at, 1);
    return at >= 0;
  });
  let result = body;
  for (const item of removed.sort((a, b) => b.lineStart - a.lineStart)) result = result.slice(0, item.lineStart) + result.slice(item.lineEnd);
  return result;
}

/** Adds items after the last one under the heading, or starts a list in a section that has none. */
function appendItems(body: string, lists: SectionLists, add: readonly string[]): string {
  const eol = eolOf(body);
  const last = lists.items[lists.items.length - 1];
  const indent = last ? (/^[ \t]*/.exec(body.slice(last.lineStart, last.lineEnd))?.[0] ?? "") : "";
  const lines = add.map((text, i) => `${indent}${nextMarker(last, i + 1)} ${normalizeAnswer(text)}`).join(eol);
  let at: number;
  let insert: string;
  if (last) {
    at = last.lineEnd;
    insert = (body.slice(0, at).endsWith("\n") ? "" : eol) + lines + eol;
  } else {
    const { section } = lists;
    // Before the first sub-heading, so new answers do not land under it.
    const ownEnd = section.nodes.find((node) => node.type === "heading")?.position?.start.offset ?? section.end;
    const content = body.slice(section.contentStart, ownEnd).replace(/\s+$/, "");
    if (content === "") {
      // As Markdown is written by hand: a blank line after the heading, and one before what follows.
      at = section.contentStart;
      const rest = body.slice(at);
      const headingLineEnded = body.slice(0, at).endsWith("\n");
      insert = (headingLineEnded ? "" : eol) + eol + lines + eol + (rest === "" || /^\r?\n/.test(rest) ? "" : eol);
    } else {
      at = section.contentStart + content.length;
      insert = eol + eol + lines + (at === body.length ? eol : "");
    }
  }
  return body.slice(0, at) + insert + body.slice(at);
}

/**
 * Removes and adds answers under one heading; every other byte of the body is kept. Removals cut
 * the item's own lines; additions follow the last item with the same marker and indentation.
 */
export function editAnswers(body: string, heading: string, remove: readonly string[], add: readonly string[]): string {
  const before = listItemSpans(body, heading);
  if (!before) return body;
  const afterRemoval = remove.length > 0 ? removeItems(body, before, remove) : body;
  if (add.length === 0) return afterRemoval;
  const lists = listItemSpans(afterRemoval, heading);
  return lists ? appendItems(afterRemoval, lists, add) : afterRemoval;
}

export type PromptSyncState = "in-step" | "body-to-property" | "property-to-body" | "merged" | "heading-missing" | "unreadable-property" | "schema-property";

export interface PromptSync {
  prompt: ReflectionPrompt;
  state: PromptSyncState;
  /** Answers written into the body (from the property). */
  addedToBody: string[];
  /** Answers taken out of the body (removed in the property since the last sync). */
  removedFromBody: string[];
  /** For "heading-missing": the answers the property keeps. */
  kept: string[];
}

export interface AnswerSyncPlan {
  /** The body after the edits (the same string when nothing changes). */
  body: string;
  /** List properties to write (only those that change). */
  properties: Record<string, string[]>;
  /** What body and properties hold after the plan: the next sync's base. */
  synced: AnswerLists;
  prompts: PromptSync[];
}

/**
 * Plans the two-way sync between the list items under the prompts' headings and their list
 * properties. Pure: the caller writes `body` and `properties` through the repository. A heading that
 * is missing (renamed or removed) is left alone on both sides: its property keeps its answers.
 */
export function planAnswerSync(body: string, properties: Record<string, unknown>, prompts: readonly ReflectionPrompt[], base?: AnswerLists): AnswerSyncPlan {
  let current = body;
  // Parsed once, and again only after an edit: a note is parsed twice per sync at most, per edit.
  let tree = parseMarkdown(current);
  const changed: Record<string, string[]> = {};
  const synced: AnswerLists = {};
  const outcomes: PromptSync[] = [];
  for (const prompt of prompts) {
    const outcome: PromptSync = { prompt, state: "in-step", addedToBody: [], removedFromBody: [], kept: [] };
    outcomes.push(outcome);
    // Settings refuse such a prompt; one that gets here anyway never turns `mood` or `kind` into a list.
    if (reservedPropertyReason(prompt.property) !== null) {
      outcome.state = "schema-property";
      continue;
    }
    const property = readAnswerProperty(properties, prompt.property);
    const lists = readAnswerSection(current, prompt, tree);
    if (property === "unreadable") {
      outcome.state = "unreadable-property";
      continue;
    }
    if (!lists) {
      outcome.state = "heading-missing";
      outcome.kept = property ?? [];
      if (property !== undefined) synced[prompt.property] = property;
      continue;
    }
    const inBody = answerTexts(lists);
    const target = targetAnswers(inBody, property, base?.[prompt.property]);
    const remove = withoutItems(inBody, target);
    const add = withoutItems(target, inBody);
    if (remove.length > 0 || add.length > 0) {
      current = editAnswers(current, prompt.heading, remove, add);
      tree = parseMarkdown(current);
    }
    const after = [...withoutItems(inBody, remove), ...add];
    outcome.addedToBody = add;
    outcome.removedFromBody = remove;
    // A lone value or a number is rewritten as the list of text it stands for.
    const propertyChanges = property === undefined || JSON.stringify(properties[prompt.property]) !== JSON.stringify(after);
    if (propertyChanges) changed[prompt.property] = after;
    if (add.length > 0 || remove.length > 0) outcome.state = propertyChanges ? "merged" : "property-to-body";
    else if (propertyChanges) outcome.state = "body-to-property";
    synced[prompt.property] = after;
  }
  return { body: current, properties: changed, synced, prompts: outcomes };
}
