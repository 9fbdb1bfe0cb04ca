import { AbstractInputSuggest, prepareFuzzySearch, sortSearchResults, type App, type SearchResult, type TFile } from "obsidian";
import type { RecordKind } from "../../core/schema/kinds";
import { lastItem, replaceLastItem } from "../capture/capture-draft";

const MAX_SUGGESTIONS = 20;

interface Scored {
  file: TFile;
  match: SearchResult;
}

/**
 * Fuzzy suggestions over the notes of one kind (problems, meta-skills), read from the metadata
 * cache. In a comma-separated field it completes the item being typed and keeps the others.
 */
export class KindNoteSuggest extends AbstractInputSuggest<TFile> {
  constructor(
    app: App,
    private readonly inputEl: HTMLInputElement,
    private readonly kind: RecordKind,
    private readonly commaSeparated: boolean,
    private readonly picked: (value: string) => void,
  ) {
    super(app, inputEl);
    this.limit = MAX_SUGGESTIONS;
  }

  protected getSuggestions(query: string): TFile[] {
    const term = (this.commaSeparated ? lastItem(query) : query).trim().replace(/^\[\[|\]\]$/g, "");
    const fuzzy = prepareFuzzySearch(term);
    const scored: Scored[] = [];
    for (const file of this.app.vault.getMarkdownFiles()) {
      if (this.app.metadataCache.getFileCache(file)?.frontmatter?.kind !== this.kind) continue;
      const match = term === "" ? { score: 0, matches: [] } : fuzzy(file.basename);
      if (match) scored.push({ file, match });
    }
    if (term === "") scored.sort((a, b) => a.file.basename.localeCompare(b.file.basename));
    else sortSearchResults(scored);
    return scored.slice(0, MAX_SUGGESTIONS).map((item) => item.file);
  }

  renderSuggestion(file: TFile, el: HTMLElement): void {
    el.createDiv({ text: file.basename });
    if (file.parent && !file.parent.isRoot()) el.createDiv({ cls: "lifebetter-suggest-path", text: file.parent.path });
  }

  override selectSuggestion(file: TFile): void {
    // The shortest link text that still points at this note (a path only when names clash).
    const link = this.app.metadataCache.fileToLinktext(file, "", true);
    const value = this.commaSeparated ? replaceLastItem(this.inputEl.value, link) : link;
    this.setValue(value);
    this.picked(value);
    this.close();
  }
}
