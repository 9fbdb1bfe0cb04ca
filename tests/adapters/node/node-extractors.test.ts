import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledExtractWorker, nodeExtractors } from "../../../src/adapters/node/node-extractors";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { parseNote } from "../../../src/core/codec/frontmatter";
import type { ExtractJob } from "../../../src/core/index/note-extractor";
import { fullTextTokens } from "../../../src/core/index/fulltext-documents";
import { extractNote } from "../../../src/core/index/note-record";
import { noteTokenizer } from "../../../src/core/index/tokenizer";
import { CORPORA_ROOT, FIXTURE_VAULT, corporaAvailable } from "../../support/corpora";
import { bundleExtractWorker } from "../../support/index-worker";

let script: string;
beforeAll(async () => {
  script = await bundleExtractWorker();
});
afterAll(async () => {
  await rm(path.dirname(script), { recursive: true, force: true });
});

const OPTIONS = { maxTokens: 256, embed: true };

/** Every note of a vault as the index reads it; every third with its frontmatter already parsed, as Obsidian's cache gives it. */
async function jobsOf(root: string): Promise<ExtractJob[]> {
  const repo = new NodeNoteRepository(root);
  const files = await repo.listFiles();
  return Promise.all(
    files.map(async (file, i) => {
      const text = await readFile(path.join(root, file.path), "utf8");
      const parsed = i % 3 === 0 ? parseNote(text) : null;
      return { file, text, ...(parsed?.ok ? { properties: parsed.properties } : {}) };
    }),
  );
}

/** extractNote's notes, with the tokens the index's own tokenizer makes of them (which the workers send along). */
const expected = (jobs: ExtractJob[]) =>
  jobs.map((job) => {
    const note = extractNote(job.file, job.text, { ...OPTIONS, ...(job.properties ? { properties: job.properties } : {}) });
    return { ...note, tokens: fullTextTokens(note.fullText, noteTokenizer()) };
  });
/** What this thread extracts when no worker runs: extractNote's notes alone. */
const inThisThread = (jobs: ExtractJob[]) => expected(jobs).map(({ tokens: _tokens, ...note }) => note);

describe("extraction in worker threads", () => {
  it.each([["the fixture vault", FIXTURE_VAULT], ...(corporaAvailable() ? [["obsidian-help", path.join(CORPORA_ROOT, "obsidian-help")]] : [])])(
    "gives exactly what extractNote gives for every note of %s, in order, with the index's tokens of each",
    async (_name, root) => {
      const jobs = await jobsOf(root);
      const extractor = await nodeExtractors(script, 2)();
      try {
        expect(extractor.workers).toBe(2);
        expect(await extractor.extract(jobs, OPTIONS)).toEqual(expected(jobs));
      } finally {
        await extractor.dispose();
      }
    },
  );

  it("extracts in this thread when the workers cannot run, losing no note", async () => {
    const folder = await mkdtemp(path.join(path.dirname(script), "broken-"));
    const broken = path.join(folder, "extract-worker.mjs");
    await writeFile(broken, "throw new Error('this worker cannot start');\n");
    const notes = await jobsOf(FIXTURE_VAULT);
    // Enough pieces (of 32 notes) that both workers are tried.
    const jobs = [0, 1, 2, 3].flatMap((copy) => notes.map((job) => ({ ...job, file: { ...job.file, path: `${copy}/${job.file.path}` } })));
    const extractor = await nodeExtractors(broken, 2)();
    try {
      expect(await extractor.extract(jobs, OPTIONS)).toEqual(inThisThread(jobs));
      expect(extractor.workers).toBe(0);
    } finally {
      await extractor.dispose();
    }
  });

  it("finds the worker only beside a bundle that has it; from source, notes are extracted inline", async () => {
    const empty = await mkdtemp(path.join(path.dirname(script), "src-"));
    expect(bundledExtractWorker(pathToFileURL(path.join(empty, "index-session.ts")))).toBeNull();
    const folder = await mkdtemp(path.join(path.dirname(script), "dist-"));
    await writeFile(path.join(folder, "extract-worker.mjs"), "");
    expect(bundledExtractWorker(pathToFileURL(path.join(folder, "cli.js")))).toBe(path.join(folder, "extract-worker.mjs"));
    const inline = await nodeExtractors(null, 4)();
    expect(inline.workers).toBe(0);
  });
});
