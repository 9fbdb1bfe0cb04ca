import type { SearchResult } from "../../core/index/index-types";
import { wireNoteRow, type NoteRowContext } from "./note-actions";
import { badgeText, reasonText, scoreText } from "./result-text";

export interface ResultRowOptions {
  /** Shown as the "linked" badge's text when the row is linked (e.g. "Linked · similar to"). */
  linkedText?: string | null;
  /** Called when the row opens its note (the modal closes itself). */
  onOpen?: () => void;
}

/** The excerpt as text nodes, the query's words in `mark` elements: never parsed as HTML. */
function renderSnippet(el: HTMLElement, text: string, highlights: readonly [number, number][]): void {
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) el.appendText(text.slice(at, start));
    el.createEl("mark", { cls: "lifebetter-result-mark", text: text.slice(start, end) });
    at = end;
  }
  if (at < text.length) el.appendText(text.slice(at));
}

/**
 * One note in a memory view: its title, kind/type badge, score, the passage that matched (query
 * words highlighted) and why it matched. Every piece of
 * note text is set as text (never HTML), so a title like `<img onerror=…>` shows as written.
 */
export function renderResultRow(
  parentEl: HTMLElement,
  result: SearchResult,
  context: NoteRowContext,
  options: ResultRowOptions = {},
): { rowEl: HTMLElement; metaEl: HTMLElement } {
  const rowEl = parentEl.createDiv({ cls: "lifebetter-result", attr: { tabindex: "0", role: "listitem", "data-path": result.path } });
  const headEl = rowEl.createDiv({ cls: "lifebetter-result-head" });
  headEl.createSpan({ cls: "lifebetter-result-title", text: result.title });
  headEl.createSpan({ cls: "lifebetter-result-score", text: scoreText(result.score), attr: { "aria-label": `Score ${scoreText(result.score)}` } });
  const metaEl = rowEl.createDiv({ cls: "lifebetter-result-meta" });
  metaEl.createSpan({ cls: "lifebetter-badge", text: badgeText(result) });
  if (result.private) metaEl.createSpan({ cls: "lifebetter-badge mod-private", text: "Private" });
  const linkedText = options.linkedText ?? (result.linked ? "Linked" : null);
  if (linkedText) metaEl.createSpan({ cls: "lifebetter-badge mod-linked", text: linkedText });
  if (result.snippet) renderSnippet(rowEl.createDiv({ cls: "lifebetter-result-snippet" }), result.snippet, result.highlights ?? []);
  const reason = reasonText(result.reasons);
  if (reason !== "") rowEl.createDiv({ cls: "lifebetter-result-reason", text: reason });
  wireNoteRow(rowEl, result.path, context, options.onOpen);
  return { rowEl, metaEl };
}
