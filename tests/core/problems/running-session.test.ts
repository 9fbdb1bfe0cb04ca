import { parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { addSession } from "../../../src/core/problems/add-session";
import { findProblemOfSession } from "../../../src/core/problems/find-problem";
import { recoverSession } from "../../../src/core/problems/recover-session";
import { elapsedMinutes, parseRunningSession, startSession, stopSession } from "../../../src/core/problems/running-session";
import { parseSessions } from "../../../src/core/problems/sessions-table";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const started = new Date("2026-11-24T09:00:00Z");

describe("running session", () => {
  it("starts, survives a save and reload of plugin data, and stops into a session row", async () => {
    const running = startSession(null, { path: "Problems/Ship v2.md", id: ID }, started);
    // The plugin saves this in data.json; a restart reads it back from JSON.
    const saved = JSON.parse(JSON.stringify({ runningSession: running })) as { runningSession: unknown };
    const recovered = parseRunningSession(saved.runningSession);
    expect(recovered).toEqual(running);
    if (!recovered) throw new Error("not recovered");
    const now = new Date("2026-11-24T10:05:30Z");
    expect(elapsedMinutes(recovered, now)).toBe(65);

    const repo = new MemoryNoteRepository({ "Problems/Ship v2.md": composeNote({ id: ID, kind: "problem" }, "Text\n") });
    const input = stopSession(recovered, now, { focus: 8, energy: 5, outcome: "progress" });
    const added = await addSession(repo, recovered.problemPath, input, now);
    expect(added.minutes).toBe(65);
    expect(parseISO(added.cells.start).getTime()).toBe(started.getTime());
  });

  it("runs one session at a time", () => {
    const running = startSession(null, { path: "a.md" }, started);
    expect(() => startSession(running, { path: "b.md" }, started)).toThrow(/already running since .*; stop or discard it first/);
  });

  it("keeps the problem's id only when it is a record id", () => {
    expect(startSession(null, { path: "a.md", id: "not-an-id" }, started)).not.toHaveProperty("problemId");
  });

  it.each([
    [null],
    [undefined],
    ["text"],
    [{}],
    [{ problemPath: "a.md" }],
    [{ problemPath: "", start: "2026-11-24T09:00:00Z" }],
    [{ problemPath: "a.md", start: "yesterday" }],
    [{ problemPath: 3, start: "2026-11-24T09:00:00Z" }],
  ])("reads %j from saved data as no running session", (raw) => {
    expect(parseRunningSession(raw)).toBeNull();
  });

  it("never shows negative elapsed time when the clock went back", () => {
    expect(elapsedMinutes({ problemPath: "a.md", start: "2026-11-24T09:00:00Z" }, new Date("2026-11-24T08:00:00Z"))).toBe(0);
  });

  it("finds the problem of a recovered session by id after the note was renamed", async () => {
    const repo = new MemoryNoteRepository({ "Problems/Renamed.md": composeNote({ id: ID, kind: "problem" }, "Text\n") });
    const vault = await loadRecords(repo, DEFAULT_SETTINGS, ["problem"]);
    const running = { problemPath: "Problems/Ship v2.md", problemId: ID, start: "2026-11-24T09:00:00Z" };
    expect(findProblemOfSession(vault, running)?.path).toBe("Problems/Renamed.md");
    expect(findProblemOfSession(vault, { problemPath: "Problems/Ship v2.md", start: running.start })).toBeUndefined();
  });

  it("a refused stop loses nothing: the running session can be stopped again once the table is fixed", async () => {
    const broken = "## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n|-|-|-|-|-|-|-|-|\n| x | y | | | | | | |\n";
    const repo = new MemoryNoteRepository({ "p.md": composeNote({ id: ID, kind: "problem" }, broken) });
    const running = startSession(null, { path: "p.md", id: ID }, started);
    const input = stopSession(running, new Date("2026-11-24T09:30:00Z"), { focus: 5, energy: 5 });
    await expect(addSession(repo, "p.md", input)).rejects.toThrow(/row 1: start "x"/);
    await repo.updateBody("p.md", (body) => body.replace("| x | y |", "| 2026-11-23T09:00:00Z | 2026-11-23T09:10:00Z |"));
    await addSession(repo, "p.md", input);
    const rows = parseSessions(await repo.read("p.md")).rows;
    expect(rows.map((row) => row.minutes)).toEqual([10, 30]);
  });

  it("recovers a session saved before a restart with its problem and elapsed time, or nothing from bad data", async () => {
    const repo = new MemoryNoteRepository({ "Problems/Renamed.md": composeNote({ id: ID, kind: "problem" }, "Text\n") });
    const vault = await loadRecords(repo, DEFAULT_SETTINGS, ["problem"]);
    const saved: unknown = JSON.parse(JSON.stringify(startSession(null, { path: "Problems/Ship v2.md", id: ID }, started)));
    const recovered = recoverSession(saved, vault, new Date("2026-11-24T17:00:00Z"));
    expect(recovered).toMatchObject({ elapsedMinutes: 480, session: { problemPath: "Problems/Ship v2.md" } });
    expect(recovered?.problem?.path).toBe("Problems/Renamed.md");
    expect(recoverSession({ problemPath: "gone.md", start: "2026-11-24T09:00:00Z" }, vault, started)).toMatchObject({ problem: undefined, elapsedMinutes: 0 });
    expect(recoverSession({ start: 5 }, vault, started)).toBeNull();
  });
});
