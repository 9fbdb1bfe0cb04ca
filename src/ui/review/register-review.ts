import { MarkdownView, Notice, TFile, type Plugin } from "obsidian";
import { parseNote } from "../../core/codec/frontmatter";
import type { IndexClient } from "../../core/index/index-client";
import type { LifeBetterSettings } from "../../core/settings";
import { isMarkdown, noteName } from "../../core/vault/paths";
import type { NoteRepository } from "../../core/vault/repository";
import { NewSkillModal } from "./new-skill-modal";
import { REVIEW_VIEW_TYPE, ReviewView } from "./review-view";
import { SuggestSkillsModal, type SuggestSkillsTarget } from "./suggest-skills-modal";
import { openNote } from "../common/open-note";
import { showView } from "../common/show-view";

/** What the review commands need from the plugin. */
export interface ReviewPlugin extends Plugin {
  readonly repo: NoteRepository;
  settings: LifeBetterSettings;
  readonly index: IndexClient | null;
  indexReady: Promise<void>;
}

/** The review view and the meta-skill commands (no default hotkeys), all undone on unload. */
export function registerReview(plugin: ReviewPlugin): void {
  const { app } = plugin;
  const host = { app, repo: plugin.repo, settings: () => plugin.settings };
  plugin.registerView(REVIEW_VIEW_TYPE, (leaf) => new ReviewView(leaf, host));

  plugin.addCommand({ id: "new-meta-skill", name: "New meta-skill", callback: () => openNewSkill(plugin) });
  plugin.addCommand({ id: "review-meta-skills", name: "Review meta-skills", callback: () => void openReview(plugin) });
  plugin.addCommand({
    id: "suggest-meta-skills",
    name: "Suggest meta-skills",
    checkCallback: (checking) => {
      const file = app.workspace.getActiveFile();
      if (!file || !isMarkdown(file.path)) return false;
      if (!checking) void openSuggestSkills(plugin, file);
      return true;
    },
  });
}

export function openNewSkill(plugin: ReviewPlugin): NewSkillModal {
  const { app } = plugin;
  const modal = new NewSkillModal({
    app,
    repo: plugin.repo,
    settings: () => plugin.settings,
    created: async (path) => {
      new Notice(`Created meta-skill "${noteName(path)}".`);
      await openNote(app, path);
    },
  });
  modal.open();
  return modal;
}

/** Shows the review view: the open one if there is one, else a new tab. */
export async function openReview(plugin: ReviewPlugin): Promise<void> {
  await showView(plugin.app.workspace, REVIEW_VIEW_TYPE);
}

/** The selection in the active editor when there is one, else the note's title and body. */
export async function suggestTarget(plugin: ReviewPlugin, file: TFile): Promise<SuggestSkillsTarget> {
  const view = plugin.app.workspace.getActiveViewOfType(MarkdownView);
  const selection = view?.file?.path === file.path ? view.editor.getSelection().trim() : "";
  if (selection !== "") return { path: file.path, text: selection, fromSelection: true };
  const text = await plugin.repo.read(file.path).catch(() => "");
  const parsed = parseNote(text);
  const body = parsed.ok ? parsed.parts.body : text;
  return { path: file.path, text: `${file.basename}\n\n${body}`.trim(), fromSelection: false };
}

export async function openSuggestSkills(plugin: ReviewPlugin, file: TFile): Promise<SuggestSkillsModal> {
  const modal = new SuggestSkillsModal(
    { app: plugin.app, repo: plugin.repo, index: () => plugin.index, indexReady: () => plugin.indexReady, showPrivate: () => plugin.settings.showPrivate },
    await suggestTarget(plugin, file),
  );
  modal.open();
  return modal;
}
