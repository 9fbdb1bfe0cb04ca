import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, type BuiltCli } from "../support/built-cli";
import { raceSessionAdds } from "../support/parallel-sessions";

let built: BuiltCli;
beforeAll(async () => {
  built = await buildCli();
});
afterAll(async () => {
  await built.dispose();
});

describe("parallel CLI writers on one note", () => {
  it("three session adds at once: no lost row, every exit code true, totals equal the rows", async () => {
    const report = await raceSessionAdds(built.path, 12, 3);
    console.log(`session add race: ${JSON.stringify(report)}`);
    expect(report).toMatchObject({ lostUpdates: 0, falseExits: 0, refused: 0, wrongTotals: 0 });
  });
});
