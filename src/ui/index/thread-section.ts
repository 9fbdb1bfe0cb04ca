import type { ThreadParent, ThreadReply } from "../../core/capture/threads";
import { noteName } from "../../core/vault/paths";
import { humanize } from "../common/labels";
import { dateText } from "../problems/durations";
import { wireNoteRow, type NoteRowContext } from "./note-actions";

/** How much of an entry's text a thread row shows. */
const PREVIEW_CHARS = 140;

function preview(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS).trimEnd()}…` : line;
}

/** One entry of the thread: a focusable row that opens its note as the panel's other rows do (click, Enter, mod-click, hover, drag). */
function threadRow(list: HTMLElement, entry: ThreadParent, label: string, depth: number, context: NoteRowContext | null): HTMLElement {
  const row = list.createEl("li", { cls: "lifebetter-thread-reply lifebetter-similar-thread-row", attr: { "data-path": entry.path } });
  row.style.setProperty("--lifebetter-thread-depth", String(depth));
  const head = row.createDiv({ cls: "lifebetter-timeline-head" });
  head.createSpan({ cls: "lifebetter-timeline-type", text: label });
  head.createSpan({ cls: "lifebetter-thread-name", text: noteName(entry.path) });
  if (entry.timestamp) head.createSpan({ cls: "lifebetter-muted", text: dateText(entry.timestamp) });
  if (entry.text) row.createDiv({ cls: "lifebetter-timeline-text", text: preview(entry.text) });
  if (context) {
    row.setAttribute("tabindex", "0");
    row.setAttribute("aria-label", `${label}: ${noteName(entry.path)}`);
    wireNoteRow(row, entry.path, context);
  } else {
    row.addClass("is-current");
    row.setAttribute("aria-current", "true");
  }
  return row;
}

/**
 * The active entry's thread in the similar-notes panel, as the problem view shows one: what it
 * replies to (the first message first), the entry itself, then every reply under it, indented by
 * depth. Every other entry's row opens its note. All note text is set as text, never HTML.
 */
export function renderThreadSection(
  el: HTMLElement,
  current: ThreadParent,
  thread: { parents: readonly ThreadParent[]; replies: readonly ThreadReply[] },
  context: NoteRowContext,
): void {
  el.empty();
  const count = thread.parents.length + thread.replies.length;
  el.createEl("h4", { cls: "lifebetter-similar-thread-title", text: `Thread · ${count + 1} entries` });
  const list = el.createEl("ol", { cls: "lifebetter-thread lifebetter-similar-thread", attr: { "aria-label": "Thread of this entry" } });
  for (const parent of thread.parents) threadRow(list, parent, humanize(parent.type), 0, context);
  const base = thread.parents.length > 0 ? 1 : 0;
  threadRow(list, current, `This ${humanize(current.type).toLowerCase()}`, base, null);
  for (const reply of thread.replies) threadRow(list, reply, `Reply · ${humanize(reply.type)}`, base + reply.depth, context);
}
