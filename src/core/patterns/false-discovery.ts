/**
 * Benjamini–Hochberg q-values: for each of the p-values kept, the smallest false-discovery rate at
 * which it would be called a finding, when `tested` hypotheses were tested in all. Hypotheses tested
 * but not kept (dropped before scoring) count as p = 1, which can only make the q-values larger.
 * Unlike Bonferroni, a real effect among many is not drowned by the number of questions asked: among
 * findings with q ≤ 0.1, about one in ten is expected to be noise.
 */
export function benjaminiHochberg(pValues: readonly number[], tested: number): number[] {
  const m = Math.max(tested, pValues.length, 1);
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(pValues.length).fill(1);
  let running = 1;
  for (let rank = order.length; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    q[i] = Math.min(1, running);
  }
  return q;
}
