/**
 * The yardstick: an exact cosine top-k over one contiguous Float32Array of unit vectors, written
 * the plain way (4x unrolled dot product, small sorted insertion list), with nothing else around it.
 */
export function exactTopK(vectors: Float32Array, dims: number, query: Float32Array, k: number, skip = -1): number[] {
  const count = vectors.length / dims;
  const best: { index: number; score: number }[] = [];
  for (let i = 0, base = 0; i < count; i++, base += dims) {
    if (i === skip) continue;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let d = 0; d < dims; d += 4) {
      s0 += vectors[base + d]! * query[d]!;
      s1 += vectors[base + d + 1]! * query[d + 1]!;
      s2 += vectors[base + d + 2]! * query[d + 2]!;
      s3 += vectors[base + d + 3]! * query[d + 3]!;
    }
    const score = s0 + s1 + s2 + s3;
    if (best.length === k && score <= best[k - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { index: i, score });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.index);
}
