import { MarkdownView, Notice, TFile } from "obsidian";
import { parseNote } from "../../core/codec/frontmatter";
import { isMarkdown, noteName } from "../../core/vault/paths";
import type { PluginContext, VaultContext } from "../plugin-context";
import { NewSkillModal } from "./new-skill-modal";
import { REVIEW_VIEW_TYPE, ReviewView } from "./review-view";
import { SuggestSkillsModal, type SuggestSkillsContext, type SuggestSkillsTarget } from "./suggest-skills-modal";
import { openNote } from "../common/open-note";
import { showView } from "../common/show-view";

/** The review view and the meta-skill commands (no default hotkeys), all undone on unload; provides `openReview`. */
export function registerReview(context: PluginContext): void {
  const { plugin, app } = context;
  plugin.registerView(REVIEW_VIEW_TYPE, (leaf) => new ReviewView(leaf, context));

  plugin.addCommand({ id: "new-meta-skill", name: "New meta-skill", callback: () => openNewSkill(context) });
  plugin.addCommand({ id: "review-meta-skills", name: "Review meta-skills", callback: () => void openReview(context) });
  plugin.addCommand({
    id: "suggest-meta-skills",
    name: "Suggest meta-skills",
    checkCallback: (checking) => {
      const file = app.workspace.getActiveFile();
      if (!file || !isMarkdown(file.path)) return false;
      if (!checking) void openSuggestSkills(context, file);
      return true;
    },
  });
  context.provide({ openReview: () => openReview(context) });
}

export function openNewSkill(context: VaultContext): NewSkillModal {
  const { app } = context;
  const modal = new NewSkillModal(context, async (path) => {
    new Notice(`Created meta-skill "${noteName(path)}".`);
    await openNote(app, path);
  });
  modal.open();
  return modal;
}

/** Shows the review view: the open one if there is one, else a new tab. */
export async function openReview(context: Pick<PluginContext, "app">): Promise<void> {
  await showView(context.app.workspace, REVIEW_VIEW_TYPE);
}

/** The selection in the active editor when there is one, else the note's title and body. */
export async function suggestTarget(context: Pick<PluginContext, "app" | "repo">, file: TFile): Promise<SuggestSkillsTarget> {
  const view = context.app.workspace.getActiveViewOfType(MarkdownView);
  const selection = view?.file?.path === file.path ? view.editor.getSelection().trim() : "";
  if (selection !== "") return { path: file.path, text: selection, fromSelection: true };
  const text = await context.repo.read(file.path).catch(() => "");
  const parsed = parseNote(text);
  const body = parsed.ok ? parsed.parts.body : text;
  return { path: file.path, text: `${file.basename}\n\n${body}`.trim(), fromSelection: false };
}

export async function openSuggestSkills(context: SuggestSkillsContext, file: TFile): Promise<SuggestSkillsModal> {
  const modal = new SuggestSkillsModal(context, await suggestTarget(context, file));
  modal.open();
  return modal;
}
