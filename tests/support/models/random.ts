/**
 * Seeded pseudo-random numbers so test models are identical on every run and machine
 * (mulberry32: tiny, fast, and good enough for weights; not for anything security related).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples (Box-Muller) from a uniform source. */
export function gaussian(random: () => number): () => number {
  return () => {
    const u = Math.max(random(), Number.MIN_VALUE);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

/** `size` normal samples scaled by `scale`. */
export function normalArray(size: number, scale: number, normal: () => number): Float32Array {
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = normal() * scale;
  return data;
}
