import { describe, expect, it } from "vitest";
import { serializeIndex } from "../../../src/core/index/persistence";
import { FakeEmbedder } from "../../support/fake-embedder";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

describe("the saved index's JSON, written piece by piece", () => {
  it("parses to the same state as one JSON.stringify of it, with notes across several pieces and text in any script", async () => {
    const notes: Record<string, string> = {};
    for (let i = 0; i < 4100; i++) notes[`Notes/Note ${i}.md`] = `---\ntags: [t${i % 7}]\n---\n# Heading ${i}\n\nWords ${i} über 日本語 "quoted" \\ back\n`;
    const index = memoryIndex(new MemoryVault(notes), new FakeEmbedder());
    await index.open();
    const bytes = await serializeIndex(index.index);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const header = 12 + 32;
    const length = view.getUint32(header, true);
    const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(header + 4, header + 4 + length))) as Record<string, unknown>;
    const inner = index.index;
    expect(parsed.notes).toHaveLength(4100);
    expect(parsed.fullText).toEqual(JSON.parse(JSON.stringify(inner.fullText.save())));
    expect((parsed.notes as unknown[][])[4099]![3]).toEqual(JSON.parse(JSON.stringify(inner.notes.get("Notes/Note 4099.md")!.record)));
    expect(parsed.nextNo).toBe(inner.nextNoteNo);
    index.dispose();
  });
});
