import { debounce, type App, type Debouncer } from "obsidian";
import type { SearchResult } from "../../core/index/index-types";
import type { IndexAvailability, MemoryQueries } from "../plugin-context";
import type { NoteRowContext } from "./note-actions";
import { renderResultRow } from "./result-row";

export const CAPTURE_HOVER_SOURCE = "lifebetter-capture";
export const CAPTURE_SIMILAR_LIMIT = 3;
const TYPING_DEBOUNCE_MS = 400;
/** Fewer characters than this say too little to find anything like them. */
const MIN_TEXT_CHARS = 12;

/**
 * "You solved this before": up to three past notes like the text being captured (README: In Obsidian),
 * shown under the text while the user types. Shows nothing until the index is ready; a click opens
 * the note in a new tab and leaves the entry being written as it is.
 */
export class CaptureSimilar {
  private request = 0;
  private readonly typed: Debouncer<[string], void>;

  constructor(
    private readonly app: App,
    private readonly containerEl: HTMLElement,
    private readonly index: () => IndexAvailability<MemoryQueries>,
    private readonly showPrivate: () => boolean,
  ) {
    this.typed = debounce((text: string) => void this.update(text), TYPING_DEBOUNCE_MS, true);
  }

  /** Call on every change of the text. */
  textChanged(text: string): void {
    this.typed(text);
  }

  stop(): void {
    this.typed.cancel();
    this.request++;
  }

  /** Looks up notes like `text` and shows them; resolves once shown (or dropped as stale). */
  async update(text: string): Promise<void> {
    const request = ++this.request;
    const availability = this.index();
    if (text.trim().length < MIN_TEXT_CHARS || availability.state !== "ready") return this.show([]);
    try {
      const results = await availability.queries.searchByMeaning(text, { limit: CAPTURE_SIMILAR_LIMIT, hidePrivate: !this.showPrivate() });
      if (request === this.request) this.show(results);
    } catch (error) {
      // A hint, not the task: the entry is still saved; the console says why nothing showed.
      console.warn("LifeBetter: similar notes for the capture could not be found", error);
      if (request === this.request) this.show([]);
    }
  }

  private show(results: SearchResult[]): void {
    this.containerEl.empty();
    if (results.length === 0) return;
    this.containerEl.createDiv({ cls: "lifebetter-capture-similar-heading", text: "Similar past notes · open in a new tab" });
    const listEl = this.containerEl.createDiv({ attr: { role: "list", "aria-label": "Similar past notes" } });
    const context: NoteRowContext = { app: this.app, hoverSource: CAPTURE_HOVER_SOURCE, hoverParent: this, sourcePath: "", newTab: true };
    for (const result of results.slice(0, CAPTURE_SIMILAR_LIMIT)) {
      renderResultRow(listEl, result, context);
    }
  }
}
