import type { IDocumentsStore } from "@orama/orama";
import { documentsStore as oramaDocuments } from "@orama/orama/components";

type Store = oramaDocuments.DocumentsStore;
/** Orama types documents as `any`; ours are objects of string fields. */
type Doc = Record<string, unknown>;

/** Fields shorter than this stay strings: a byte array carries ~150 bytes of objects of its own. */
const BYTES_FROM = 256;

const LONE_SURROGATE = /\p{Surrogate}/u;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A document as kept: its long fields (a body, a long list of headings) as UTF-8 bytes. */
function pack(doc: Doc): Doc {
  let packed: Doc | null = null;
  for (const [field, value] of Object.entries(doc)) {
    // UTF-8 has no lone surrogate (it would come back as U+FFFD, and removal would miss its word).
    if (typeof value !== "string" || value.length < BYTES_FROM || LONE_SURROGATE.test(value)) continue;
    packed ??= { ...doc };
    packed[field] = encoder.encode(value);
  }
  return packed ?? doc;
}

/** A document as Orama and the index read it (every field a string). */
export function unpackDocument(doc: Doc): Doc {
  let unpacked: Doc | null = null;
  for (const [field, value] of Object.entries(doc)) {
    if (!(value instanceof Uint8Array)) continue;
    unpacked ??= { ...doc };
    unpacked[field] = decoder.decode(value);
  }
  return unpacked ?? doc;
}

/**
 * Orama's documents store, with long fields kept as UTF-8 bytes outside the JavaScript heap. The
 * bodies are there for removal (Orama re-tokenises a document to take it out of the trees), phrase
 * matches and snippets: a vault's text, read a few documents per query. As strings they were the
 * largest part of the heap after the postings (50k synthetic notes: ~45 MiB), counted by the
 * collector every time it ran, and two bytes a character as soon as one character needs it.
 * Everything else (ids, count, removal) is Orama's own.
 */
export function compactDocumentsStore(): IDocumentsStore<Store> {
  const base = oramaDocuments.createDocumentsStore();
  const unpackOptional = (doc: unknown): Doc | undefined => (doc === undefined ? undefined : unpackDocument(doc as Doc));
  return {
    ...base,
    get: (store, id) => unpackOptional(base.get(store, id)),
    getMultiple: (store, ids) => (base.getMultiple(store, ids) as unknown[]).map(unpackOptional),
    getAll: unpackAll,
    store: (store, id, internalId, doc) => base.store(store, id, internalId, pack(doc as Doc)),
    load: (shared, raw) => {
      const store = base.load(shared, raw);
      for (const [id, doc] of Object.entries(store.docs as Record<number, Doc>)) store.docs[Number(id)] = pack(doc);
      return store;
    },
    save: <R>(store: Store): R => ({ docs: unpackAll(store), count: store.count }) as R,
  };
}

/** Every document unpacked, by internal id. */
function unpackAll(store: Store): Record<number, Doc> {
  const all: Record<number, Doc> = {};
  for (const [id, doc] of Object.entries(store.docs as Record<number, Doc | undefined>)) if (doc !== undefined) all[Number(id)] = unpackDocument(doc);
  return all;
}
