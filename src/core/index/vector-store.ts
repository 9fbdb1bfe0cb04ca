import { vectorArena, type VectorArena } from "./vector-scan";

/**
 * Unit vectors in one contiguous Float32Array with an exact cosine top-k (a dot product, since
 * every vector is L2-normalised; the scan is vector-scan.ts's). Orama has vector search, but
 * measured here it is 3–4x slower than this scan, keeps a second copy of every vector, nulls stored
 * vectors on search and cannot persist them past ~50k notes (see shared notes/orama-measured.md),
 * so Orama only does full text.
 * Removal swaps the last vector into the hole, so the scan never skips gaps.
 */
export interface VectorHit {
  owner: number;
  slot: number;
  score: number;
}

export class VectorStore {
  private readonly arena: VectorArena;
  private ownerOf: Int32Array;
  private hashOf: string[] = [];
  private keyOf: string[] = [];
  private readonly slotsOf = new Map<number, number[]>();
  /** One slot per text hash, so a text already embedded for another note is not embedded again. */
  private slotOfHash = new Map<string, number>();
  private used = 0;

  /** `simd: false` keeps the scan in JavaScript (tests compare the two). */
  constructor(
    readonly dimensions: number,
    initialCapacity = 1024,
    simd = true,
  ) {
    this.arena = vectorArena(dimensions, initialCapacity, simd);
    this.ownerOf = new Int32Array(initialCapacity);
  }

  /** The vectors, slot after slot (a view of the arena: read it again after it grows). */
  private get data(): Float32Array {
    return this.arena.vectors;
  }

  get size(): number {
    return this.used;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.ownerOf.length * 2);
    this.arena.grow(capacity, this.used);
    const owners = new Int32Array(capacity);
    owners.set(this.ownerOf.subarray(0, this.used));
    this.ownerOf = owners;
  }

  add(owner: number, key: string, hash: string, vector: Float32Array): void {
    if (vector.length !== this.dimensions) throw new Error(`vector has ${vector.length} dimensions, the index ${this.dimensions}`);
    if (this.used === this.ownerOf.length) this.grow();
    const slot = this.used++;
    this.data.set(vector, slot * this.dimensions);
    this.ownerOf[slot] = owner;
    this.hashOf[slot] = hash;
    this.keyOf[slot] = key;
    if (!this.slotOfHash.has(hash)) this.slotOfHash.set(hash, slot);
    const slots = this.slotsOf.get(owner);
    if (slots) slots.push(slot);
    else this.slotsOf.set(owner, [slot]);
  }

  has(owner: number): boolean {
    return this.slotsOf.has(owner);
  }

  /** The stored vectors of an owner with their keys and text hashes (views into the store, gone when it grows: copy to keep). */
  entriesOf(owner: number): { key: string; hash: string; vector: Float32Array }[] {
    return (this.slotsOf.get(owner) ?? []).map((slot) => ({ key: this.keyOf[slot]!, hash: this.hashOf[slot]!, vector: this.vectorAt(slot) }));
  }

  /** A copy of a stored vector of this text hash, if any note has one. */
  vectorOfHash(hash: string): Float32Array | undefined {
    const slot = this.slotOfHash.get(hash);
    return slot === undefined ? undefined : this.vectorAt(slot).slice();
  }

  keyAt(slot: number): string {
    return this.keyOf[slot] ?? "";
  }

  vectorAt(slot: number): Float32Array {
    return this.data.subarray(slot * this.dimensions, (slot + 1) * this.dimensions);
  }

  remove(owner: number): void {
    const slots = this.slotsOf.get(owner);
    if (!slots) return;
    this.slotsOf.delete(owner);
    for (const slot of [...slots].sort((a, b) => b - a)) {
      const last = this.used - 1;
      const removedHash = this.hashOf[slot]!;
      if (this.slotOfHash.get(removedHash) === slot) this.slotOfHash.delete(removedHash);
      if (slot !== last) {
        const movedHash = this.hashOf[last]!;
        if (this.slotOfHash.get(movedHash) === last) this.slotOfHash.set(movedHash, slot);
        const movedOwner = this.ownerOf[last]!;
        this.data.copyWithin(slot * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
        this.ownerOf[slot] = movedOwner;
        this.hashOf[slot] = this.hashOf[last]!;
        this.keyOf[slot] = this.keyOf[last]!;
        const movedSlots = this.slotsOf.get(movedOwner)!;
        movedSlots[movedSlots.indexOf(last)] = slot;
      }
      this.hashOf.length = last;
      this.keyOf.length = last;
      this.used = last;
    }
  }

  /** Moves every vector of `from` to `to` (a rename keeps its vectors). */
  reassign(from: number, to: number): void {
    const slots = this.slotsOf.get(from);
    if (!slots) return;
    this.slotsOf.delete(from);
    for (const slot of slots) this.ownerOf[slot] = to;
    this.slotsOf.set(to, slots);
  }

  /**
   * The k best vectors by cosine with `query`, at least `minScore`, best first; `skip` leaves out
   * owners (the note itself, notes already linked). Exact: every stored vector is scored.
   */
  topK(query: Float32Array, k: number, minScore: number, skip?: ReadonlySet<number>): VectorHit[] {
    const owners = this.ownerOf;
    const scores = this.arena.scores(query, this.used);
    const hits: VectorHit[] = [];
    let floor = minScore;
    for (let slot = 0; slot < scores.length; slot++) {
      const score = scores[slot]!;
      if (score < floor || (hits.length === k && score <= floor)) continue;
      const owner = owners[slot]!;
      if (skip?.has(owner)) continue;
      let at = hits.length;
      while (at > 0 && hits[at - 1]!.score < score) at--;
      hits.splice(at, 0, { owner, slot, score });
      if (hits.length > k) hits.pop();
      if (hits.length === k) floor = Math.max(minScore, hits[k - 1]!.score);
    }
    return hits;
  }

  /** Everything, for persistence: vectors packed in slot order. */
  snapshot(): { owners: Int32Array; keys: string[]; hashes: string[]; vectors: Float32Array } {
    return {
      owners: this.ownerOf.slice(0, this.used),
      keys: this.keyOf.slice(0, this.used),
      hashes: this.hashOf.slice(0, this.used),
      vectors: this.data.slice(0, this.used * this.dimensions),
    };
  }

  static fromSnapshot(dimensions: number, snap: { owners: Int32Array; keys: string[]; hashes: string[]; vectors: Float32Array }, simd = true): VectorStore {
    const store = new VectorStore(dimensions, Math.max(1024, snap.owners.length), simd);
    store.data.set(snap.vectors);
    store.ownerOf.set(snap.owners);
    store.hashOf = [...snap.hashes];
    store.keyOf = [...snap.keys];
    store.used = snap.owners.length;
    for (let slot = 0; slot < store.used; slot++) {
      const hash = snap.hashes[slot]!;
      if (!store.slotOfHash.has(hash)) store.slotOfHash.set(hash, slot);
      const owner = snap.owners[slot]!;
      const slots = store.slotsOf.get(owner);
      if (slots) slots.push(slot);
      else store.slotsOf.set(owner, [slot]);
    }
    return store;
  }
}
