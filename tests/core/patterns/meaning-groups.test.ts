import { addDays, format } from "date-fns";
import { describe, expect, it } from "vitest";
import { detectPatterns } from "../../../src/core/patterns/engine";
import type { EntryPoint, PatternData } from "../../../src/core/patterns/pattern-data";
import { seededRandom } from "../../support/seeded-random";

const DIMENSIONS = 32;
/** The same blocker, said differently each time: no word repeats across them. */
const DEPLOY_BLOCKERS = [
  "The release pipeline broke again",
  "Shipping to production stalled on the build server",
  "Could not push the new version live",
  "Rollout failed halfway, had to roll back",
  "Staging environment refused the upload",
  "Deploy script crashed after migrations",
  "Our CD job timed out before publishing",
  "Launching the update got stuck in review",
];
const FILLER = "apple river stone cloud paper glass tiger music garden winter silver candle forest bottle pencil rocket".split(" ");

function vaultWithTheme(seed: number, themeTexts: readonly string[]): { data: PatternData; planted: string[] } {
  const random = seededRandom(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const direction = Array.from({ length: DIMENSIONS }, gaussian);
  const vectors = new Map<string, number[]>();
  const entries: EntryPoint[] = [];
  const add = (path: string, type: string, text: string, vector: number[], day: number): void => {
    entries.push({ path, type, date: format(addDays(new Date(2026, 0, 1), day), "yyyy-MM-dd"), text, skills: [] });
    vectors.set(path, vector);
  };
  const filler = (): string => Array.from({ length: 5 }, () => FILLER[Math.floor(random() * FILLER.length)]).join(" ");
  const planted = themeTexts.map((text, i) => {
    const path = `Entries/blocker theme ${i}.md`;
    add(
      path,
      "blocker",
      text,
      direction.map((x) => x + gaussian() * 0.5),
      i * 9,
    );
    return path;
  });
  for (let i = 0; i < 30; i++) add(`Entries/blocker ${i}.md`, "blocker", filler(), Array.from({ length: DIMENSIONS }, gaussian), i * 3);
  for (let i = 0; i < 200; i++) add(`Entries/insight ${i}.md`, "insight", filler(), Array.from({ length: DIMENSIONS }, gaussian), i % 90);
  return {
    data: {
      now: new Date(2026, 3, 1),
      sessions: [],
      days: [],
      entries,
      problems: [],
      skills: new Map(),
      reviews: new Map(),
      habitTargets: [],
      notes: [],
      vectors,
    },
    planted,
  };
}

describe("themes by meaning", () => {
  it("finds a blocker said in different words each time, with all its members as evidence", async () => {
    const { data, planted } = vaultWithTheme(1, DEPLOY_BLOCKERS);
    const report = await detectPatterns(data);
    const theme = report.proposals.find((p) => p.key.startsWith("behavioral/blockers/"));
    expect(theme?.evidence).toEqual([...planted].sort());
    expect(theme!.confidence).toBeGreaterThanOrEqual(0.8);
    // No word is shared by half the members: the label quotes a member instead of inventing a word.
    expect(theme!.name).toMatch(/^Blockers about notes like “/);
    expect(theme!.why).toContain("close in meaning");
  });

  it("labels a theme only with words at least half its members share", async () => {
    const texts = DEPLOY_BLOCKERS.map((text, i) => (i % 2 === 0 ? `${text} (deploy)` : text));
    const { data } = vaultWithTheme(2, texts);
    const theme = (await detectPatterns(data)).proposals.find((p) => p.key.startsWith("behavioral/blockers/"));
    expect(theme?.name).toBe("Blockers about deploy keep coming back");
    expect(theme!.key).toBe("behavioral/blockers/deploy");
  });

  it("falls back to words without vectors, where a theme said in different words is not found", async () => {
    const { data } = vaultWithTheme(1, DEPLOY_BLOCKERS);
    const report = await detectPatterns({ ...data, vectors: undefined });
    expect(report.proposals.filter((p) => p.key.startsWith("behavioral/blockers/") && p.confidence >= 0.5)).toEqual([]);
  });

  it("proposes no confident theme among blockers whose vectors are all unrelated", async () => {
    const { data } = vaultWithTheme(3, []);
    const report = await detectPatterns(data);
    expect(report.proposals.filter((p) => p.key.startsWith("behavioral/blockers/") && p.confidence >= 0.5)).toEqual([]);
  });
});

/** The same failed approach, said differently each time. */
const REWRITE_ATTEMPTS = [
  "Tried rewriting the whole module from scratch",
  "Started over with a fresh implementation of the parser",
  "Threw the old code away and rebuilt it",
  "Attempted a complete rewrite of the sync engine",
  "Rebuilt the importer from zero instead of patching it",
  "Began again with a clean-slate version of the service",
  "Replaced everything with a brand-new design",
  "Scrapped the codebase and wrote it anew",
];

/**
 * Attempts: the rewrite theme all failed or abandoned, forty others half failed and half worked, and
 * other notes. `shuffled`: the twin, with the very same notes, outcomes and texts, each text (with its
 * vector) moved to a random note, so the failures share no theme.
 */
function vaultWithFailedTheme(seed: number, themeTexts: readonly string[], shuffled: boolean): { data: PatternData; planted: string[] } {
  const random = seededRandom(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const direction = Array.from({ length: DIMENSIONS }, gaussian);
  const filler = (): string => Array.from({ length: 5 }, () => FILLER[Math.floor(random() * FILLER.length)]).join(" ");
  const drafts: { path: string; type: string; text: string; vector: number[]; day: number; outcome?: string }[] = [];
  const planted = themeTexts.map((text, i) => {
    const path = `Entries/attempt theme ${i}.md`;
    drafts.push({ path, type: "attempt", text, vector: direction.map((x) => x + gaussian() * 0.5), day: i * 9, outcome: i % 3 === 2 ? "abandoned" : "failed" });
    return path;
  });
  for (let i = 0; i < 40; i++)
    drafts.push({
      path: `Entries/attempt ${i}.md`,
      type: "attempt",
      text: filler(),
      vector: Array.from({ length: DIMENSIONS }, gaussian),
      day: i * 2,
      outcome: i % 2 === 0 ? "success" : "failed",
    });
  for (let i = 0; i < 200; i++)
    drafts.push({ path: `Entries/insight ${i}.md`, type: "insight", text: filler(), vector: Array.from({ length: DIMENSIONS }, gaussian), day: i % 90 });
  if (shuffled) {
    const contents = drafts.map(({ text, vector }) => ({ text, vector }));
    for (let i = contents.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [contents[i], contents[j]] = [contents[j]!, contents[i]!];
    }
    drafts.forEach((d, i) => Object.assign(d, contents[i]));
  }
  const entries: EntryPoint[] = drafts.map((d) => ({
    path: d.path,
    type: d.type,
    date: format(addDays(new Date(2026, 0, 1), d.day), "yyyy-MM-dd"),
    text: d.text,
    outcome: d.outcome,
    skills: [],
  }));
  const vectors = new Map(drafts.map((d) => [d.path, d.vector]));
  return {
    data: {
      now: new Date(2026, 3, 1),
      sessions: [],
      days: [],
      entries,
      problems: [],
      skills: new Map(),
      reviews: new Map(),
      habitTargets: [],
      notes: [],
      vectors,
    },
    planted,
  };
}

const failedThemes = (proposals: readonly { key: string; confidence: number }[], least: number) =>
  proposals.filter((p) => p.key.startsWith("problem-solving/failed-attempts/") && p.confidence >= least);

describe("themes by meaning among failed attempts", () => {
  it("finds a failed approach said in different words each time, with all its attempts as evidence", async () => {
    const { data, planted } = vaultWithFailedTheme(1, REWRITE_ATTEMPTS, false);
    const report = await detectPatterns(data);
    const theme = report.proposals.find((p) => p.key.startsWith("problem-solving/failed-attempts/"));
    // Every planted attempt, and at most one failure that is by chance as close (random vectors reach
    // the closeness threshold about 3% of the time; twenty unrelated failures are in the group).
    expect(theme?.evidence).toEqual(expect.arrayContaining(planted));
    expect(theme!.evidence.length).toBeLessThanOrEqual(planted.length + 1);
    expect(theme!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(theme!.positive).toBe(false);
    // No word is shared by half the members: the label quotes a member instead of inventing a word.
    expect(theme!.name).toMatch(/^Failed attempts about notes like “.+” keep coming back$/);
    expect(theme!.why).toContain("failed or abandoned attempts are this close in meaning");
  });

  it("proposes nothing confident on the shuffled twin, whose failed attempts share no theme", async () => {
    const { data } = vaultWithFailedTheme(1, REWRITE_ATTEMPTS, true);
    expect(failedThemes((await detectPatterns(data)).proposals, 0.5)).toEqual([]);
  });

  it("labels the theme only with words half its attempts share, and falls back to those words without vectors", async () => {
    const texts = REWRITE_ATTEMPTS.map((text, i) => (i % 2 === 0 ? `${text} (rewrite)` : text));
    const { data, planted } = vaultWithFailedTheme(2, texts, false);
    const byMeaning = (await detectPatterns(data)).proposals.find((p) => p.key.startsWith("problem-solving/failed-attempts/"));
    expect(byMeaning?.name).toBe("Failed attempts about rewrite keep coming back");
    expect(byMeaning!.key).toBe("problem-solving/failed-attempts/rewrite");
    // Without vectors only the shared word is seen: the attempts that use it.
    const byWords = (await detectPatterns({ ...data, vectors: undefined })).proposals.find((p) => p.key === "problem-solving/failed-attempts/rewrite");
    expect(byWords?.evidence).toEqual(planted.filter((_, i) => /\brewrite\b/i.test(texts[i]!)).sort());
    expect(byWords!.why).toContain("share these words");
  });
});
