import type { LifeBetterSettings } from "../settings";
import type { LinkResolver } from "../vault/link-resolver";
import type { NoteRepository } from "../vault/repository";
import type { Day } from "./days";
import { buildReviewQueue, type ReviewQueue } from "./queue";
import { buildBacklinks, type Backlinks } from "./skill-examples";
import { reviewSummary, type ReviewSummary } from "./summary";
import { loadRecords, type VaultRecord } from "../vault/records";

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
  const { records, resolver } = await loadRecords(repo, settings);
  let backlinks: Backlinks | undefined;
  return {
    queue: buildReviewQueue(records, settings, today),
    summary: reviewSummary(records, today),
    records,
    resolver,
    backlinks: () => (backlinks ??= buildBacklinks(records, resolver)),
  };
}
