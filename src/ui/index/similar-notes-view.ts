import { debounce, ItemView, Notice, TFile, type WorkspaceLeaf } from "obsidian";
import { acceptConnection, connectionsTo, type ConnectionType } from "../../core/connections/accept-connection";
import { errorMessage } from "../../core/errors";
import type { SearchResult } from "../../core/index/index-types";
import { RECORD_KINDS, type RecordKind } from "../../core/schema/kinds";
import { isInFolders, isMarkdown } from "../../core/vault/paths";
import { humanize } from "../common/labels";
import { renderConnectionPicker } from "./connection-picker";
import type { MemoryQueries } from "../plugin-context";
import type { MemoryContext } from "./memory-context";
import { linkTextFor, type NoteRowContext } from "./note-actions";
import { renderResultRow } from "./result-row";
import { entryThread } from "../../core/capture/threads";
import { textProperty } from "../../core/schema/property-readers";
import { loadRecords } from "../../core/vault/records";
import { renderThreadSection } from "./thread-section";

export const SIMILAR_VIEW_TYPE = "lifebetter-similar-notes";
/** Switching notes quickly (arrow keys in the file list) asks the index once, for the last one. */
const SWITCH_DEBOUNCE_MS = 150;
/** Edits are waited out: the index re-reads the note after its own debounce anyway. */
const EDIT_DEBOUNCE_MS = 1500;

/** The note the view is about, and what it last showed for it. */
interface Shown {
  path: string;
  results: SearchResult[];
}

/**
 * The right-sidebar "Similar notes" view (README: In Obsidian): notes like the active one, with score,
 * kind and why; hide linked and kind filter; "Accept as connection" writes a typed link. It keeps
 * the list it shows until the next answer arrives, so refreshing never flickers.
 */
