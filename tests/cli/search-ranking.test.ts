import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { tempStaticModel } from "../support/models/temp-models";
import type { BuiltModel } from "../support/models/model-folder";
import { makeTempVault, removeVault } from "../support/temp-vault";

/** A long note that shares one ordinary word ("check") with the query and nothing of its meaning. */
const BICYCLE_LOG = [
  "Weekly ride log for the touring bicycle.",
  "Monday: forty kilometres along the river, headwind most of the way, lunch at the harbour cafe.",
  "Tuesday: rest, stretched, cleaned the chain and the cassette with degreaser.",
  "Wednesday: hill repeats on the old quarry road, six climbs, legs heavy on the last two.",
  "Thursday: check tyre pressure before the group ride, then sixty kilometres with the club.",
  "Friday: easy spin to the market and back, bought new bar tape and a spare inner tube.",
  "Saturday: long ride to the coast, ninety kilometres, windy and bright, ice cream at the pier.",
  "Sunday: rest day, planned next week's routes on the map and wrote this log.",
].join("\n");

const NOTES: Record<string, string> = {
  // Means the query ("repair the broken check") almost exactly, and shares no word with it.
  "Notes/Nightly crash.md": "The failing test in the sync plugin crashes every night.\n",
  "Notes/Bicycle log.md": BICYCLE_LOG + "\n",
  // The query word in the title, a body about something else.
  "Notes/Sourdough.md": "Visited the bakery with Anna on Saturday morning.\n",
  // Close in meaning to "sourdough", without the word.
  "Recipes/Bread.md": "Bake bread: flour, water, yeast and a hot oven.\n",
};

let model: BuiltModel & { cleanup: () => Promise<void> };
let vault: string;
beforeAll(async () => {
  model = await tempStaticModel();
  vault = await makeTempVault(NOTES);
});
afterAll(async () => {
  await removeVault(vault);
  await model.cleanup();
});

interface Result {
  path: string;
  score: number;
  reasons: string[];
  snippet?: string;
}

async function search(query: string): Promise<Result[]> {
  const run = await cli("search", query, "--vault", vault, "--model", model.folder, "--json");
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as Result[];
}

describe("search ranks by how strong each match is", () => {
  it("a paraphrase sharing no word ranks first, above a long note matching one weak word, and scores higher", async () => {
    const results = await search("repair the broken check");
    expect(results.map((r) => r.path).slice(0, 2)).toEqual(["Notes/Nightly crash.md", "Notes/Bicycle log.md"]);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
    expect(results[0]!.reasons).toEqual([expect.stringMatching(/^meaning 0\.\d\d$/)]);
    expect(results[1]!.reasons.some((r) => r.startsWith("words"))).toBe(true);
  });

  it("a note with the query word in its title still wins when no note is close in meaning to it", async () => {
    const results = await search("sourdough");
    expect(results[0]?.path).toBe("Notes/Sourdough.md");
    expect(results.map((r) => r.path)).toContain("Recipes/Bread.md");
  });

  it("gives each result a snippet: the passage with the query's words, else the note's beginning", async () => {
    const [ride] = await search("tyre pressure");
    expect(ride?.path).toBe("Notes/Bicycle log.md");
    expect(ride?.snippet).toMatch(/^….*check tyre pressure before the group ride.*…$/);
    expect(ride!.snippet!.length).toBeLessThanOrEqual(170);
    const crash = (await search("repair the broken check")).find((r) => r.path === "Notes/Nightly crash.md");
    expect(crash?.snippet).toBe("The failing test in the sync plugin crashes every night.");
  });
});
