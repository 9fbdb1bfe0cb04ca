import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, type BuiltCli } from "../support/built-cli";
import { raceReviewGrades, raceSessionAdds } from "../support/parallel-writers";

// Real processes of the bundled CLI racing on one note; the note on disk afterwards is the judge.
// Eight rounds of three lost or falsely refused writes every time before notes were edited under a lock.
let built: BuiltCli;
beforeAll(async () => {
  built = await buildCli();
});
afterAll(async () => {
  await built.dispose();
});

describe("parallel CLI writers on one note", () => {
  it("three session adds at once: no lost row, every exit code true, totals equal the rows", async () => {
    const report = await raceSessionAdds(built.path, 8, 3);
    console.log(`parallel writers: ${JSON.stringify(report)}`);
    expect(report).toMatchObject({ lostUpdates: 0, falseExits: 0, refused: 0, wrongTotals: 0 });
  });

  it("three review grades at once: every grade counted once, every exit code true", async () => {
    const report = await raceReviewGrades(built.path, 8, 3);
    console.log(`parallel writers: ${JSON.stringify(report)}`);
    expect(report).toMatchObject({ lostUpdates: 0, falseExits: 0, refused: 0, wrongTotals: 0 });
  });
});
