import { describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { makeTempVault, removeVault } from "../support/temp-vault";

describe("lifebetter index without a model", () => {
  it("says why there are no embeddings and how to get them, and indexes full text", async () => {
    const vault = await makeTempVault({ "A.md": "Sourdough bread.", "B.md": "Flaky tests." });
    try {
      const run = await cli("index", "--vault", vault, "--json");
      expect(run.code).toBe(0);
      expect(run.err).toMatch(/no embedding model .*full-text search only/i);
      const summary = JSON.parse(run.out) as { notes: number; embedded: number; embeddings: { state: string; fix: string } };
      expect(summary).toMatchObject({ notes: 2, embedded: 0, embeddings: { state: "unavailable" } });
      expect(summary.embeddings.fix.length).toBeGreaterThan(10);
      const search = await cli("search", "sourdough", "--vault", vault, "--json");
      expect((JSON.parse(search.out) as { path: string }[]).map((r) => r.path)).toEqual(["A.md"]);
    } finally {
      await removeVault(vault);
    }
  });
});
