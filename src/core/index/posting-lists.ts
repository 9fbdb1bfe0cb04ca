import { radix } from "@orama/orama/trees";

type Id = number;

/**
 * From this many ids on, a list is an Int32Array (4 bytes an id) with spare room to append into;
 * below it, an array (8 bytes an element). A typed array carries ~200 bytes of objects of its own,
 * so it only pays for longer lists; in a Zipf vocabulary those hold most postings (10k synthetic
 * notes: 90% of 1.3M postings are in lists of 16+).
 */
const TYPED_FROM = 64;
/** Lists shorter than this grow by an exact copy, longer ones by push (with room to spare, trimmed after a sync). */
const EXACT_BELOW = 16;

/**
 * The documents that hold one word, as sorted internal ids: what Orama's radix tree keeps in a Set
 * per word. A Set entry was measured at ~46 bytes on Node 20 (a rare word's Set at over 100). The
 * postings are most of a full-text index's heap (10k synthetic notes: 1.3M postings, about 52 MiB
 * in Sets), so this is where its memory goes. It answers what the tree asks of a Set: add, delete,
 * has, size, clear, iteration.
 */
export class PostingList implements Iterable<Id> {
  private ids: Id[] | Int32Array;
  /** Ids in use (an Int32Array has room beyond them). */
  private n: number;

  private constructor(ids: Id[] | Int32Array) {
    this.ids = ids;
    this.n = ids.length;
  }

  static from(ids: Iterable<Id>): PostingList {
    return PostingList.ofSorted([...new Set(ids)].sort((a, b) => a - b));
  }

  /** A list of ids already ascending and distinct (as a saved tree holds them). */
  static ofSorted(ids: Id[]): PostingList {
    return new PostingList(ids.length >= TYPED_FROM ? Int32Array.from(ids) : ids);
  }

  /** The ids, comma-separated (the saved form). */
  join(): string {
    return Array.isArray(this.ids) ? this.ids.join(",") : this.ids.subarray(0, this.n).join(",");
  }

  get size(): number {
    return this.n;
  }

  /** Where `id` is or would go (binary search). */
  private find(id: Id): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(id: Id): this {
    const n = this.n;
    // Documents are numbered as they are inserted: almost always the last.
    const at = n === 0 || this.ids[n - 1]! < id ? n : this.find(id);
    if (at < n && this.ids[at] === id) return this;
    if (Array.isArray(this.ids) && n + 1 < TYPED_FROM) {
      // A short list is copied to its exact length: push would give a one-id list room for 17
      // (most words of a large vault are in a few notes, and those lists are most of the lists).
      if (at === n && n >= EXACT_BELOW) this.ids.push(id);
      else if (at === n) this.ids = this.ids.concat(id);
      else this.ids.splice(at, 0, id);
    } else {
      if (n === this.ids.length) {
        const grown = new Int32Array(Math.ceil(n * 1.5) + 1);
        grown.set(this.ids);
        this.ids = grown;
      }
      const ids = this.ids as Int32Array;
      // Appending (the usual case) moves nothing: copyWithin is a call into the runtime even then.
      if (at < n) ids.copyWithin(at + 1, at, n);
      ids[at] = id;
    }
    this.n = n + 1;
    return this;
  }

  delete(id: Id): boolean {
    const at = this.find(id);
    if (at >= this.n || this.ids[at] !== id) return false;
    if (Array.isArray(this.ids)) this.ids.splice(at, 1);
    else this.ids.copyWithin(at, at + 1, this.n);
    this.n--;
    return true;
  }

  has(id: Id): boolean {
    const at = this.find(id);
    return at < this.n && this.ids[at] === id;
  }

  clear(): void {
    this.ids = [];
    this.n = 0;
  }

  /** Gives back the room kept for appending (an array grown by push keeps up to half again plus 16). */
  trim(): void {
    if (Array.isArray(this.ids)) this.ids = this.ids.slice();
    else if (this.ids.length > this.n) this.ids = this.ids.slice(0, this.n);
  }

  [Symbol.iterator](): Iterator<Id> {
    return Array.isArray(this.ids) ? this.ids[Symbol.iterator]() : this.ids.subarray(0, this.n)[Symbol.iterator]();
  }

  values(): Iterator<Id> {
    return this[Symbol.iterator]();
  }
}

type Node = Omit<radix.RadixNode, "d" | "c"> & { d: Set<Id> | PostingList; c: Map<string, Node> };

/** Thrown by NO_CHILDREN when Orama's insert extends a leaf: the insert is retried with a Map of its own. */
const LEAF_EXTENDED = new Error("a radix leaf gained a child");

/**
 * The children of every leaf: an empty Map costs ~250 bytes, and most nodes of a tree are leaves
 * (winrt-api: 136k nodes, 33 MiB of empty Map tables). Orama only reads it (get, has, size,
 * iteration), except when a word extends a leaf, which `set` refuses before anything changed.
 */
class NoChildren extends Map<string, Node> {
  override set(): this {
    throw LEAF_EXTENDED;
  }
}
const NO_CHILDREN: Map<string, Node> = new NoChildren();

// Inner nodes hold no documents: one shared empty Set, never added to (addDocument replaces it).
const EMPTY_SET: Set<Id> = new Set();

/** The node Orama's insert of `word` stops at (the last whose whole edge the word follows). */
function lastNodeOn(root: Node, word: string): Node {
  let node = root;
  let i = 0;
  while (i < word.length) {
    const child = node.c.get(word[i]!);
    if (!child || !word.startsWith(child.s, i)) break;
    node = child;
    i += child.s.length;
  }
  return node;
}

