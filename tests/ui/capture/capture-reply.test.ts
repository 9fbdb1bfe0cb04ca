import { TFile } from "obsidian";
import { describe, expect, it } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { loadSettings } from "../../../src/core/settings";
import { CaptureModal } from "../../../src/ui/capture/capture-modal";
import { replyDraft } from "../../../src/ui/capture/capture-reply";
import { contentOf, makeApp } from "../../support/obsidian-shims";
import { propertiesOf } from "../../support/note-properties";

function fileAt(app: ReturnType<typeof makeApp>["app"], path: string): TFile {
  const file = app.vault.getAbstractFileByPath(path);
  if (!(file instanceof TFile)) throw new Error(`no file ${path}`);
  return file;
}

describe("Reply to this entry", () => {
  it("opens the capture form with the entry as parent and its problem, and the reply links to it", async () => {
    const { app, mock } = makeApp({
      "A/Thought.md": '---\nkind: entry\ntype: insight\nproblem: "[[Ship v2]]"\n---\nx\n',
      "B/Thought.md": "---\nkind: entry\ntype: insight\n---\nx\n",
      "Ship v2.md": "---\nkind: problem\n---\n",
    });
    const draft = replyDraft(app, fileAt(app, "A/Thought.md"));
    expect(draft).toMatchObject({ problem: "[[Ship v2]]" });
    const settings = loadSettings({});
    const modal = new CaptureModal(
      { app, repo: new ObsidianNoteRepository(app), settings: () => settings, captured: () => Promise.resolve() },
      { draft: { ...draft, text: "Following up" } },
    );
    modal.open();
    expect(await modal.save()).toBe(true);
    const reply =
      mock.vault
        .getFiles()
        .map((file) => file.path)
        .find((path) => path.includes("Following up")) ?? "";
    // Two notes are named "Thought": the link names the one replied to by its path.
    expect(propertiesOf(contentOf(mock, reply))).toMatchObject({ parent: "[[A/Thought]]", problem: "[[Ship v2]]" });
  });

  it("is not offered on a note that is not an entry", () => {
    const { app } = makeApp({ "Ship v2.md": "---\nkind: problem\n---\n", "plain.md": "hello" });
    expect(replyDraft(app, fileAt(app, "Ship v2.md"))).toBeNull();
    expect(replyDraft(app, fileAt(app, "plain.md"))).toBeNull();
    expect(replyDraft(app, null)).toBeNull();
  });
});
