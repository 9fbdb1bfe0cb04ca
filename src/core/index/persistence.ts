import type { FileBytes } from "../embed/binary-file";
import { HASH_BYTES, sha256Bytes } from "../embed/text-hash";
import { FullTextIndex, type SavedFullText } from "./fulltext-index";
import { NoteIndex, type IndexedNote } from "./note-index";
import type { EmbedTextKind } from "./note-record";
import { VectorStore } from "./vector-store";

/**
 * The saved index, one binary file per device: a header (magic, format version, payload length,
 * checksum of the payload), then a JSON part (note records, Orama's own full-text state, vector
 * owners and text hashes) and the raw Float32 vectors. Vectors are never written as JSON numbers
 * (Orama's persistence does, and breaks near 50k notes). Anything that does not check out is
 * reported as unusable and the index is rebuilt from the notes, never trusted.
 * Version 4: note records carry `private`. Version 5: `private` is any value not clearly false, in any
 * key case (an older index may have `private: yes` notes marked public), and a record's `date` is its
 * own (recordDate), not `created`: an older index is rebuilt. Version 6: a long note is split into
 * passages (each text says its kind) and its vector is their mean; text hashes ignore whitespace and case.
 * Version 7: full-text tokens of any script, folded accents, CJK character pairs and Markdown syntax marks.
 * Version 8: British spellings stored as American ("colour" → "color"), stems that are stop words dropped.
 * Version 9: the full-text radix trees are saved as compact SavedTrees (posting-lists.ts), not Orama's toJSON.
 * Version 10: the checksum is the SHA-256 of the payload's 1 MiB blocks' SHA-256s (checksumOf).
 */
export const INDEX_FORMAT_VERSION = 10;
const MAGIC = 0x5842494c; // "LIBX" little-endian
const DIGEST_AT = 12;
const HEADER_BYTES = DIGEST_AT + HASH_BYTES;

/**
 * Where the saved index lives: a file in the plugin's per-device folder, or the CLI's cache folder.
 * The same shape as the embeddings module's BinaryFile, so its Node and Obsidian files fit.
 */
export interface IndexStorage {
  read(): Promise<Uint8Array | null>;
  /** Replaces the whole file atomically (temp file, then rename); the index hands it over in parts. */
  writeAtomic(bytes: FileBytes): Promise<void>;
}

interface StoreMeta {
  owners: number[];
  keys: string[];
  hashes: string[];
}

interface SavedJson {
  modelId: string | null;
  dimensions: number;
  nextNo: number;
  notes: [no: number, mtime: number, size: number, record: IndexedNote["record"], texts: [key: string, hash: string, kind: EmbedTextKind][]][];
  fullText: SavedFullText;
  noteStore: StoreMeta | null;
  chunkStore: StoreMeta | null;
}

function metaOf(store: VectorStore | null): { meta: StoreMeta | null; vectors: Float32Array } {
  if (!store) return { meta: null, vectors: new Float32Array(0) };
  const snap = store.snapshot();
  return { meta: { owners: Array.from(snap.owners), keys: snap.keys, hashes: snap.hashes }, vectors: snap.vectors };
}

/**
 * The saved index as the file's parts, in order (see IndexStorage): the header, the JSON in blocks,
 * the vectors. Nothing joins them: a joined copy of the file beside the pieces it was made of, and
 * Web Crypto's own copy of it for the checksum, were the peak of a first index's memory.
 */
export async function serializeIndex(index: NoteIndex): Promise<Uint8Array[]> {
  const pending = new Set(index.status().pendingEmbeddings > 0 ? [...index.notes.keys()].filter((p) => index.isPending(p)) : []);
  const noteStore = metaOf(index.noteVectors);
  const chunkStore = metaOf(index.chunkVectors);
  const json = encodeSavedJson(
    {
      modelId: index.embedder?.modelId ?? null,
      dimensions: index.embedder?.dimensions ?? 0,
      nextNo: index.nextNoteNo,
      // A note still waiting for vectors is saved as changed (mtime -1) so the next start re-reads it.
      notes: [...index.notes.values()].map((n) => [
        n.no,
        pending.has(n.record.path) ? -1 : n.mtime,
        n.size,
        n.record,
        n.embedTexts.map((t) => [t.key, t.hash, t.kind]),
      ]),
      noteStore: noteStore.meta,
      chunkStore: chunkStore.meta,
    },
    index.fullText,
  );
  const jsonLength = json.reduce((sum, block) => sum + block.length, 0);
  const jsonPadded = Math.ceil((4 + jsonLength) / 4) * 4;
  const lengthAndPadding = new Uint8Array(jsonPadded - jsonLength);
  new DataView(lengthAndPadding.buffer).setUint32(0, jsonLength, true);
  const payload = [
    lengthAndPadding.subarray(0, 4),
    ...json,
    lengthAndPadding.subarray(4),
    new Uint8Array(noteStore.vectors.buffer, noteStore.vectors.byteOffset, noteStore.vectors.byteLength),
    new Uint8Array(chunkStore.vectors.buffer, chunkStore.vectors.byteOffset, chunkStore.vectors.byteLength),
  ];
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, INDEX_FORMAT_VERSION, true);
  view.setUint32(
    8,
    payload.reduce((sum, part) => sum + part.byteLength, 0),
    true,
  );
  header.set(await checksumOf(payload), DIGEST_AT);
  return [header, ...payload];
}

/** Bytes per checksummed block of the payload. */
const CHECKSUM_BLOCK = 1 << 20;

