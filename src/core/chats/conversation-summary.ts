import { contentWords, topTerms } from "../index/terms";
import { proseOf } from "./prose";
import type { NoteMessage } from "./read-conversation-note";

/** Short enough to read in a list or a hover: two or three sentences. */
export const SUMMARY_MAX_CHARS = 400;
/** How many of the conversation's most frequent content words count as its telling terms. */
const TELLING_TERMS = 20;
/** Sentences longer than this are cut: one sentence must not fill the summary. */
const SENTENCE_MAX_CHARS = 180;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

function sentences(text: string): string[] {
  return [...segmenter.segment(text)].map((part) => part.segment.replace(/\s+/g, " ").trim()).filter((sentence) => contentWords(sentence).length >= 2);
}

/**
 * What a message of the person asks, in at most two sentences: its opening sentence and its first
 * question ("My sleep is a mess. … What can I do about it?"). Pasted code and tables are left out.
 */
function questionOf(prose: readonly string[]): string {
  const all = prose.flatMap(sentences);
  const [opening, ...rest] = all;
  if (!opening) return "";
  const question = opening.includes("?") ? undefined : rest.find((sentence) => sentence.includes("?"));
  return question ? `${opening} ${question}` : rest.length > 0 && !opening.includes("?") ? `${opening} ${rest[0] ?? ""}`.trim() : opening;
}

export type ProseMessage = NoteMessage & { prose: string[] };

/** Each message with its prose (proseOf), parsed once: parsing is most of the cost of a summary. */
export function withProse(messages: readonly (NoteMessage & { prose?: string[] })[]): ProseMessage[] {
  return messages.map((message) => ({ ...message, prose: message.prose ?? proseOf(message.text) }));
}

/** The telling terms of the conversation, heaviest first: weight = how often the term occurs. */
export function tellingTerms(messages: readonly NoteMessage[]): Map<string, number> {
  const all = messages.map((message) => message.text).join("\n");
  const counts = new Map<string, number>();
  for (const word of contentWords(all)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return new Map(topTerms(all, TELLING_TERMS).map((term) => [term, counts.get(term) ?? 0]));
}

/** How much a sentence says about the conversation: the weight of its telling terms, not favouring length. */
function score(sentence: string, terms: Map<string, number>): number {
  const words = contentWords(sentence);
  const found = new Set(words.filter((word) => terms.has(word)));
  let total = 0;
  for (const word of found) total += terms.get(word) ?? 0;
  return words.length === 0 ? 0 : total / Math.sqrt(words.length);
}

function clip(sentence: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * An extractive summary, no network: the person's first question, their most telling other question,
 * and the answers' key sentences (scored by the conversation's telling terms), in that order, within
 * SUMMARY_MAX_CHARS. Empty when there is nothing to say.
 */
export function summarizeConversation(messages: readonly (NoteMessage & { prose?: string[] })[]): string {
  const read = withProse(messages);
  const terms = tellingTerms(read);
  const questions = read.filter((message) => message.role === "user").flatMap((message) => questionOf(message.prose) || []);
  const answers = read.filter((message) => message.role === "assistant").flatMap((message) => message.prose.flatMap(sentences));
  const picked: string[] = [];
  const [first, ...others] = questions;
  if (first) picked.push(first);
  const best = (pool: string[]): string | undefined =>
    pool.map((sentence, index) => ({ sentence, value: score(sentence, terms), index })).sort((a, b) => b.value - a.value || a.index - b.index)[0]?.sentence;
  const telling = best(others.filter((question) => question !== first));
  if (telling) picked.push(telling);
  const answerPool = [...answers];
  let length = picked.reduce((sum, sentence) => sum + Math.min(sentence.length, SENTENCE_MAX_CHARS) + 1, 0);
  while (picked.length < 4 && answerPool.length > 0 && length < SUMMARY_MAX_CHARS - 60) {
    const next = best(answerPool);
    if (!next) break;
    answerPool.splice(answerPool.indexOf(next), 1);
    if (picked.includes(next)) continue;
    picked.push(next);
    length += Math.min(next.length, SENTENCE_MAX_CHARS) + 1;
    if (picked.length >= 3) break;
  }
  return clip(picked.map((sentence) => clip(sentence, SENTENCE_MAX_CHARS)).join(" "), SUMMARY_MAX_CHARS);
}
