/**
 * Cooperative time slicing: long work calls `tick()` between small units; once the current slice
 * has run for `budgetMs`, tick yields (to the UI in the plugin) before going on. Records the
 * longest synchronous slice it saw, which the benchmark reports.
 *
 * Several callers may share one slicer (loadRecords reads 16 notes at once): once one of them yields,
 * the others wait for that same yield and check the budget again after it. A caller must tick
 * *before* a unit of work, not only after: work another caller runs before the yield takes effect
 * is still in the same slice, and is counted in it.
 */
export class TimeSlicer {
  longestSliceMs = 0;
  slices = 0;
  /** Every slice's length, in order (the benchmark reports their distribution). */
  readonly sliceMs: number[] = [];
  private sliceStart: number;
  /** The yield under way, which every other caller waits for. */
  private yielding: Promise<void> | null = null;

  constructor(
    private readonly yieldControl: () => Promise<void>,
    private readonly budgetMs = 8,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sliceStart = clock();
  }

  readonly tick = async (): Promise<void> => {
    if (this.yielding) this.extendSlice(this.clock() - this.sliceStart);
    while (this.yielding) await this.yielding;
    const elapsed = this.clock() - this.sliceStart;
    if (elapsed < this.budgetMs) return;
    this.endSlice(elapsed);
    this.yielding = this.yieldControl().finally(() => {
      this.yielding = null;
      this.sliceStart = this.clock();
    });
    await this.yielding;
  };

  /** Closes the last slice (call when the work is done). */
  finish(): void {
    this.endSlice(this.clock() - this.sliceStart);
    this.sliceStart = this.clock();
  }

  /** Work done by another caller while a yield was pending ran before the yield took effect. */
  private extendSlice(elapsed: number): void {
    this.sliceMs[this.sliceMs.length - 1] = Math.max(this.sliceMs[this.sliceMs.length - 1] ?? 0, elapsed);
    this.longestSliceMs = Math.max(this.longestSliceMs, elapsed);
  }

  private endSlice(elapsed: number): void {
    this.slices++;
    this.sliceMs.push(elapsed);
    this.longestSliceMs = Math.max(this.longestSliceMs, elapsed);
  }
}

/** No slicing (the CLI): every tick resolves at once without yielding. */
export const noYield = (): Promise<void> => Promise.resolve();
