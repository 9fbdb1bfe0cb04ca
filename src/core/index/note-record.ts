import { parseNote, splitNote } from "../codec/frontmatter";
import { linksInProperties } from "../codec/wikilinks";
import { isRecordKind, type RecordKind } from "../schema/kinds";
import { isPrivate } from "../schema/privacy";
import { recordDate } from "../schema/record-date";
import { basename, noteName } from "../vault/paths";
import type { VaultFile } from "../vault/repository";
import { outlineNote } from "./note-sections";
import { estimateWordPieces, passageBudget, splitPassages } from "./passages";
import { ownTitle } from "./scaffolding";
import { topTerms } from "./terms";
import { ownStrings } from "./own-string";
import { hashText } from "./text-hash";

/** What the index keeps about one note (never its full text: Orama holds that once). */
export interface NoteRecord {
  path: string;
  /** The LifeBetter `id`, or null for an ordinary note. */
  id: string | null;
  title: string;
  kind: RecordKind | null;
  /** An entry's `type`. */
  type: string | null;
  tags: string[];
  aliases: string[];
  headings: string[];
  /** The date it is about (recordDate: its kind's own date, else created, else the file's mtime), ms since the epoch. */
  date: number;
  /** Lower-cased name of the problem an entry links to. */
  problem: string | null;
  /** Lower-cased name of the conversation an entry was asked in (absent in indexes saved before it was kept). */
  conversation?: string;
  /** Private (schema/privacy: any `private` value not clearly false): never exported, hidden from panels unless the user shows private records. */
  private: boolean;
  /** A problem's `status`, so similar problems can say how they ended. */
  status: string | null;
  /** Lower-cased names of every note it links to (body and properties). */
  links: string[];
  /** Effectiveness of a meta-skill (`uses_success` / `uses_total`), or null. */
  successRate: number | null;
  /** Its most frequent content words, for cluster labels. */
  terms: string[];
  /** Why the frontmatter could not be read; the body is still indexed. */
  problemNote?: string;
}

/**
 * A vector a note wants: `note` embeds the whole (short) note; `passage` one passage of a long note
 * (key: the heading path it starts in); `mean` is a long note's own vector, the re-normalised mean
 * of its passages' vectors, so a long note costs one model pass over its text (no text to embed).
 */
export type EmbedTextKind = "note" | "passage" | "mean";

export interface EmbedText {
  key: string;
  kind: EmbedTextKind;
  text: string;
  /** Hash of the text as the model sees it (whitespace and case normalised), so equal texts are embedded once. */
  hash: string;
}

export interface ExtractOptions {
  /** Word pieces the model reads (Embedder.maxTokens); passages are sized to it. */
  maxTokens?: number;
  /** False when no model will embed them: the note wants no texts (default true). */
  embed?: boolean;
  /** The note's frontmatter as the host already parsed it from this text (NoteRead.properties): its YAML is not parsed again. */
  properties?: Record<string, unknown>;
}

/** Full-text fields, boosted differently by the full-text index. */
export interface FullTextFields {
  title: string;
  aliases: string;
  headings: string;
  tags: string;
  /** The `description` property: a summary of the note in its author's words (absent: none). */
  description?: string;
  body: string;
}

/**
 * A note's tokens, worked out where it was extracted (another thread): per Orama document
 * (fulltext-documents.ts), the tokens of each field in FULL_TEXT_FIELDS' order.
 */
export type FullTextTokens = string[][][];

export interface ExtractedNote {
  record: NoteRecord;
  fullText: FullTextFields;
  embedTexts: EmbedText[];
  /** Its full-text tokens, when it was extracted in another thread (fulltext-documents.ts). */
  tokens?: FullTextTokens;
}

/** The default model's trained sequence length (all-MiniLM-L6-v2), when the embedder does not say. */
export const DEFAULT_MAX_TOKENS = 256;
/** Passages embedded per note at most (≈ 48 × 230 word pieces ≈ 40,000 characters of prose); full text covers the rest. */
export const MAX_CHUNKS_PER_NOTE = 48;
/** A note's telling terms are taken from its beginning: enough to label a cluster. */
const TERMS_FROM_CHARS = 10_000;
/** Full text beyond this is rarely searched for and costs memory in every index. */
export const MAX_BODY_CHARS = 100_000;

const INLINE_TAG = /(?:^|\s)#([\p{L}_][\p{L}\p{N}_/-]*)/gu;

