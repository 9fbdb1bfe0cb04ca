import { DOT_SCAN_WASM } from "./dot-scan-wasm";

/**
 * Where a vector store keeps its float32 vectors, and the scan that scores all of them against a
 * query. With WebAssembly SIMD (desktop, Android, iOS 16.4+) the vectors live in a WebAssembly
 * memory and dot-scan.wat scores them, ~4× faster than the JavaScript loop measured at 10k
 * 384-dimension vectors; elsewhere the same layout in JavaScript. Both give the same scores bit
 * for bit (float32 × float64 products summed in float64 in four lanes), so a ranking never depends
 * on which one ran.
 */
export interface VectorArena {
  /** Whether the scan runs in WebAssembly SIMD. */
  readonly simd: boolean;
  /** Room for `capacity` vectors, the first ones filled (a view: read it again after `grow`). */
  readonly vectors: Float32Array;
  readonly capacity: number;
  /** Room for `capacity` vectors, keeping the first `used` as they are. */
  grow(capacity: number, used: number): void;
  /** The dot product of each of the first `count` vectors with `query` (a view, valid until the next call). */
  scores(query: Float32Array, count: number): Float64Array;
}

const PAGE = 65536;
const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

let compiled: WebAssembly.Module | null | undefined;

/**
 * The SIMD module, or null where WebAssembly or its SIMD is missing, or a content security policy
 * forbids compiling it (compiled once, synchronously: it is a few hundred bytes).
 */
function dotScanModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === "object" && WebAssembly.validate(DOT_SCAN_WASM) ? new WebAssembly.Module(DOT_SCAN_WASM) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** The arena for vectors of `dims` dimensions: SIMD where it runs, unless `simd` is false. */
export function vectorArena(dims: number, capacity: number, simd = true): VectorArena {
  const module = simd ? dotScanModule() : null;
  return module ? new SimdArena(module, dims, capacity) : new ScriptArena(dims, capacity);
}

/** The scores in plain JavaScript, the loop dot-scan.wat mirrors. */
function scoreAll(vectors: Float32Array, dims: number, query: Float32Array, count: number, out: Float64Array): void {
  // Four lanes up to a multiple of four, then the rest into the first (locals and a fixed bound:
  // each property read in this loop showed in the profile).
  const lanes = dims - (dims % 4);
  for (let slot = 0, base = 0; slot < count; slot++, base += dims) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let d = 0; d < lanes; d += 4) {
      s0 += vectors[base + d]! * query[d]!;
      s1 += vectors[base + d + 1]! * query[d + 1]!;
      s2 += vectors[base + d + 2]! * query[d + 2]!;
      s3 += vectors[base + d + 3]! * query[d + 3]!;
    }
    for (let d = lanes; d < dims; d++) s0 += vectors[base + d]! * query[d]!;
    out[slot] = s0 + s1 + s2 + s3;
  }
}

class ScriptArena implements VectorArena {
  readonly simd = false;
  vectors: Float32Array;
  private out = new Float64Array(0);

  constructor(
    private readonly dims: number,
    public capacity: number,
  ) {
    this.vectors = new Float32Array(dims * capacity);
  }

  grow(capacity: number, used: number): void {
    const vectors = new Float32Array(this.dims * capacity);
    vectors.set(this.vectors.subarray(0, used * this.dims));
    this.vectors = vectors;
    this.capacity = capacity;
  }

  scores(query: Float32Array, count: number): Float64Array {
    if (this.out.length < count) this.out = new Float64Array(this.capacity);
    scoreAll(this.vectors, this.dims, query, count, this.out);
    return this.out.subarray(0, count);
  }
}

/**
 * One WebAssembly memory: the query (float64) at 0, the vectors after it, the scores after the
 * vectors. Growing keeps the vectors where they are and moves only the scores' room (scores are
 * written afresh by every scan).
 */
class SimdArena implements VectorArena {
  readonly simd = true;
  vectors: Float32Array;
  private readonly memory: WebAssembly.Memory;
  private readonly scan: (vectors: number, count: number, dims: number, query: number, scores: number) => void;
  private readonly vectorsAt: number;
  private query: Float64Array;

  constructor(
    module: WebAssembly.Module,
    private readonly dims: number,
    public capacity: number,
  ) {
    this.vectorsAt = align16(dims * 8);
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(this.bytesFor(capacity) / PAGE) });
    const instance = new WebAssembly.Instance(module, { scan: { memory: this.memory } });
    this.scan = instance.exports.scores as SimdArena["scan"];
    this.vectors = new Float32Array(this.memory.buffer, this.vectorsAt, dims * capacity);
    this.query = new Float64Array(this.memory.buffer, 0, dims);
  }

  private scoresAt(capacity: number): number {
    return align16(this.vectorsAt + capacity * this.dims * 4);
  }

  private bytesFor(capacity: number): number {
    return this.scoresAt(capacity) + capacity * 8;
  }

  grow(capacity: number): void {
    const pages = Math.ceil(this.bytesFor(capacity) / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (pages > 0) this.memory.grow(pages);
    this.capacity = capacity;
    // Growing detached the old buffer: every view is made again.
    this.vectors = new Float32Array(this.memory.buffer, this.vectorsAt, this.dims * capacity);
    this.query = new Float64Array(this.memory.buffer, 0, this.dims);
  }

  scores(query: Float32Array, count: number): Float64Array {
    this.query.set(query);
    const at = this.scoresAt(this.capacity);
    this.scan(this.vectorsAt, count, this.dims, 0, at);
    return new Float64Array(this.memory.buffer, at, count);
  }
}
