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
    add(path, "blocker", text, direction.map((x) => x + gaussian() * 0.5), i * 9);
    return path;
  });
  for (let i = 0; i < 30; i++) add(`Entries/blocker ${i}.md`, "blocker", filler(), Array.from({ length: DIMENSIONS }, gaussian), i * 3);
  for (let i = 0; i < 200; i++) add(`Entries/insight ${i}.md`, "insight", filler(), Array.from({ length: DIMENSIONS }, gaussian), i % 90);
  return { data: { now: new Date(2026, 3, 1), sessions: [], days: [], entries, problems: [], skills: new Map(), reviews: new Map(), habitTargets: [], notes: [], vectors }, planted };
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