function strings(value: unknown): string[] {
  if (typeof value === "string") return value.trim() === "" ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

function firstString(properties: Record<string, unknown>, key: string): string | null {
  const value = properties[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function normaliseTag(tag: string): string {
  return tag.replace(/^#/, "").trim().toLowerCase();
}

/** The lower-cased note name a link target points at (`Folder/Ship v2.md` → `ship v2`). */
export function linkName(target: string): string {
  return noteName(basename(target.trim())).toLowerCase();
}

/** The lower-cased note name a link property (`"[[Ship v2|alias]]"` or a bare name) points at. */
function linkTarget(value: string): string {
  return linkName(value.replace(/^\s*\[\[|\]\]\s*$/g, "").split(/[|#]/)[0] ?? "");
}

function successRate(properties: Record<string, unknown>): number | null {
  const total = properties.uses_total;
  const success = properties.uses_success;
  return typeof total === "number" && total > 0 && typeof success === "number" ? Math.min(1, Math.max(0, success / total)) : null;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/**
 * A note's properties and body. Properties the host parsed already are taken as they are (only the
 * fences are found, to cut the body off); otherwise the codec parses the YAML. A note whose
 * frontmatter cannot be parsed is indexed by its body (the whole text when its fences do not close).
 */
function readFrontmatter(
  text: string,
  known: Record<string, unknown> | undefined,
): { properties: Record<string, unknown>; body: string; problemNote?: string } {
  if (known) {
    const parts = splitNote(text);
    if (!("problem" in parts)) return { properties: known, body: parts.body };
  }
  const parsed = parseNote(text);
  if (parsed.ok) return { properties: parsed.properties, body: parsed.parts.body };
  const parts = splitNote(text);
  return { properties: {}, body: "problem" in parts ? text : parts.body, problemNote: parsed.problem };
}

/**
 * Reads one note into what the index needs, with the core's frontmatter codec and remark. A note
 * whose frontmatter cannot be parsed is still indexed by its body and title.
 */
export function extractNote(file: VaultFile, text: string, options: ExtractOptions = {}): ExtractedNote {
  const { properties, body, problemNote } = readFrontmatter(text, options.properties);
  const kind = isRecordKind(properties.kind) ? properties.kind : null;
  // A LifeBetter record's template text and generated date stem are not the person's words.
  const outline = outlineNote(body, { generated: kind !== null });
  const bodyText = outline.sections.map((s) => s.text).join("\n");
  const title = noteName(file.path);
  const ownWords = ownTitle(title, kind);
  const tags = [
    ...new Set(
      [...strings(properties.tags), ...strings(properties.tag), ...[...bodyText.matchAll(INLINE_TAG)].map((m) => m[1] ?? "")]
        .map(normaliseTag)
        .filter((tag) => tag !== ""),
    ),
  ];
  const aliases = [...strings(properties.aliases), ...strings(properties.alias), ...strings(properties.title)];
  const links = new Set<string>();
  for (const link of [...outline.links, ...linksInProperties(properties)]) {
    if (link.target !== "" && !link.embed) links.add(linkName(link.target));
  }
  const problemLink = firstString(properties, "problem");
  const conversationLink = firstString(properties, "conversation");
  const conversation = conversationLink ? linkTarget(conversationLink) : "";
  // Kept for as long as the index runs: strings of its own, not views into the note's text.
  const record: NoteRecord = ownStrings({
    path: file.path,
    id: firstString(properties, "id"),
    title,
    kind,
    type: firstString(properties, "type"),
    tags,
    aliases,
    headings: outline.headings,
    date: recordDate(properties, file.mtime).getTime(),
    problem: problemLink ? linkTarget(problemLink) : null,
    ...(conversation ? { conversation } : {}),
    private: isPrivate(properties),
    status: firstString(properties, "status"),
    links: [...links],
    successRate: successRate(properties),
    terms: topTerms(`${ownWords} ${outline.headings.join(" ")} ${bodyText.slice(0, TERMS_FROM_CHARS)}`, 12),
    ...(problemNote ? { problemNote } : {}),
  });
  const fullText: FullTextFields = {
    title: ownWords,
    aliases: aliases.join(" \n "),
    headings: outline.headings.join(" \n "),
    tags: tags.map((tag) => tag.replace(/[/_-]/g, " ")).join(" \n "),
    description: strings(properties.description).join(" \n "),
    body: truncate(bodyText, MAX_BODY_CHARS),
  };
  return {
    record,
    fullText,
    embedTexts: options.embed === false ? [] : embedTextsOf(ownWords, outline.sections, bodyText, options.maxTokens ?? DEFAULT_MAX_TOKENS),
  };
}

/** What the model would see the same: runs of whitespace are one space, case does not count. */
export function embedHash(text: string): string {
  return hashText(text.replace(/\s+/g, " ").trim().toLowerCase());
}

/**
 * The texts whose vectors stand for a note. The title is left out on purpose: a rename must
 * re-embed nothing. Only a note with no body falls back to its title; a note with neither (a record
 * that is only LifeBetter's template) has no vector, so it is similar to nothing. A note longer
 * than the model reads is split into passages (never cut), and its own vector is their mean.
 */
function embedTextsOf(title: string, sections: { headingPath: string[]; text: string }[], bodyText: string, maxTokens: number): EmbedText[] {
  const whole = bodyText.trim() === "" ? title : bodyText;
  if (whole.trim() === "") return [];
  const budget = passageBudget(maxTokens);
  if (estimateWordPieces(whole) <= budget) return [{ key: "", kind: "note", text: whole, hash: embedHash(whole) }];
  const passages: EmbedText[] = splitPassages(sections, budget, MAX_CHUNKS_PER_NOTE).map((p) => ({
    key: p.key,
    kind: "passage",
    text: p.text,
    hash: embedHash(p.text),
  }));
  // The mean's hash names its passages, so it changes exactly when one of them does.
  const mean: EmbedText = { key: "", kind: "mean", text: "", hash: hashText(`mean\n${passages.map((p) => p.hash).join("\n")}`) };
  return [mean, ...passages];
}
