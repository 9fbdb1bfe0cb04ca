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
