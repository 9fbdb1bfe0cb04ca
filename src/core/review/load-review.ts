import type { LifeBetterSettings } from "../settings";
import type { LinkResolver } from "../vault/link-resolver";
import type { NoteRepository } from "../vault/repository";
import type { Day } from "../dates/days";
import { buildReviewQueue, type ReviewQueue } from "./queue";
import { buildBacklinks, type Backlinks } from "../skills/skill-examples";
import { reviewSummary, type ReviewSummary } from "./summary";
import { loadRecords, type VaultRecord, type VaultRecords } from "../vault/records";

/** Everything a review session needs, rebuilt from the notes (call again when notes change). */
export interface ReviewSnapshot {
  queue: ReviewQueue;
  summary: ReviewSummary;
  records: VaultRecord[];
  resolver: LinkResolver;
  /** Built on first use: it reads the links of every entry and problem, which the queue alone does not need. */
  backlinks: () => Backlinks;
}

export async function loadReview(repo: NoteRepository, settings: LifeBetterSettings, today: Day): Promise<ReviewSnapshot> {
  return reviewSnapshot(await loadRecords(repo, settings), settings, today);
}

/**
 * The snapshot of records already read (the review view keeps them and re-reads only the notes
 * that changed). `backlinks` is reused when given: a grade changes a skill's properties, never
 * which entries link it.
 */
export function reviewSnapshot({ records, resolver }: VaultRecords, settings: LifeBetterSettings, today: Day, backlinks?: () => Backlinks): ReviewSnapshot {
  let built: Backlinks | undefined;
  return {
    queue: buildReviewQueue(records, settings, today),
    summary: reviewSummary(records, today),
    records,
    resolver,
    backlinks: backlinks ?? (() => (built ??= buildBacklinks(records, resolver))),
  };
}
