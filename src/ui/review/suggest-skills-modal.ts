import { Modal, Notice } from "obsidian";
import { parseNote } from "../../core/codec/frontmatter";
import { InvalidInputError, NoteParseError, errorMessage } from "../../core/errors";
import type { SearchResult } from "../../core/index/index-types";
import { addSkillLink, linkSkill } from "../../core/skills/link-skill";
import { noteName } from "../../core/vault/paths";
import type { IndexAccess, IndexQueries, PluginContext } from "../plugin-context";

const SUGGESTIONS = 8;

const notRunning = (reason: string): string => `The search index is not running: ${reason}.`;

/** What the modal needs from the plugin context (tests pass a small fake). */
export type SuggestSkillsContext = Pick<PluginContext, "app" | "repo" | "settings"> & {
  readonly index: IndexAccess<Pick<IndexQueries, "suggestMetaSkills" | "idle">>;
};

export interface SuggestSkillsTarget {
  /** The note a chosen skill is linked from. */
  path: string;
  /** What to find skills for: the selection, or the note's title and body. */
  text: string;
  fromSelection: boolean;
}

/**
 * "Suggest meta-skills": skills ranked by meaning and past success (the index's suggestMetaSkills)
 * for a note or a selection. Arrow keys move between them; Enter or a click links the chosen one
 * from the note's `meta_skills` (core linkSkill, properties only).
 */
export class SuggestSkillsModal extends Modal {
  /** Settles once the suggestions (or the reason there are none) are shown. */
  loaded: Promise<void> = Promise.resolve();
  private messageEl: HTMLElement | null = null;
  private listEl: HTMLElement | null = null;
  private choosing = false;

  constructor(
    private readonly host: SuggestSkillsContext,
    private readonly target: SuggestSkillsTarget,
  ) {
    super(host.app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-suggest-skills");
    this.setTitle("Suggest meta-skills");
    const source = noteName(this.target.path);
    contentEl.createDiv({ cls: "lifebetter-review-muted", text: this.target.fromSelection ? `For the selection in "${source}"` : `For "${source}"` });
    this.messageEl = contentEl.createDiv({ cls: "lifebetter-suggest-message", attr: { role: "status" } });
    this.listEl = contentEl.createDiv({ cls: "lifebetter-suggest-list", attr: { role: "listbox", "aria-label": "Suggested meta-skills" } });
    this.registerArrowKeys(this.listEl);
    contentEl.createDiv({ cls: "lifebetter-capture-hint", text: "Up and down arrows move, Enter links the skill, Esc closes." });
    this.loaded = this.load();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private say(text: string, isError = false): void {
    this.messageEl?.setText(text);
    this.messageEl?.toggleClass("is-error", isError);
  }

  private async load(): Promise<void> {
    const { index } = this.host;
    const before = index.availability();
    if (before.state === "unavailable") {
      this.say(notRunning(before.reason), true);
      return;
    }
    if (this.target.text.trim() === "") {
      this.say("There is no text to find meta-skills for: write something in the note or select some text.", true);
      return;
    }
    let built = false;
    const ready = index.ready.then(() => {
      built = true;
    });
    await Promise.resolve();
    // A first start indexes the whole vault: say what is being waited for.
    this.say(built ? "Finding meta-skills…" : "Waiting for the index to finish building (its progress is in the status bar)…");
    let results: SearchResult[];
    try {
      await ready;
      const availability = index.availability();
      if (availability.state !== "ready") {
        this.say(notRunning(availability.state === "unavailable" ? availability.reason : "it has not started"), true);
        return;
      }
      // Skills are ranked by meaning: wait until every note's meaning is computed.
      await availability.queries.idle();
      results = (await availability.queries.suggestMetaSkills(this.target.text, SUGGESTIONS + 1, !this.host.settings().showPrivate))
        .filter((result) => result.path !== this.target.path)
        .slice(0, SUGGESTIONS);
    } catch (error) {
      this.say(`Meta-skills could not be suggested: ${errorMessage(error)}`, true);
      return;
    }
    if (results.length === 0) {
      this.say('No meta-skill matches this text. Create one with "New meta-skill", and say in it when to use it.');
      return;
    }
    this.say(results.length === 1 ? "1 meta-skill fits, best first." : `${results.length} meta-skills fit, best first.`);
    const linked = await this.linkedAlready(results);
    this.renderResults(results, linked);
  }

  /** The suggested skills the note already links, so they are marked instead of linked twice. */
  private async linkedAlready(results: readonly SearchResult[]): Promise<Set<string>> {
    const parsed = parseNote(await this.host.repo.read(this.target.path).catch(() => ""));
    if (!parsed.ok) return new Set();
    return new Set(results.filter((result) => !addSkillLink({ ...parsed.properties }, noteName(result.path))).map((result) => result.path));
  }

  private renderResults(results: readonly SearchResult[], linked: ReadonlySet<string>): void {
    const listEl = this.listEl;
    if (!listEl) return;
    listEl.empty();
    for (const result of results) {
      const isLinked = linked.has(result.path);
      const row = listEl.createEl("button", { cls: "lifebetter-suggest-skill", attr: { role: "option", "aria-selected": "false" } });
      const title = row.createDiv({ cls: "lifebetter-suggest-skill-name", text: noteName(result.path) });
      if (isLinked) title.createSpan({ cls: "lifebetter-review-badge", text: "Linked" });
      if (result.reasons?.length) row.createDiv({ cls: "lifebetter-review-muted", text: result.reasons.join(" · ") });
      row.addEventListener("focus", () => row.setAttribute("aria-selected", "true"));
      row.addEventListener("blur", () => row.setAttribute("aria-selected", "false"));
      row.addEventListener("click", () => void this.choose(result, isLinked));
    }
    listEl.querySelector<HTMLButtonElement>("button")?.focus();
  }

  private registerArrowKeys(listEl: HTMLElement): void {
    listEl.addEventListener("keydown", (evt) => {
      if (evt.key !== "ArrowDown" && evt.key !== "ArrowUp") return;
      const rows = [...listEl.querySelectorAll<HTMLButtonElement>("button")];
      const at = rows.indexOf(evt.target as HTMLButtonElement);
      const next = rows[(at + (evt.key === "ArrowDown" ? 1 : rows.length - 1)) % rows.length];
      evt.preventDefault();
      next?.focus();
    });
  }

  /** Links the skill from the note and closes; resolves to whether the note changed. */
  async choose(result: SearchResult, isLinked = false): Promise<boolean> {
    if (this.choosing) return false;
    const skill = noteName(result.path);
    const source = noteName(this.target.path);
    if (isLinked) {
      this.close();
      new Notice(`"${source}" already links "${skill}".`);
      return false;
    }
    this.choosing = true;
    try {
      const changed = await linkSkill(this.host.repo, this.target.path, skill);
      this.close();
      new Notice(changed ? `Linked "${skill}" from "${source}".` : `"${source}" already links "${skill}".`);
      return changed;
    } catch (error) {
      const message = error instanceof InvalidInputError || error instanceof NoteParseError ? error.message : errorMessage(error);
      this.say(`"${skill}" could not be linked: ${message}`, true);
      return false;
    } finally {
      this.choosing = false;
    }
  }
}
