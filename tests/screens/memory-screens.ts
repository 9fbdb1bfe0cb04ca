/**
 * Made-up notes and answers for the memory screens (similar notes, search by meaning, capture
 * suggestions): the real views over a mock vault, the index replaced by fixed results.
 * Browser-side, imported by their *.screen.ts files.
 */
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import type { IndexStatus, SearchResult } from "../../src/core/index/index-types";
import { loadSettings } from "../../src/core/settings";
import type { MemoryContext } from "../../src/ui/index/memory-context";
import type { MemoryQueries } from "../../src/ui/plugin-context";
import { settledIndex } from "../support/index-access";
import { fileAt, makeApp } from "../support/obsidian-shims";

export const HOSTILE = "<img src=x onerror=alert(1)>";
export const ACTIVE = "LifeBetter/Problems/Flaky CI.md";

const E = "LifeBetter/Entries";
export const RESULTS: SearchResult[] = [
  {
    path: `${E}/Retry with backoff.md`,
    id: "1",
    title: "Retry with backoff",
    kind: "entry",
    type: "attempt",
    score: 0.86,
    reasons: ["meaning 0.86", "same problem: [[flaky ci]]"],
  },
  {
    path: `${E}/Why does the cache race the runner.md`,
    id: "2",
    title: "Why does the cache race the runner",
    kind: "entry",
    type: "question",
    score: 0.79,
    reasons: ["meaning 0.79", "shared tags: #ci #tests"],
  },
  {
    path: "LifeBetter/Problems/Slow builds.md",
    id: "3",
    title: "Slow builds",
    kind: "problem",
    score: 0.71,
    linked: true,
    reasons: ["meaning 0.71", "both link to [[build cache]]"],
  },
  { path: "LifeBetter/Meta-skills/Divide and conquer.md", id: "4", title: "Divide and conquer", kind: "meta-skill", score: 0.64, reasons: ["meaning 0.64"] },
  { path: `Notes/${HOSTILE}.md`, id: null, title: HOSTILE, kind: null, score: 0.52, reasons: ['meaning 0.52 in "Logs > 睡眠 🙂"'] },
  { path: "Journal/2026-11-20.md", id: null, title: "2026-11-20", kind: "reflection", score: 0.41, private: true, reasons: ["meaning 0.41"] },
];

const STATUS: IndexStatus = {
  notes: 1234,
  chunks: 210,
  pendingEmbeddings: 0,
  embedded: 0,
  reused: 1444,
  skipped: [],
  embeddings: { state: "ready", modelId: "Xenova/all-MiniLM-L6-v2" },
};

/** An index that answers with RESULTS (private ones only when asked for), as the worker would. */
export function fixedQueries(results: SearchResult[] = RESULTS): MemoryQueries {
  const visible = (hidePrivate?: boolean): SearchResult[] => results.filter((r) => !(hidePrivate && r.private));
  return {
    findSimilar: (_note, options) => Promise.resolve(visible(options?.hidePrivate).slice(0, options?.limit ?? 10)),
    searchByMeaning: (_query, options) => Promise.resolve(visible(options?.hidePrivate).slice(0, options?.limit ?? 10)),
    status: () => Promise.resolve(STATUS),
    idle: () => Promise.resolve(),
  };
}

/** A vault with the active problem (already linking one result as similar_to) and the notes of RESULTS. */
export async function memoryHost(options: { showPrivate?: boolean } = {}): Promise<MemoryContext> {
  const files: Record<string, string> = {
    [ACTIVE]: '---\nkind: problem\nstatus: active\nsimilar_to:\n  - "[[Retry with backoff]]"\n---\nThe integration tests fail one run in five.\n',
  };
  for (const result of RESULTS) files[result.path] = `---\nkind: ${result.kind ?? "note"}\n---\nText.\n`;
  const { app } = makeApp(files);
  const leaf = app.workspace.getLeaf(false);
  await leaf.openFile(fileAt(app, ACTIVE));
  app.workspace.setActiveLeaf(leaf);
  const settings = loadSettings({ showPrivate: options.showPrivate ?? false });
  const queries = fixedQueries();
  return { app, repo: new ObsidianNoteRepository(app), settings: () => settings, saveSettings: () => Promise.resolve(), index: settledIndex(queries) };
}
