import type { IDocumentsStore } from "@orama/orama";
import { documentsStore as oramaDocuments } from "@orama/orama/components";

type Store = oramaDocuments.DocumentsStore;
/** Orama types documents as `any`; ours are objects of string fields. */
type Doc = Record<string, unknown>;

/** Bodies shorter than this stay strings: a byte array carries ~150 bytes of objects of its own. */
const BYTES_FROM = 256;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A document as kept: a long body as UTF-8 bytes. */
function pack(doc: Doc): Doc {
  const body: unknown = doc.body;
  return typeof body === "string" && body.length >= BYTES_FROM ? { ...doc, body: encoder.encode(body) } : doc;
}

/** A document as Orama and the index read it (every field a string). */
export function unpackDocument(doc: Doc): Doc {
  const body: unknown = doc.body;
  return body instanceof Uint8Array ? { ...doc, body: decoder.decode(body) } : doc;
}

/**
 * Orama's documents store, with long bodies kept as UTF-8 bytes outside the JavaScript heap. The
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
