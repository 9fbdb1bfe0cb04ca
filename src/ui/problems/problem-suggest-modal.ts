import { FuzzySuggestModal, type App, type TFile } from "obsidian";

/** Which problems a chooser offers: open ones (to work on or close) or all. */
export type ProblemChoice = "open" | "all";

const CLOSED = new Set(["solved", "abandoned"]);

/** Problem notes from the metadata cache, by name. */
export function problemFiles(app: App, choice: ProblemChoice): TFile[] {
  return app.vault
    .getMarkdownFiles()
    .filter((file) => {
      const frontmatter = app.metadataCache.getFileCache(file)?.frontmatter;
      if (frontmatter?.kind !== "problem") return false;
      return choice === "all" || !CLOSED.has(String(frontmatter.status ?? "active"));
    })
    .sort((a, b) => a.basename.localeCompare(b.basename));
}

/** Fuzzy chooser of a problem note, for commands run when no problem note is active. */
export class ProblemSuggestModal extends FuzzySuggestModal<TFile> {
  constructor(
    app: App,
    private readonly choice: ProblemChoice,
    private readonly chosen: (file: TFile) => void,
  ) {
    super(app);
    this.setPlaceholder(choice === "open" ? "Choose an open problem" : "Choose a problem");
    this.emptyStateText = choice === "open" ? 'No open problem. Create one with "New problem".' : "No problem notes yet.";
  }

  getItems(): TFile[] {
    return problemFiles(this.app, this.choice);
  }

  getItemText(file: TFile): string {
    return file.basename;
  }

  onChooseItem(file: TFile): void {
    this.chosen(file);
  }
}
