import { describe, expect, it } from "vitest";
import { acceptConnection, connectionsTo, isConnectionType } from "../../../src/core/connections/accept-connection";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { propertiesOf } from "../../support/note-properties";

const NOW = new Date("2026-11-25T01:30:00Z");

describe("accept as connection", () => {
  it("adds the typed link to the note's properties, keeps what was there, and leaves the body as it was", async () => {
    const body = "# Flaky tests\n\nThe body <img src=x onerror=alert(1)> stays byte for byte.\n";
    const repo = new MemoryNoteRepository({ "P.md": `---\nkind: problem\nrelated: "[[Old]]"\ncustom: kept\n---\n${body}` });
    expect(await acceptConnection(repo, "P.md", "related", "Retry", NOW)).toBe(true);
    expect(await acceptConnection(repo, "P.md", "similar_to", "Folder/Bisect", NOW)).toBe(true);
    const text = repo.files.get("P.md");
    expect(propertiesOf(text)).toMatchObject({
      related: ["[[Old]]", "[[Retry]]"],
      similar_to: ["[[Folder/Bisect]]"],
      custom: "kept",
      updated: expect.stringMatching(/^2026-11-25T/) as unknown,
    });
    expect(text?.endsWith(body)).toBe(true);
  });

  it("does not add a link twice (by name or by path) and then leaves the note untouched", async () => {
    const repo = new MemoryNoteRepository({ "P.md": '---\ncaused_by: ["[[Folder/Retry]]"]\n---\nbody\n' });
    const before = repo.files.get("P.md");
    expect(await acceptConnection(repo, "P.md", "caused_by", "Retry", NOW)).toBe(false);
    expect(repo.files.get("P.md")).toBe(before);
  });

  it("refuses a note whose properties cannot be parsed, changing nothing", async () => {
    const broken = "---\nrelated: [unclosed\n---\nbody\n";
    const repo = new MemoryNoteRepository({ "P.md": broken });
    await expect(acceptConnection(repo, "P.md", "related", "Retry", NOW)).rejects.toThrow(/was not changed/);
    expect(repo.files.get("P.md")).toBe(broken);
  });

  it("tells which connection types already link to a note", () => {
    const props = { related: ["[[A]]", "[[B]]"], solved_by: "[[Dir/B]]", opposite_of: ["[[C]]"], tags: ["[[B]]"] };
    expect(connectionsTo(props, "B")).toEqual(["related", "solved_by"]);
    expect(connectionsTo(props, "Z")).toEqual([]);
    expect(isConnectionType("prerequisite_for")).toBe(true);
    expect(isConnectionType("tags")).toBe(false);
  });
});