export class SimilarNotesView extends ItemView {
  private kind: RecordKind | "" = "";
  private shown: Shown | null = null;
  /** The rows whose link-type picker is open (by note path). */
  private picking = new Set<string>();
  /**
   * Links accepted here for the shown note, by result path: shown at once, before the metadata
   * cache has read the new properties.
   */
  private accepted = new Map<string, ConnectionType[]>();
  /** Counts refreshes, so an answer that arrives after a newer question is dropped. */
  private request = 0;
  /** Why matching is by words only (no model), once known. */
  private wordsOnly: string | null | undefined = undefined;
  private waitingForIndex = false;
  private statusEl!: HTMLElement;
  private noticeEl!: HTMLElement;
  private listEl!: HTMLElement;
  /** The active entry's thread (parent chain and replies), when it has one. */
  private threadEl!: HTMLElement;
  /** Counts thread reads, so a slow one never overwrites a newer note's. */
  private threadRequest = 0;
  private hideLinkedEl!: HTMLInputElement;
  private readonly onSwitch = debounce(() => void this.refresh(), SWITCH_DEBOUNCE_MS, true);
  private readonly onEdit = debounce(() => void this.refresh({ afterEdit: true }), EDIT_DEBOUNCE_MS, true);

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: MemoryContext,
  ) {
    super(leaf);
  }

  override getViewType(): string {
    return SIMILAR_VIEW_TYPE;
  }

  override getDisplayText(): string {
    return "Similar notes";
  }

  override getIcon(): string {
    return "network";
  }

  override onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass("lifebetter-similar");
    const controls = root.createDiv({ cls: "lifebetter-similar-controls" });
    const hideLabel = controls.createEl("label", { cls: "lifebetter-similar-hide-linked" });
    this.hideLinkedEl = hideLabel.createEl("input", { attr: { type: "checkbox" } });
    this.hideLinkedEl.checked = this.host.settings().hideLinked;
    hideLabel.appendText("Hide linked");
    this.hideLinkedEl.addEventListener("change", () => void this.setHideLinked(this.hideLinkedEl.checked));

    const kindEl = controls.createEl("select", { cls: "dropdown lifebetter-similar-kind", attr: { "aria-label": "Kind" } });
    kindEl.createEl("option", { text: "All kinds", value: "" });
    for (const kind of RECORD_KINDS) kindEl.createEl("option", { text: humanize(kind), value: kind });
    kindEl.addEventListener("change", () => {
      this.kind = kindEl.value as RecordKind | "";
      void this.refresh();
    });

    this.statusEl = root.createDiv({ cls: "lifebetter-similar-status", attr: { "aria-live": "polite" } });
    this.noticeEl = root.createDiv({ cls: "lifebetter-similar-notice" });
    this.threadEl = root.createDiv({ cls: "lifebetter-similar-thread-section", attr: { role: "region", "aria-label": "Thread" } });
    this.listEl = root.createDiv({ cls: "lifebetter-similar-list", attr: { role: "list", "aria-label": "Similar notes" } });

    const { workspace, vault } = this.app;
    this.registerEvent(workspace.on("file-open", () => this.onSwitch()));
    this.registerEvent(
      workspace.on("active-leaf-change", (leaf) => {
        if (leaf !== this.leaf) this.onSwitch();
      }),
    );
    this.registerEvent(vault.on("modify", (file) => file.path === this.shown?.path && this.onEdit()));
    this.registerEvent(
      vault.on("rename", (file, oldPath) => {
        if (oldPath === this.shown?.path) this.shown = { ...this.shown, path: file.path };
        this.onSwitch();
      }),
    );
    return this.refresh();
  }

  override onClose(): Promise<void> {
    this.onSwitch.cancel();
    this.onEdit.cancel();
    this.request++;
    return Promise.resolve();
  }

  /** The note the list is for: the active note, or the last one while the sidebar has focus. */
  private targetFile(): TFile | null {
    const file = this.app.workspace.getActiveFile();
    if (file && isMarkdown(file.path)) return file;
    return null;
  }

  /**
   * Asks the index for notes like the active note and shows them. Resolves once the answer is on
   * screen (or dropped because a newer refresh started).
   */
  async refresh(options: { afterEdit?: boolean } = {}): Promise<void> {
    const request = ++this.request;
    const file = this.targetFile();
    if (!file) {
      this.shown = null;
      void this.showThread(null);
      return this.showMessage("Open a note to see notes like it.");
    }
    const settings = this.host.settings();
    if (isInFolders(file.path, settings.excludedFolders)) {
      this.shown = null;
      void this.showThread(null);
      return this.showMessage(`"${file.basename}" is in a folder left out of the index (see settings), so it has no similar notes.`);
    }
    // The thread comes from the notes, not the index: it shows while the index builds too.
    const thread = this.showThread(file);
    const availability = this.host.index.availability();
    if (availability.state === "building") {
      this.waitForIndex();
      return this.showMessage("Indexing your vault… similar notes appear when it is done.");
    }
    if (availability.state === "unavailable") {
      return this.showMessage(`Similar notes are unavailable: ${availability.reason}.`);
    }
    const queries = availability.queries;
    if (this.shown?.path !== file.path) {
      this.picking.clear();
      this.accepted.clear();
    }
    this.statusEl.setText(`Finding notes like "${file.basename}"…`);
    this.listEl.addClass("is-loading");
    try {
      if (options.afterEdit) await queries.idle();
      if (this.wordsOnly === undefined) this.wordsOnly = await wordsOnlyReason(queries);
      const results = await queries.findSimilar(file.path, {
        limit: settings.similarResults,
        excludeLinked: settings.hideLinked,
        hidePrivate: !settings.showPrivate,
        ...(this.kind ? { kind: this.kind } : {}),
      });
      if (request !== this.request) return;
      this.shown = { path: file.path, results };
      this.render(file);
      await thread;
    } catch (error) {
      if (request !== this.request) return;
      this.showMessage(`Similar notes could not be found: ${errorMessage(error)}`);
    } finally {
      if (request === this.request) this.listEl.removeClass("is-loading");
    }
  }

  /**
   * Shows the thread of the active note when it is an entry with a `parent` or replies (read fresh
   * from the notes, as the problem view does); empties the section otherwise. Resolves once shown.
   */
  private async showThread(file: TFile | null): Promise<void> {
    const request = ++this.threadRequest;
    const frontmatter = file ? this.app.metadataCache.getFileCache(file)?.frontmatter : undefined;
    if (!file || frontmatter?.kind !== "entry") {
      this.threadEl.empty();
      return;
    }
    try {
      const vault = await loadRecords(this.host.repo, this.host.settings(), ["entry"]);
      if (request !== this.threadRequest) return;
      const record = vault.records.find((candidate) => candidate.path === file.path);
      const thread = record ? entryThread(vault, file.path) : null;
      if (!record || !thread) {
        this.threadEl.empty();
        return;
      }
      const current = { path: record.path, type: textProperty(record.properties, "type") ?? "entry", text: record.body.trim() };
      renderThreadSection(this.threadEl, current, thread, { app: this.app, hoverSource: SIMILAR_VIEW_TYPE, hoverParent: this, sourcePath: file.path });
    } catch (error) {
      if (request === this.threadRequest) this.threadEl.setText(`The thread could not be read: ${errorMessage(error)}`);
    }
  }

  private waitForIndex(): void {
    if (this.waitingForIndex) return;
    this.waitingForIndex = true;
    void this.host.index.ready.then(() => {
      this.waitingForIndex = false;
      return this.refresh();
    });
  }

  private showMessage(text: string): void {
    this.listEl.removeClass("is-loading");
    this.statusEl.setText(text);
    this.noticeEl.empty();
    this.listEl.empty();
  }

  private render(file: TFile): void {
    const shown = this.shown;
    if (!shown) return;
    const { results } = shown;
    const filtered = this.kind ? ` ${humanize(this.kind).toLowerCase()}` : "";
    this.statusEl.setText(
      results.length === 0
        ? `No similar${filtered} notes for "${file.basename}" yet.${this.kind ? " Choose all kinds to see every note." : " Notes that share its words or meaning will show here."}`
        : `${results.length} similar${filtered} ${results.length === 1 ? "note" : "notes"} for "${file.basename}"`,
    );
    this.noticeEl.setText(this.wordsOnly ? `Matching by words only: ${this.wordsOnly}.` : "");
    const context: NoteRowContext = { app: this.app, hoverSource: SIMILAR_VIEW_TYPE, hoverParent: this, sourcePath: file.path };
    const properties = this.app.metadataCache.getFileCache(file)?.frontmatter ?? {};
    // Built off-screen and swapped in at once: the old list stays until the new one is complete.
    const fragment = createFragment();
    const holder = fragment.createDiv();
    for (const result of results) {
      const held = [...new Set([...connectionsTo(properties, linkTextFor(this.app, result.path, file.path)), ...(this.accepted.get(result.path) ?? [])])];
      const linkedText = held.length > 0 ? `Linked · ${held.map((type) => humanize(type).toLowerCase()).join(", ")}` : result.linked ? "Linked" : null;
      const { rowEl, metaEl } = renderResultRow(holder, result, context, { linkedText });
      const connectEl = metaEl.createEl("button", {
        cls: "lifebetter-connect",
        text: "Connect",
        attr: { "aria-label": "Accept as connection", "aria-expanded": String(this.picking.has(result.path)) },
      });
      connectEl.addEventListener("click", () => {
        if (this.picking.has(result.path)) this.picking.delete(result.path);
        else this.picking.add(result.path);
        this.render(file);
        this.listEl.querySelector<HTMLElement>(`[data-path="${CSS.escape(result.path)}"] .lifebetter-connect`)?.focus();
      });
      if (this.picking.has(result.path)) renderConnectionPicker(rowEl, held, (type) => void this.accept(file, result, type));
    }
    this.listEl.replaceChildren(...Array.from(holder.childNodes));
  }

  private async accept(file: TFile, result: SearchResult, type: ConnectionType): Promise<void> {
    const target = linkTextFor(this.app, result.path, file.path);
    try {
      const changed = await acceptConnection(this.host.repo, file.path, type, target);
      new Notice(
        changed
          ? `Linked "${result.title}" from "${file.basename}" as ${humanize(type).toLowerCase()}.`
          : `"${file.basename}" already links to "${result.title}" as ${humanize(type).toLowerCase()}.`,
      );
    } catch (error) {
      new Notice(`The connection was not added: ${errorMessage(error)}`);
      return;
    }
    this.picking.delete(result.path);
    this.accepted.set(result.path, [...(this.accepted.get(result.path) ?? []), type]);
    if (this.shown?.path === file.path) this.render(file);
  }

  private async setHideLinked(hide: boolean): Promise<void> {
    this.host.settings().hideLinked = hide;
    await this.host.saveSettings();
    await this.refresh();
  }
}

/** Why the index matches by words only, or null when it has a model. */
async function wordsOnlyReason(queries: MemoryQueries): Promise<string | null> {
  const { embeddings } = await queries.status();
  return embeddings.state === "unavailable" ? embeddings.reason : null;
}