let installed = false;

/**
 * Makes Orama's radix trees keep their postings as PostingLists, their leaves without a Map of
 * children and their inner nodes without a Set (once per process, for every tree: the index is
 * the only Orama user). The tree reads its postings only through add, delete, size, clear and
 * iteration, which PostingList answers as a Set would, so search results are unchanged.
 */
export function usePostingLists(): void {
  if (installed) return;
  installed = true;
  const proto = radix.RadixNode.prototype as unknown as Node;
  const insert = proto.insert;
  const updateParent = proto.updateParent;
  proto.addDocument = function (this: Node, id: Id): void {
    if (!(this.d instanceof PostingList)) this.d = PostingList.from(this.d);
    this.d.add(id);
    // Called on a new leaf right after it is made; the Map Orama gave it goes.
    if (this.c.size === 0) this.c = NO_CHILDREN;
  };
  proto.removeDocument = function (this: Node, id: Id): boolean {
    return this.d.delete(id);
  };
  proto.updateParent = function (this: Node, parent: Node): void {
    updateParent.call(this, parent as unknown as radix.RadixNode);
    // A node split off as the common prefix of two words starts with an empty Set.
    if (this.d.size === 0 && !(this.d instanceof PostingList)) this.d = EMPTY_SET;
  };
  proto.insert = function (this: Node, word: string, id: Id): void {
    try {
      insert.call(this, word, id);
    } catch (error) {
      if (error !== LEAF_EXTENDED) throw error;
      lastNodeOn(this, word).c = new Map();
      insert.call(this, word, id);
    }
  };
}

/**
 * Each tree's word-end nodes by word, while a sync fills it. A node, once it ends a word, stays that
 * word's node (a later split puts a new node above it; removal only takes ids out of postings), so
 * a word seen before gets the document without Orama walking the tree character by character:
 * the walk was the largest cost of inserting (10k synthetic notes, 1.3M postings). Dropped by
 * compactTree, after a sync, so an idle index keeps no second map of its words.
 */
const wordNodes = new WeakMap<radix.RadixNode, Map<string, Node>>();

/** The node that ends `word` in a tree (after it was inserted). */
function nodeOfWord(root: Node, word: string): Node | undefined {
  let node = root;
  let i = 0;
  while (i < word.length) {
    const child = node.c.get(word[i]!);
    if (!child || !word.startsWith(child.s, i)) return undefined;
    node = child;
    i += child.s.length;
  }
  return node.e ? node : undefined;
}

/** Inserts a document's tokens into a tree: what Orama's insert does for each, with the word's node remembered. */
export function insertWords(tree: radix.RadixNode, words: readonly string[], id: Id): void {
  const root = tree as unknown as Node;
  let nodes = wordNodes.get(tree);
  if (!nodes) wordNodes.set(tree, (nodes = new Map<string, Node>()));
  for (const word of words) {
    const known = nodes.get(word);
    if (known) {
      known.addDocument(id);
      continue;
    }
    tree.insert(word, id);
    const node = nodeOfWord(root, word);
    if (node) nodes.set(word, node);
  }
}

/**
 * Makes a tree as compact as usePostingLists keeps new nodes: a tree loaded from a saved index
 * (Orama's fromJSON makes Sets and Maps), or one just filled (arrays grown by push keep spare room).
 */
export function compactTree(tree: radix.RadixNode): void {
  wordNodes.delete(tree);
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!(node.d instanceof PostingList)) node.d = node.d.size === 0 ? EMPTY_SET : PostingList.from(node.d);
    else node.d.trim();
    if (node.c.size === 0) node.c = NO_CHILDREN;
    for (const child of node.c.values()) stack.push(child);
  }
}

/**
 * A tree as saved: `[edge, isWordEnd, ids, ...children]` per node. Orama's toJSON made an object
 * per node with its whole word, first character and a Map's entries, all of it before a byte was
 * written: the peak of a save (winrt-api: the index's live heap again). The words are rebuilt from
 * the edges on load.
 */
export type SavedTree = [edge: string, end: 0 | 1, ids: Id[], ...children: SavedTree[]];

/** Writes a tree as JSON (a SavedTree), node by node, into `write`. */
export function writeTree(tree: radix.RadixNode, write: (json: string) => void): void {
  const node = tree as unknown as Node;
  const ids = node.d instanceof PostingList ? node.d.join() : [...node.d].join(",");
  write(`[${JSON.stringify(node.s)},${node.e ? 1 : 0},[${ids}]`);
  for (const child of node.c.values()) {
    write(",");
    writeTree(child as unknown as radix.RadixNode, write);
  }
  write("]");
}

/** The tree a SavedTree describes, as compact as usePostingLists keeps trees. */
export function readTree(saved: SavedTree): radix.RadixTree {
  const root = new radix.RadixTree();
  fill(root, saved);
  return root;
}

function fill(node: Node, saved: SavedTree): void {
  const ids = saved[2];
  node.d = ids.length > 0 ? PostingList.ofSorted(ids) : EMPTY_SET;
  if (saved.length === 3) {
    node.c = NO_CHILDREN;
    return;
  }
  node.c = new Map();
  for (let i = 3; i < saved.length; i++) {
    const child = saved[i] as SavedTree;
    const edge = child[0];
    const next = new radix.RadixNode(edge[0]!, edge, child[1] === 1) as unknown as Node;
    next.w = node.w + edge;
    node.c.set(edge[0]!, next);
    fill(next, child);
  }
}
