/**
 * Cooperative time slicing: long work calls `tick()` between small units; once the current slice
 * has run for `budgetMs`, tick yields (to the UI in the plugin) before going on. Records the
 * longest synchronous slice it saw, which the benchmark reports.
 */
export class TimeSlicer {
  longestSliceMs = 0;
  slices = 0;
  /** Every slice's length, in order (the benchmark reports their distribution). */
  readonly sliceMs: number[] = [];
  private sliceStart: number;

  constructor(
    private readonly yieldControl: () => Promise<void>,
    private readonly budgetMs = 8,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sliceStart = clock();
  }

  readonly tick = async (): Promise<void> => {
    const elapsed = this.clock() - this.sliceStart;
    if (elapsed < this.budgetMs) return;
    this.endSlice(elapsed);
    await this.yieldControl();
    this.sliceStart = this.clock();
  };

  /** Closes the last slice (call when the work is done). */
  finish(): void {
    this.endSlice(this.clock() - this.sliceStart);
    this.sliceStart = this.clock();
  }

  private endSlice(elapsed: number): void {
    this.slices++;
    this.sliceMs.push(elapsed);
    this.longestSliceMs = Math.max(this.longestSliceMs, elapsed);
  }
}

/** No slicing (the CLI): every tick resolves at once without yielding. */
export const noYield = (): Promise<void> => Promise.resolve();
