import { loadavg } from "node:os";
import * as path from "node:path";
import { TransformersEmbedder, type FeatureExtractor } from "../../src/core/embed/transformers-embedder";
import { extractNote } from "../../src/core/index/note-record";
import { buildVocabulary } from "../support/models/vocabulary";

/**
 * Long notes through a MiniLM-shaped model, before and after issue 21's "no redundant passes":
 *   before: the tokenizer's 512 word pieces, and the index's old texts per long note (its first
 *           2,000 characters, plus each heading section of ≥ 120 characters, each cut at 2,000);
 *   after:  256 word pieces (all-MiniLM-L6-v2's max_seq_length) and the note's passages (each of
 *           its words once; the note's own vector is their mean, no pass of its own).
 * Also the raw effect of the cut alone: the same ~1,000-word texts at 512 and at 256.
 */
export interface LongNoteBench {
  notes: number;
  wordsPerNote: number;
  /** Texts per second for ~1,000-word texts read to 512 and to 256 word pieces. */
  truncation: { at512: number; at256: number };
  /** Model passes per long note and notes per second, old texts at 512 against passages at 256. */
  before: { passesPerNote: number; notesPerSecond: number };
  after: { passesPerNote: number; notesPerSecond: number };
  loadAverage: [number, number];
}

const OLD_MAX_CHARS = 2000;
const OLD_MIN_CHUNK_CHARS = 120;

/** What the index embedded for a long note before passages: the whole (cut) and each heading section. */
function oldTexts(sectionsOf: { heading: string; text: string }[]): string[] {
  const whole = sectionsOf.map((s) => s.text).join("\n");
  const texts = [whole.slice(0, OLD_MAX_CHARS)];
  for (const s of sectionsOf) if (s.text.length >= OLD_MIN_CHUNK_CHARS && texts.length <= 48) texts.push(`${s.heading}\n${s.text}`.slice(0, OLD_MAX_CHARS));
  return texts;
}

/** A long note of `sections` headed sections of prose-like sentences (one vocabulary word per token). */
function longNote(seed: number, sections: number, sentencesPerSection: number): { markdown: string; sections: { heading: string; text: string }[] } {
  const vocabulary = buildVocabulary()
    .filter((e) => e.role.kind === "word" || e.role.kind === "synonym")
    .map((e) => e.token);
  const word = (i: number): string => vocabulary[(seed * 7919 + i * 104729) % vocabulary.length] ?? "word";
  let n = 0;
  const parts = Array.from({ length: sections }, (_, s) => {
    const sentences = Array.from({ length: sentencesPerSection }, () => Array.from({ length: 12 }, () => word(n++)).join(" ") + ".");
    const paragraphs = [sentences.slice(0, sentencesPerSection / 2).join(" "), sentences.slice(sentencesPerSection / 2).join(" ")];
    return { heading: `Part ${s + 1}`, text: paragraphs.join("\n") };
  });
  return { markdown: parts.map((p) => `## ${p.heading}\n\n${p.text.replace("\n", "\n\n")}`).join("\n\n"), sections: parts };
}

async function timeIt(run: () => Promise<unknown>, runs: number): Promise<number> {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? NaN;
}

/** `modelFolder`: a MiniLM-shaped test model (tests/support/models), whose tokenizer allows 512. */
export async function benchLongNotes(modelFolder: string, options: { notes?: number; runs?: number; batchSize?: number } = {}): Promise<LongNoteBench> {
  const loadBefore = loadavg()[0] ?? 0;
  const count = options.notes ?? 4;
  const runs = options.runs ?? 1;
  const transformers = await import("@huggingface/transformers");
  transformers.env.allowLocalModels = true;
  transformers.env.allowRemoteModels = false;
  transformers.env.localModelPath = path.dirname(modelFolder);
  const load = async (maxTokens?: number): Promise<TransformersEmbedder> => {
    const extractor = (await transformers.pipeline("feature-extraction", path.basename(modelFolder), {
      dtype: "q8",
      device: "cpu",
    })) as unknown as FeatureExtractor;
    return TransformersEmbedder.create(extractor, { modelId: "bench", batchSize: options.batchSize ?? 32, ...(maxTokens ? { maxTokens } : {}) });
  };
  const at512 = await load();
  const at256 = await load(256);
  // 8 sections × 10 sentences × 12 words ≈ 960 words per note.
  const notes = Array.from({ length: count }, (_, i) => longNote(i + 1, 8, 10));
  const file = (i: number) => ({ path: `Long ${i}.md`, size: 0, mtime: 0, ctime: 0 });
  const wholeTexts = notes.map((note) => note.sections.map((s) => s.text).join(" "));
  await at256.embed(wholeTexts.slice(0, 1)); // warm-up
  const t512 = await timeIt(() => at512.embed(wholeTexts), runs);
  const t256 = await timeIt(() => at256.embed(wholeTexts), runs);
  const before = notes.map((note) => oldTexts(note.sections));
  const after = notes.map((note, i) =>
    extractNote(file(i), note.markdown, { maxTokens: 256 })
      .embedTexts.filter((t) => t.kind !== "mean")
      .map((t) => t.text),
  );
  const tBefore = await timeIt(() => at512.embed(before.flat()), runs);
  const tAfter = await timeIt(() => at256.embed(after.flat()), runs);
  await at512.dispose();
  await at256.dispose();
  const perSecond = (n: number, ms: number): number => Math.round((n / ms) * 10_000) / 10;
  return {
    notes: count,
    wordsPerNote: Math.round(wholeTexts.reduce((sum, t) => sum + t.split(" ").length, 0) / count),
    truncation: { at512: perSecond(count, t512), at256: perSecond(count, t256) },
    before: { passesPerNote: before.flat().length / count, notesPerSecond: perSecond(count, tBefore) },
    after: { passesPerNote: after.flat().length / count, notesPerSecond: perSecond(count, tAfter) },
    loadAverage: [Math.round(loadBefore * 10) / 10, Math.round((loadavg()[0] ?? 0) * 10) / 10],
  };
}
