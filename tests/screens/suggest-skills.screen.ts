/** "Suggest meta-skills" for a problem note: three skills ranked by meaning and past success, one already linked. */
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import type { SearchResult } from "../../src/core/index/index-types";
import { SuggestSkillsModal } from "../../src/ui/review/suggest-skills-modal";
import { loadSettings } from "../../src/core/settings";
import { settledIndex } from "../support/index-access";
import { makeApp } from "../support/obsidian-shims";
import { showModal } from "./host/frame";

const NOTE = "LifeBetter/Problems/Flaky CI.md";
const SKILLS = "LifeBetter/Meta-skills";

const RESULTS: SearchResult[] = [
  {
    path: `${SKILLS}/Divide and conquer.md`,
    id: "1",
    title: "Divide and conquer",
    kind: "meta-skill",
    score: 0.82,
    reasons: ["words", "meaning 0.61", "worked 75% of the time"],
  },
  { path: `${SKILLS}/Rubber duck.md`, id: "2", title: "Rubber duck", kind: "meta-skill", score: 0.64, reasons: ["meaning 0.48", "worked 50% of the time"] },
  { path: `${SKILLS}/Sleep on it.md`, id: "3", title: "Sleep on it", kind: "meta-skill", score: 0.41, reasons: ["meaning 0.33", "not used yet"] },
];

export async function render(root: HTMLElement): Promise<void> {
  const { app } = makeApp({ [NOTE]: '---\nkind: problem\nmeta_skills:\n  - "[[Rubber duck]]"\n---\nThe test fails one run in five.\n' });
  const modal = new SuggestSkillsModal(
    {
      app,
      repo: new ObsidianNoteRepository(app),
      settings: () => loadSettings({}),
      index: settledIndex({ suggestMetaSkills: () => Promise.resolve(RESULTS), idle: () => Promise.resolve() }),
    },
    { path: NOTE, text: "The test fails one run in five.", fromSelection: true },
  );
  await showModal(root, modal);
  await modal.loaded;
}
