/** Right after "New problem": similar past problems with how they ended, and suggested meta-skills. */
import type { IndexClient } from "../../src/core/index/index-client";
import type { SearchResult } from "../../src/core/index/index-types";
import { ProblemSuggestionsModal } from "../../src/ui/problems/problem-suggestions-modal";
import { problemsSetup } from "../support/problems-ui";
import { showModal } from "./host/frame";
import { problemFiles } from "./host/problems";

const result = (path: string, reasons: string[]): SearchResult => ({ path, id: null, title: path, kind: null, score: 0.5, reasons });

export async function render(root: HTMLElement): Promise<void> {
  const files = {
    ...problemFiles(),
    "LifeBetter/Problems/Slow checkout page.md": "---\nkind: problem\nstatus: active\n---\nThe checkout page is slow.\n",
    "LifeBetter/Problems/Slow checkout tests.md":
      "---\nkind: problem\nstatus: solved\ncompleted: 2026-10-02T16:00:00+01:00\nwhat_worked:\n  - Cached the browser between tests\n---\n",
    "LifeBetter/Meta-skills/Measure before optimising.md": "---\nkind: meta-skill\n---\n",
  };
  const index = {
    idle: () => Promise.resolve(),
    findSimilarProblems: () =>
      Promise.resolve([
        result("LifeBetter/Problems/Slow checkout tests.md", ["meaning 0.81", "status: solved"]),
        result("LifeBetter/Problems/Standing desk.md", ["words"]),
      ]),
    suggestMetaSkills: () =>
      Promise.resolve([
        result("LifeBetter/Meta-skills/Measure before optimising.md", ["words", "meaning 0.77", "not used yet"]),
        result("LifeBetter/Meta-skills/Divide and conquer.md", ["meaning 0.52", "worked 75% of the time"]),
      ]),
  } as unknown as IndexClient;
  const { host } = problemsSetup(files, { index });
  const modal = new ProblemSuggestionsModal(host, "LifeBetter/Problems/Slow checkout page.md", "Slow checkout page", { created: true });
  await showModal(root, modal);
  await modal.loaded;
}
