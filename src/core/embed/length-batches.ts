/**
 * A model call pads every text to the longest in it, so a batch of one long and 31 short texts
 * costs 32 long ones. Most notes are short and a few are long (the zettelkasten corpus: median 27
 * words, 1 in 10 over 96): batches of 32 sorted by length would compute about 3.4 word pieces for
 * each real one (estimated from the corpus's lengths). Cutting the sorted texts where the length
 * grows past half again the batch's shortest (plus a few characters, so very short texts still go
 * together) keeps that near 1.2, for a few more, smaller model calls.
 */
const GROWTH = 1.5;
/** About 5 word pieces: below this, special tokens weigh more than the difference. */
const SLACK_CHARS = 24;

/**
 * Indexes of `lengths` in batches of at most `maxBatch`, shortest first; each batch's longest text
 * is at most GROWTH × its shortest + SLACK_CHARS characters.
 */
export function lengthBatches(lengths: readonly number[], maxBatch: number): number[][] {
  const order = lengths.map((_, index) => index).sort((a, b) => lengths[a]! - lengths[b]!);
  const batches: number[][] = [];
  let batch: number[] = [];
  let shortest = 0;
  for (const index of order) {
    const length = lengths[index]!;
    if (batch.length > 0 && (batch.length >= maxBatch || length > shortest * GROWTH + SLACK_CHARS)) {
      batches.push(batch);
      batch = [];
    }
    if (batch.length === 0) shortest = length;
    batch.push(index);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
