import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { dailyReflections } from "../../../src/core/reflection/dailies";
import { loadSettings } from "../../../src/core/settings";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const daily = (date: string, values: Record<string, unknown>) =>
  composeNote({ id: crypto.randomUUID(), kind: "reflection", period: "daily", date, ...values }, "");

async function read(files: Record<string, string>) {
  return dailyReflections((await loadRecords(new MemoryNoteRepository(files), loadSettings({}))).records);
}

describe("daily reflections' numbers", () => {
  it("reads values within the schema's rules and leaves out the ones that break them, as patterns do", async () => {
    const days = await read({
      "a.md": daily("2026-11-23", { mood: 7, energy: 4, stress: 2, sleep_hours: 7.5 }),
      "b.md": daily("2026-11-24", { mood: 42, energy: 0, stress: 6.5, sleep_hours: 30 }),
    });
    expect(days.map(({ mood, energy, stress, sleepHours }) => ({ mood, energy, stress, sleepHours }))).toEqual([
      { mood: 7, energy: 4, stress: 2, sleepHours: 7.5 },
      { mood: undefined, energy: undefined, stress: undefined, sleepHours: undefined },
    ]);
  });

  it("a note of the same day with a broken value does not hide the other note's valid one", async () => {
    const [day] = await read({
      "own.md": daily("2026-11-24", { mood: 11 }),
      "Journal/2026-11-24.md": daily("2026-11-24", { mood: 6 }),
    });
    expect(day?.mood).toBe(6);
  });
});
