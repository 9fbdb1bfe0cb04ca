import { radix } from "@orama/orama/trees";

type Id = number;

/**
 * The documents that hold one word, as a sorted array of internal ids: what Orama's radix tree
 * keeps in a Set per word. A Set entry was measured at ~46 bytes on Node 20 (a rare word's Set at
 * over 100); an array element takes 8. The postings are most of a full-text index's heap (10k
 * synthetic notes: 1.2M postings, about 52 MiB in Sets), so this is where its memory goes. It answers what the tree asks of a Set: add, delete, has, size, clear, iteration.
 */
export class PostingList implements Iterable<Id> {
  private ids: Id[];

  private constructor(ids: Id[]) {
    this.ids = ids;
  }

  static from(ids: Iterable<Id>): PostingList {
    return new PostingList([...new Set(ids)].sort((a, b) => a - b));
  }

  get size(): number {
    return this.ids.length;
  }

  /** Where `id` is or would go (binary search). */
  private find(id: Id): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(id: Id): this {
    const ids = this.ids;
    // Documents are numbered as they are inserted: almost always the last.
    if (ids.length === 0 || ids[ids.length - 1]! < id) ids.push(id);
    else {
      const at = this.find(id);
      if (ids[at] !== id) ids.splice(at, 0, id);
    }
    return this;
  }

  delete(id: Id): boolean {
    const at = this.find(id);
    if (this.ids[at] !== id) return false;
    this.ids.splice(at, 1);
    return true;
  }

  has(id: Id): boolean {
    return this.ids[this.find(id)] === id;
  }

  clear(): void {
    this.ids = [];
  }

  [Symbol.iterator](): Iterator<Id> {
    return this.ids[Symbol.iterator]();
  }

  values(): Iterator<Id> {
    return this.ids[Symbol.iterator]();
  }
}

type Node = Omit<radix.RadixNode, "d" | "c"> & { d: Set<Id> | PostingList; c: Map<string, Node> };

let installed = false;

/**
 * Makes Orama's radix trees keep their postings as PostingLists (once per process, for every tree:
 * the index is the only Orama user). The tree reads its postings only through add, delete, size,
 * clear and iteration, which PostingList answers as a Set would, so search results are unchanged.
 */
export function usePostingLists(): void {
  if (installed) return;
  installed = true;
  const proto = radix.RadixNode.prototype as unknown as Node;
  proto.addDocument = function (this: Node, id: Id): void {
    if (!(this.d instanceof PostingList)) this.d = PostingList.from(this.d);
    this.d.add(id);
  };
  proto.removeDocument = function (this: Node, id: Id): boolean {
    return this.d.delete(id);
  };
}

/** Turns the Sets of a tree loaded from a saved index (Orama's fromJSON makes Sets) into PostingLists. */
export function compactTree(tree: radix.RadixNode): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!(node.d instanceof PostingList)) node.d = node.d.size === 0 ? EMPTY_SET : PostingList.from(node.d);
    for (const child of node.c.values()) stack.push(child);
  }
}

// Inner nodes hold no documents: one shared empty Set, never added to (addDocument replaces it).
const EMPTY_SET: Set<Id> = new Set();
