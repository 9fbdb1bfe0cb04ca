import type { SearchResult } from "../../core/index/index-types";
import { humanize } from "../common/labels";

/** The badge of a result: an entry's type ("Question"), else its kind ("Problem"), else "Note". */
export function badgeText(result: Pick<SearchResult, "kind" | "type">): string {
  if (result.kind === "entry" && result.type) return humanize(result.type);
  return result.kind ? humanize(result.kind) : "Note";
}

/** A score as the views show it: two decimals ("0.83"). */
export function scoreText(score: number): string {
  return score.toFixed(2);
}

/**
 * The core's reasons ("meaning 0.83", "words 0.61", "shared tags: #a") as one short line: the
 * score is shown beside it, so meaning and words are named, not numbered.
 */
export function reasonText(reasons: readonly string[] | undefined): string {
  const parts = (reasons ?? []).map((reason) => {
    const meaning = /^meaning [\d.]+(?: in "(.*)")?$/.exec(reason);
    if (meaning) return meaning[1] ? `close in meaning (${meaning[1]})` : "close in meaning";
    if (/^words(?: [\d.]+)?$/.test(reason)) return "same words";
    return reason;
  });
  return [...new Set(parts)].join(" · ");
}
