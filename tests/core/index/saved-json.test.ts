import { afterAll, describe, expect, it } from "vitest";
import { joinedBuffer } from "../../../src/core/embed/binary-file";
import { NoteIndex } from "../../../src/core/index/note-index";
import { restoreIndex, serializeIndex } from "../../../src/core/index/persistence";
import { FakeEmbedder } from "../../support/fake-embedder";
import { memoryIndex, testTimers } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

/** 4,100 notes, a few long, with characters of 1 to 4 bytes: MiBs of JSON, so blocks split them anywhere. */
let saved: ReturnType<typeof buildSavedVault> | undefined;
/** Built once for both tests: the index is only read. */
const savedVault = () => (saved ??= buildSavedVault());

async function buildSavedVault() {
  const notes: Record<string, string> = {};
  const long = Array.from({ length: 1600 }, (_, i) => `über${i % 50} 日本語 😀 "quoted" \\ back`).join(" ");
  for (let i = 0; i < 4100; i++)
    notes[`Notes/Note ${i}.md`] = `---\ntags: [t${i % 7}]\n---\n# Heading ${i}\n\nWords ${i} über 日本語 "quoted" \\ back\n${i % 100 === 0 ? long : ""}`;
  const index = memoryIndex(new MemoryVault(notes), new FakeEmbedder());
  await index.open();
  const bytes = new Uint8Array(joinedBuffer(await serializeIndex(index.index)));
  return { index, bytes };
}

describe("the saved index's JSON, written piece by piece", () => {
  afterAll(async () => (await savedVault()).index.dispose());
  it("parses to the same state as one JSON.stringify of it, with notes across several pieces and text in any script", async () => {
    const { index, bytes } = await savedVault();
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const header = 12 + 32;
    const length = view.getUint32(header, true);
    expect(length).toBeGreaterThan(2 * 2 ** 20);
    const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(header + 4, header + 4 + length))) as Record<string, unknown>;
    const inner = index.index;
    expect(parsed.notes).toHaveLength(4100);
    expect(parsed.fullText).toEqual(JSON.parse(JSON.stringify(inner.fullText.save())));
    expect((parsed.notes as unknown[][])[4099]![3]).toEqual(JSON.parse(JSON.stringify(inner.notes.get("Notes/Note 4099.md")!.record)));
    expect(parsed.nextNo).toBe(inner.nextNoteNo);
  });

  it("restores from its bytes, and a byte changed in any MiB of them is caught by the checksum", async () => {
    const { index, bytes } = await savedVault();
    const restored = new NoteIndex({ embedder: { embedder: new FakeEmbedder() }, timers: testTimers });
    expect(await restoreIndex(restored, bytes)).toBeNull();
    expect(restored.notes.get("Notes/Note 4099.md")?.record).toEqual(index.index.notes.get("Notes/Note 4099.md")?.record);
    for (const offset of [2 ** 20 + 7, 2 * 2 ** 20 + 1, bytes.length - 1]) {
      const damaged = bytes.slice();
      damaged[offset]! ^= 1;
      expect(await restoreIndex(new NoteIndex({ embedder: { embedder: new FakeEmbedder() }, timers: testTimers }), damaged)).toMatch(/corrupt/);
    }
  });
});
