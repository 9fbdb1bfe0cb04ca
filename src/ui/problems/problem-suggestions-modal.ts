import { Modal, Notice, TFile } from "obsidian";
import type { SearchResult } from "../../core/index/index-types";
import { listProperty } from "../../core/schema/property-readers";
import { errorMessage } from "../../core/errors";
import { noteName } from "../../core/vault/paths";
import { howItEnded } from "./how-it-ended";
import type { ProblemsContext } from "./problems-context";
import { onOpenGesture } from "../common/open-note";
import { openProblemView } from "./open-problem";

export const INDEX_NOT_READY =
  'The search index is not ready yet, so similar problems and meta-skills cannot be suggested now. Once it has finished indexing, open the problem view and choose "Similar problems".';

const LIMIT = 5;

export interface SuggestionsOptions {
  /** Just created: say so above the suggestions. */
  created?: boolean;
}

/** What the index found for a problem (the problem itself left out). */
export interface ProblemSuggestions {
  similar: SearchResult[];
  skills: SearchResult[];
}

/** Similar past problems and meta-skills ranked by meaning and past success, once new notes are indexed. */
export async function findSuggestions(host: ProblemsContext, problemPath: string, text: string): Promise<ProblemSuggestions | null> {
  // Still building: wait for the index to answer (or fail) rather than say it is not ready.
  if (host.index.availability().state === "building") await host.index.ready;
  const availability = host.index.availability();
  if (availability.state !== "ready") return null;
  const index = availability.queries;
  await index.idle();
  const hidePrivate = !host.settings().showPrivate;
  const [similar, skills] = await Promise.all([
    index.findSimilarProblems(problemPath, LIMIT + 1, hidePrivate),
    index.suggestMetaSkills(text, LIMIT, hidePrivate),
  ]);
  return { similar: similar.filter((result) => result.path !== problemPath).slice(0, LIMIT), skills };
}

/**
 * Shown right after "New problem" (and from the problem view): similar past problems with how they
 * ended, and suggested meta-skills, each of which can be added to the problem's `meta_skills`.
 */
export class ProblemSuggestionsModal extends Modal {
  private bodyEl: HTMLElement | null = null;
  /** Settles once the suggestions (or the reason there are none) are shown. */
  loaded: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ProblemsContext,
    private readonly problemPath: string,
    private readonly text: string,
    private readonly options: SuggestionsOptions = {},
  ) {
    super(host.app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-problem-suggestions");
    const name = noteName(this.problemPath);
    this.setTitle(this.options.created ? `Created "${name}"` : `Suggestions for "${name}"`);
    this.bodyEl = contentEl.createDiv({ cls: "lifebetter-suggestions-body" });
    this.bodyEl.createEl("p", { cls: "lifebetter-muted", text: "Looking for similar past problems…" });
    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    buttons.createEl("button", { cls: "mod-cta", text: "Open problem" }).addEventListener("click", () => {
      this.close();
      void this.host.openProblem(this.problemPath);
    });
    buttons.createEl("button", { text: "Close" }).addEventListener("click", () => this.close());
    this.loaded = this.load();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private async load(): Promise<void> {
    let found: ProblemSuggestions | null;
    try {
      found = await findSuggestions(this.host, this.problemPath, this.text);
    } catch (error) {
      this.message(`The index could not be searched: ${errorMessage(error)}`);
      return;
    }
    if (!found) {
      this.message(INDEX_NOT_READY);
      return;
    }
    const el = this.bodyEl;
    if (!el) return;
    el.empty();
    this.renderSimilar(el, found.similar);
    this.renderSkills(el, found.skills);
  }

  private message(text: string): void {
    this.bodyEl?.empty();
    this.bodyEl?.createEl("p", { cls: "lifebetter-notice-text", text });
  }

  private renderSimilar(el: HTMLElement, results: SearchResult[]): void {
    el.createEl("h3", { text: "Similar past problems" });
    if (results.length === 0) {
      el.createEl("p", { cls: "lifebetter-muted", text: "None yet: no other problem is close to this one." });
      return;
    }
    const list = el.createEl("ul", { cls: "lifebetter-similar-problems" });
    for (const result of results) {
      const item = list.createEl("li");
      const link = item.createEl("a", { cls: "lifebetter-link", text: noteName(result.path), href: "#" });
      onOpenGesture(link, (how) => {
        this.close();
        void openProblemView(this.host.app, result.path, how, (path) => this.host.openProblem(path));
      });
      item.createDiv({ cls: "lifebetter-outcome", text: howItEnded(this.propertiesOf(result.path)) });
    }
  }

  private renderSkills(el: HTMLElement, results: SearchResult[]): void {
    el.createEl("h3", { text: "Suggested meta-skills" });
    if (results.length === 0) {
      el.createEl("p", { cls: "lifebetter-muted", text: "No meta-skill fits this problem yet." });
      return;
    }
    const list = el.createEl("ul", { cls: "lifebetter-suggested-skills" });
    for (const result of results) {
      const item = list.createEl("li");
      const text = item.createDiv({ cls: "lifebetter-skill-text" });
      text.createDiv({ cls: "lifebetter-skill-name", text: noteName(result.path) });
      text.createDiv({ cls: "lifebetter-muted", text: (result.reasons ?? []).join(" · ") });
      const button = item.createEl("button", { text: "Use for this problem" });
      button.addEventListener("click", () => void this.useSkill(result.path, button));
    }
  }

  /** Adds the skill to the problem's `meta_skills`, so closing the problem records its outcome. */
  private async useSkill(skillPath: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    const file = this.app.vault.getAbstractFileByPath(skillPath);
    const linkText = file instanceof TFile ? this.app.metadataCache.fileToLinktext(file, this.problemPath, true) : noteName(skillPath);
    const link = `[[${linkText}]]`;
    try {
      await this.host.repo.updateProperties(this.problemPath, (properties) => {
        const skills = listProperty(properties, "meta_skills");
        if (!skills.includes(link)) properties.meta_skills = [...skills, link];
      });
      button.setText("Added");
    } catch (error) {
      button.disabled = false;
      new Notice(`The skill could not be added to "${noteName(this.problemPath)}": ${errorMessage(error)}`);
    }
  }

  private propertiesOf(path: string): Record<string, unknown> {
    const file = this.app.vault.getAbstractFileByPath(path);
    return (file instanceof TFile ? this.app.metadataCache.getFileCache(file)?.frontmatter : undefined) ?? {};
  }
}
