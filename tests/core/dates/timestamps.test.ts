import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { captureEntry } from "../../../src/core/capture/capture-entry";
import { importChats } from "../../../src/core/chats/import-chats";
import { recordPatternDecision } from "../../../src/core/patterns/pattern-note";
import { createProblem } from "../../../src/core/problems/create-problem";
import { openReflection } from "../../../src/core/reflection/open-reflection";
import { createMetaSkill } from "../../../src/core/skills/new-skill";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { byteChunks, chatGptConversation, dialogue } from "../../support/chat-exports";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { env } from "../reflection/support";

const NOW = new Date("2026-11-25T01:00:00Z");

function stamps(repo: MemoryNoteRepository): { path: string; kind: unknown; created: unknown; updated: unknown }[] {
  return [...repo.files].map(([path, text]) => {
    const parsed = parseNote(text);
    if (!parsed.ok) throw new Error(`${path}: ${parsed.problem}`);
    const { kind, created, updated } = parsed.properties;
    return { path, kind, created, updated };
  });
}

describe("a record the plugin creates", () => {
  it("has updated equal to created, whatever its kind", async () => {
    const repo = new MemoryNoteRepository();
    await captureEntry(repo, { type: "insight", text: "Small batches ship faster.", source: "cli" }, DEFAULT_SETTINGS, NOW);
    await createProblem(repo, { title: "Ship v2" }, DEFAULT_SETTINGS, NOW);
    await createMetaSkill(repo, { name: "Divide and conquer" }, DEFAULT_SETTINGS, NOW);
    await recordPatternDecision(
      repo,
      DEFAULT_SETTINGS,
      {
        key: "temporal/focus/hour/morning",
        name: "Focus is higher in the morning",
        description: "Focus averaged 8 in the morning.",
        pattern_type: "temporal",
        confidence: 0.8,
        positive: true,
        evidence: [],
        why: "Compared focus in the morning with the rest of the day.",
        suggestion: "Plan hard work in the morning.",
        chart: { kind: "bar", title: "Focus", labels: [], series: [], yLabel: "" },
        occurrences: 2,
      },
      { status: "confirmed" },
      NOW,
    );
    await importChats(repo, DEFAULT_SETTINGS, byteChunks(JSON.stringify([chatGptConversation("c1", "Fixing the cache", dialogue(2))]), 4096), {
      now: NOW,
      yieldToUi: () => Promise.resolve(),
    });
    const reflections = env();
    await openReflection(reflections, "daily", "2026-11-24");
    const all = [...stamps(repo), ...stamps(reflections.repo)];
    expect(new Set(all.map((note) => note.kind))).toEqual(new Set(["entry", "problem", "meta-skill", "pattern", "conversation", "reflection"]));
    for (const note of all) {
      expect(note.updated, note.path).toBe(note.created);
      expect(note.created, note.path).toMatch(/^2026-11-2\dT/);
    }
  });
});
