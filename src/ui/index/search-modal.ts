import { debounce, Modal } from "obsidian";
import { errorMessage } from "../../core/errors";
import type { SearchResult } from "../../core/index/index-types";
import type { SearchOptions } from "../../core/index/queries";
import { RECORD_KINDS, type RecordKind } from "../../core/schema/kinds";
import { entryTypes } from "../../core/settings";
import { humanize } from "../common/labels";
import { KindNoteSuggest } from "../common/note-suggest";
import type { MemoryContext } from "./memory-context";
import { openNote } from "../common/open-note";
import type { NoteRowContext } from "./note-actions";
import { renderResultRow } from "./result-row";

export const SEARCH_HOVER_SOURCE = "lifebetter-search";
/** Results follow typing, one question per pause. */
const TYPING_DEBOUNCE_MS = 250;
const RESULT_LIMIT = 30;

/** The filters as typed in the modal (empty = not filtered). */
interface FilterFields {
  kind: RecordKind | "";
  type: string;
  tags: string;
  since: string;
  until: string;
  problem: string;
}

/** SearchOptions from the modal's fields; `until` covers its whole day. */
export function searchOptions(fields: FilterFields, hidePrivate: boolean): SearchOptions {
  const tags = fields.tags
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^#/, ""))
    .filter((tag) => tag !== "");
  return {
    limit: RESULT_LIMIT,
    hidePrivate,
    ...(fields.kind ? { kind: fields.kind } : {}),
    ...(fields.type ? { type: fields.type } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(fields.since ? { since: `${fields.since}T00:00:00` } : {}),
    ...(fields.until ? { until: `${fields.until}T23:59:59.999` } : {}),
    ...(fields.problem.trim() ? { problem: fields.problem.trim() } : {}),
  };
}

/**
 * "Search by meaning" (README: In Obsidian): hybrid search (words and meaning) with filters, results as
 * you type. ↑/↓ move, Enter opens, Mod+Enter opens in a new tab, Esc closes.
 */
export class SearchByMeaningModal extends Modal {
  private readonly fields: FilterFields = { kind: "", type: "", tags: "", since: "", until: "", problem: "" };
  private query = "";
  private results: SearchResult[] = [];
  private selected = 0;
  private request = 0;
  private queryEl!: HTMLInputElement;
  private statusEl!: HTMLElement;
  private listEl!: HTMLElement;
  private readonly typed = debounce(() => void this.search(), TYPING_DEBOUNCE_MS, true);

  constructor(private readonly host: MemoryContext) {
    super(host.app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    this.modalEl.addClass("lifebetter-search-modal");
    this.setTitle("Search by meaning");
    this.queryEl = contentEl.createEl("input", {
      cls: "lifebetter-search-query",
      attr: { type: "search", "aria-label": "Search", placeholder: "Describe what you are looking for…", spellcheck: "false" },
    });
    this.queryEl.addEventListener("input", () => {
      this.query = this.queryEl.value;
      this.typed();
    });
    this.addFilters(contentEl.createDiv({ cls: "lifebetter-search-filters" }));
    this.statusEl = contentEl.createDiv({ cls: "lifebetter-search-status", attr: { "aria-live": "polite" } });
    this.listEl = contentEl.createDiv({ cls: "lifebetter-search-results", attr: { role: "list", "aria-label": "Results" } });
    contentEl.createDiv({ cls: "lifebetter-search-hint", text: "↑↓ to move · Enter to open · Mod+Enter to open in a new tab · Esc to close" });

    this.scope.register([], "ArrowDown", (evt) => this.move(evt, 1));
    this.scope.register([], "ArrowUp", (evt) => this.move(evt, -1));
    this.scope.register([], "Enter", (evt) => this.openSelected(evt));
    this.scope.register(["Mod"], "Enter", (evt) => this.openSelected(evt));
    this.showStatus();
    this.queryEl.focus();
  }

  override onClose(): void {
    this.typed.cancel();
    this.request++;
    this.contentEl.empty();
  }

  /** Runs the search for what is typed now; resolves once its results are shown (or dropped as stale). */
  async search(): Promise<void> {
    const request = ++this.request;
    const query = this.query.trim();
    const availability = this.host.index.availability();
    if (query === "" || availability.state !== "ready") {
      this.results = [];
      this.renderResults();
      this.showStatus();
      if (availability.state === "building") {
        void this.host.index.ready.then(async () => {
          if (request === this.request) await this.search();
        });
      }
      return;
    }
    this.listEl.addClass("is-loading");
    try {
      const results = await availability.queries.searchByMeaning(query, searchOptions(this.fields, !this.host.settings().showPrivate));
      if (request !== this.request) return;
      this.results = results;
      this.selected = 0;
      this.renderResults();
      this.statusEl.setText(
        results.length === 0 ? "No notes match. Try other words or fewer filters." : `${results.length} ${results.length === 1 ? "note" : "notes"}`,
      );
    } catch (error) {
      if (request === this.request) this.statusEl.setText(`The search failed: ${errorMessage(error)}`);
    } finally {
      if (request === this.request) this.listEl.removeClass("is-loading");
    }
  }

  private showStatus(): void {
    const availability = this.host.index.availability();
    if (availability.state === "building") this.statusEl.setText("Indexing your vault… results appear when it is done.");
    else if (availability.state === "unavailable") this.statusEl.setText(`Search is unavailable: ${availability.reason}.`);
    else if (this.query.trim() === "") this.statusEl.setText("Type a question or a few words; notes close in meaning are found too.");
  }

  private addFilters(filtersEl: HTMLElement): void {
    const changed = (): void => void this.search();
    const select = (label: string, options: [string, string][], key: "kind" | "type"): void => {
      const el = filtersEl.createEl("select", { cls: "dropdown", attr: { "aria-label": label } });
      for (const [value, text] of options) el.createEl("option", { text, value });
      el.addEventListener("change", () => {
        (this.fields as unknown as Record<string, string>)[key] = el.value;
        changed();
      });
    };
    select("Kind", [["", "All kinds"], ...RECORD_KINDS.map((kind): [string, string] => [kind, humanize(kind)])], "kind");
    select("Entry type", [["", "All types"], ...entryTypes(this.host.settings()).map((type): [string, string] => [type, humanize(type)])], "type");
    const input = (label: string, key: "tags" | "since" | "until" | "problem", type: string, placeholder = ""): HTMLInputElement => {
      // A date field shows only the date format, so its name stands before it.
      const parentEl = type === "date" ? filtersEl.createEl("label", { cls: "lifebetter-search-date", text: label }) : filtersEl;
      const el = parentEl.createEl("input", { attr: { type, "aria-label": label, placeholder } });
      el.addEventListener(type === "date" ? "change" : "input", () => {
        this.fields[key] = el.value;
        if (type === "date") changed();
        else this.typed();
      });
      return el;
    };
    input("Tags", "tags", "text", "Tags");
    input("From", "since", "date");
    input("To", "until", "date");
    const problemEl = input("Problem", "problem", "text", "Problem");
    new KindNoteSuggest(this.app, problemEl, "problem", false, (value) => {
      this.fields.problem = value;
      changed();
    });
  }

  private renderResults(): void {
    const context: NoteRowContext = { app: this.app, hoverSource: SEARCH_HOVER_SOURCE, hoverParent: this, sourcePath: "" };
    this.listEl.empty();
    this.results.forEach((result, index) => {
      const { rowEl } = renderResultRow(this.listEl, result, context, { onOpen: () => this.close() });
      rowEl.addEventListener("mousemove", () => this.select(index));
    });
    this.select(this.selected);
  }

  private select(index: number): void {
    const rows = Array.from(this.listEl.children) as HTMLElement[];
    if (rows.length === 0) return;
    this.selected = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach((row, i) => {
      row.toggleClass("is-selected", i === this.selected);
      row.setAttribute("aria-selected", String(i === this.selected));
    });
  }

  private move(evt: KeyboardEvent, step: number): boolean {
    // Arrow keys keep their meaning in the filters (a dropdown, a date, the problem suggestions).
    if (evt.target instanceof HTMLElement && evt.target !== this.queryEl && !evt.target.closest(".lifebetter-search-results")) return true;
    this.select(this.selected + step);
    this.listEl.children[this.selected]?.scrollIntoView({ block: "nearest" });
    return false;
  }

  private openSelected(evt: KeyboardEvent): boolean {
    if (evt.isComposing) return true;
    const target = evt.target instanceof HTMLElement ? evt.target : null;
    // Enter in the problem field picks a suggestion, on a filter it does what the control does, on
    // a focused result that row opens itself.
    if (target && target !== this.queryEl && target.closest("input, select, textarea, button, .lifebetter-result")) return true;
    const result = this.results[this.selected];
    if (!result) return false;
    this.close();
    void openNote(this.app, result.path, evt);
    return false;
  }
}
