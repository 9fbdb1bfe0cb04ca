import { describe, expect, it } from "vitest";
import { captureEntry } from "../../../src/core/capture/capture-entry";
import { checkVault } from "../../../src/core/check/check-vault";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { sessionCells } from "../../../src/core/problems/add-session";
import { parseSessions } from "../../../src/core/problems/sessions-table";
import { checkDecisionAnswer } from "../../../src/core/review/decision-review";
import { setReflectionValues } from "../../../src/core/reflection/values";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { EXPORT_FORMAT } from "../../../src/core/transfer/export-format";
import { importRecords } from "../../../src/core/transfer/import-records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const exportFile = (properties: Record<string, unknown>): string =>
  JSON.stringify({
    format: EXPORT_FORMAT,
    version: 1,
    exported_at: "2026-11-25T00:00:00Z",
    records: [{ id: ID, kind: "entry", path: "LifeBetter/Entries/a.md", properties: { id: ID, kind: "entry", type: "insight", ...properties }, body: "x\n" }],
  });

/** Whether each surface accepts a 1–10 scale value: capture, check, import, sessions, reflections, decisions. */
async function verdicts(value: number): Promise<Record<string, boolean>> {
  const accepts = async (run: () => unknown): Promise<boolean> => {
    try {
      await run();
      return true;
    } catch {
      return false;
    }
  };
  const checked = new MemoryNoteRepository({ "e.md": composeNote({ id: ID, kind: "entry", type: "insight", mood: value }, "x\n") });
  const findings = (await checkVault(checked, DEFAULT_SETTINGS)).findings.filter((finding) => finding.property === "mood");
  const imported = await importRecords(new MemoryNoteRepository(), DEFAULT_SETTINGS, exportFile({ mood: value }));
  const row = `| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 60 | ${value} | 5 |  |  |  |`;
  const table = parseSessions(
    `## Sessions\n\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n|---|---|---|---|---|---|---|---|\n${row}\n`,
  );
  const reflection = new MemoryNoteRepository({ "r.md": composeNote({ id: ID, kind: "reflection", period: "daily" }, "") });
  return {
    capture: await accepts(() => captureEntry(new MemoryNoteRepository(), { type: "insight", text: "x", mood: value, source: "test" }, DEFAULT_SETTINGS)),
    check: findings.length === 0,
    import: imported.counts.create === 1,
    session: await accepts(() => sessionCells({ start: "2026-11-21T09:00:00Z", end: "2026-11-21T10:00:00Z", focus: value, energy: 5 }, [])),
    "sessions table": table.problems.length === 0,
    reflect: await accepts(() => setReflectionValues(reflection, "r.md", { mood: value }, new Date("2026-11-21T10:00:00Z"))),
    decision: await accepts(() => checkDecisionAnswer({ actualOutcome: "ok", satisfaction: value, wouldDecideSame: true })),
  };
}

describe("one rule for a 1–10 value, everywhere", () => {
  it.each([1, 7, 10])("%d is accepted by every surface", async (value) => {
    expect(Object.values(await verdicts(value)).every(Boolean)).toBe(true);
  });

  it.each([6.5, 0, 11, 42])("%d is refused by every surface (check and import included)", async (value) => {
    const result = await verdicts(value);
    expect(
      Object.entries(result)
        .filter(([, ok]) => ok)
        .map(([surface]) => surface),
    ).toEqual([]);
  });

  it("import names the rule and writes nothing for mood 42", async () => {
    const repo = new MemoryNoteRepository();
    const report = await importRecords(repo, DEFAULT_SETTINGS, exportFile({ mood: 42 }));
    expect(report.actions.map((action) => `${action.action}: ${"reason" in action ? action.reason : ""}`)).toEqual([
      expect.stringMatching(/^error: .*mood must be a whole number from 1 to 10, found 42/),
    ]);
    expect(repo.files.size).toBe(0);
  });

  it("import still takes an entry of a custom type this vault does not know", async () => {
    const report = await importRecords(new MemoryNoteRepository(), DEFAULT_SETTINGS, exportFile({ type: "dream" }));
    expect(report.counts.create).toBe(1);
  });
});
