import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { dayOf } from "../../src/core/dates/days";
import { cli } from "../support/cli";
import { makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

const BODY = "## Milestones\n- [ ] Draft 🔼 📅 2026-12-01 #writing ^d1\n- [ ] Review [due:: 2026-12-05]\n- [x] Plan ✅ 2026-11-10\n";
const NOTE = "LifeBetter/Problems/Essay.md";

async function vault(): Promise<string> {
  root = await makeTempVault({ [NOTE]: composeNote({ kind: "problem", status: "active" }, BODY) });
  return root;
}

const bodyOf = async (dir: string) => (await fs.readFile(path.join(dir, NOTE), "utf8")).split("---\n").slice(2).join("---\n");

describe("lifebetter problem milestone", () => {
  it("ticks a milestone as Tasks does, changing only the box and adding the done date", async () => {
    const dir = await vault();
    const run = await cli("problem", "milestone", "--vault", dir, "--problem", "Essay", "--milestone", "Draft 🔼 #writing", "--done", "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const today = dayOf(new Date());
    expect(JSON.parse(run.out)).toEqual({
      path: NOTE,
      milestone: { text: "Draft 🔼 #writing", done: true, due: "2026-12-01", scheduled: null, start: null, completed: today },
    });
    expect(await bodyOf(dir)).toBe(BODY.replace("- [ ] Draft 🔼 📅 2026-12-01 #writing ^d1", `- [x] Draft 🔼 📅 2026-12-01 #writing ✅ ${today} ^d1`));
    await cli("problem", "milestone", "--vault", dir, "--problem", "Essay", "--milestone", "Draft 🔼 #writing", "--undone");
    expect(await bodyOf(dir)).toBe(BODY);
  });

  it("sets due and scheduled dates in the format the line uses", async () => {
    const dir = await vault();
    const run = await cli(
      "problem",
      "milestone",
      "--vault",
      dir,
      "--problem",
      "Essay",
      "--milestone",
      "Review",
      "--due",
      "2026-12-24",
      "--scheduled",
      "2026-12-20",
    );
    expect(run.code).toBe(0);
    expect(await bodyOf(dir)).toBe(BODY.replace("- [ ] Review [due:: 2026-12-05]", "- [ ] Review [due:: 2026-12-24] [scheduled:: 2026-12-20]"));
  });

  it("refuses an unknown milestone, a bad date or nothing to do, changing nothing", async () => {
    const dir = await vault();
    const unknown = await cli("problem", "milestone", "--vault", dir, "--problem", "Essay", "--milestone", "Publish", "--done");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No milestone "Publish"; the milestones are "Draft 🔼 #writing", "Review", "Plan"');
    const badDate = await cli("problem", "milestone", "--vault", dir, "--problem", "Essay", "--milestone", "Review", "--due", "2026-02-30");
    expect(badDate.code).toBe(2);
    const nothing = await cli("problem", "milestone", "--vault", dir, "--problem", "Essay", "--milestone", "Review");
    expect(nothing.code).toBe(2);
    expect(await bodyOf(dir)).toBe(BODY);
  });
});
