/**
 * Runs `work` over `items` with at most `limit` in flight: reading thousands of notes one at a time
 * wastes the disk's (and Obsidian's) parallelism, all at once exhausts file handles.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(runners);
}

/** How many notes are read at once. */
export const READ_CONCURRENCY = 16;