/**
 * The payload's checksum: SHA-256 of the SHA-256s of its 1 MiB blocks. Web Crypto has no running
 * hash and copies what it digests, so one digest of the whole payload held a second copy of the
 * file; this holds one block (each awaited before the next, so copies do not pile up).
 */
async function checksumOf(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const block = new Uint8Array(CHECKSUM_BLOCK);
  const digests: Uint8Array[] = [];
  let filled = 0;
  for (const part of parts) {
    for (let at = 0; at < part.byteLength;) {
      const take = Math.min(CHECKSUM_BLOCK - filled, part.byteLength - at);
      block.set(part.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === CHECKSUM_BLOCK) {
        digests.push(await sha256Bytes(block));
        filled = 0;
      }
    }
  }
  if (filled > 0) digests.push(await sha256Bytes(block.subarray(0, filled)));
  const all = new Uint8Array(digests.length * HASH_BYTES);
  digests.forEach((digest, i) => all.set(digest, i * HASH_BYTES));
  return sha256Bytes(all);
}

/** Bytes per UTF-8 block of the saved JSON. */
const JSON_BLOCK = 1 << 20;
/** Notes per piece of JSON when saving. */
const NOTES_PER_PIECE = 2000;

/**
 * The JSON of the saved state as UTF-8 blocks, encoded straight into them as it is written: one
 * string of the whole state was the peak of a first index's memory (a vault's worth of text twice
 * over, as UTF-16 once a single character needs it, then its bytes, then the file's bytes).
 * Parses to the same object.
 */
function encodeSavedJson(saved: Omit<SavedJson, "fullText">, fullText: FullTextIndex): Uint8Array[] {
  const encoder = new TextEncoder();
  const blocks: Uint8Array[] = [];
  let block = new Uint8Array(JSON_BLOCK);
  let used = 0;
  const add = (text: string): void => {
    for (let rest = text; ;) {
      const { read, written } = encoder.encodeInto(rest, block.subarray(used));
      used += written;
      if (read === rest.length) return;
      // The block is full (a character that does not fit whole goes to the next).
      blocks.push(block.subarray(0, used));
      block = new Uint8Array(JSON_BLOCK);
      used = 0;
      rest = rest.slice(read);
    }
  };
  const { notes, ...rest } = saved;
  add(JSON.stringify(rest).slice(0, -1) + ',"notes":[');
  for (let i = 0; i < notes.length; i += NOTES_PER_PIECE) {
    add(
      (i > 0 ? "," : "") +
        notes
          .slice(i, i + NOTES_PER_PIECE)
          .map((note) => JSON.stringify(note))
          .join(","),
    );
  }
  add('],"fullText":');
  fullText.writeJson(add);
  add("}");
  blocks.push(block.subarray(0, used));
  return blocks;
}

function storeFrom(meta: StoreMeta | null, vectors: Float32Array, dimensions: number): VectorStore | null {
  if (!meta || dimensions === 0) return null;
  if (vectors.length !== meta.owners.length * dimensions) throw new Error("vector data does not match its owners");
  return VectorStore.fromSnapshot(dimensions, { owners: Int32Array.from(meta.owners), keys: meta.keys, hashes: meta.hashes, vectors });
}

/**
 * Restores a saved index into `index` (created with the current model). Returns why the file was
 * not usable, or null when it was restored. Saved vectors of another model are dropped, and the
 * notes re-read, so they get vectors of the current one.
 */
export async function restoreIndex(index: NoteIndex, bytes: Uint8Array): Promise<string | null> {
  if (bytes.length < HEADER_BYTES) return "the saved index is truncated";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return "the saved index is not a LifeBetter index file";
  if (view.getUint32(4, true) !== INDEX_FORMAT_VERSION) return "the saved index has an older format";
  const payloadLength = view.getUint32(8, true);
  if (bytes.length !== HEADER_BYTES + payloadLength) return "the saved index is truncated or has extra bytes";
  const digest = await checksumOf([bytes.subarray(HEADER_BYTES)]);
  if (digest.some((byte, i) => byte !== bytes[DIGEST_AT + i])) return "the saved index is corrupt (checksum mismatch)";
  try {
    const jsonLength = view.getUint32(HEADER_BYTES, true);
    const json = new TextDecoder().decode(bytes.subarray(HEADER_BYTES + 4, HEADER_BYTES + 4 + jsonLength));
    const saved = JSON.parse(json) as SavedJson;
    const sameModel = saved.modelId !== null && saved.modelId === index.embedder?.modelId && saved.dimensions === index.embedder.dimensions;
    const vectorStart = HEADER_BYTES + Math.ceil((4 + jsonLength) / 4) * 4;
    // Copy into an aligned buffer: the file's bytes may sit at any offset.
    const allVectors = new Float32Array(bytes.slice(vectorStart).buffer);
    const noteCount = (saved.noteStore?.owners.length ?? 0) * saved.dimensions;
    const noteVectors = sameModel ? storeFrom(saved.noteStore, allVectors.subarray(0, noteCount), saved.dimensions) : null;
    const chunkVectors = sameModel ? storeFrom(saved.chunkStore, allVectors.subarray(noteCount), saved.dimensions) : null;
    const notes: IndexedNote[] = saved.notes.map(([no, mtime, size, record, texts]) => ({
      no,
      // Without this model's vectors the note must be read again to embed it.
      mtime: sameModel || !index.embedder ? mtime : -1,
      size,
      record,
      embedTexts: texts.map(([key, hash, kind]) => ({ key, hash, kind, text: "" })),
    }));
    index.adopt({ notes, fullText: FullTextIndex.load(saved.fullText), noteVectors, chunkVectors, nextNo: saved.nextNo });
    return null;
  } catch (error) {
    return `the saved index could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
}
