/**
 * Made-up vaults for the review screens, dated from today so the real queue code finds them due,
 * and the view opened in a workspace pane. Browser-side, imported by the review *.screen.ts files.
 */
import { MarkdownRenderer } from "obsidian";
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import { addDaysTo, dayOf } from "../../src/core/dates/days";
import { loadSettings } from "../../src/core/settings";
import { ReviewView } from "../../src/ui/review/review-view";
import { makeApp } from "../support/obsidian-shims";

export const HOSTILE = "<img src=x onerror=alert(1)>";
const today = dayOf(new Date());
const day = (offset: number): string => addDaysTo(today, offset);

const skill = (due: string, extra: string, body: string, ease = "2.5"): string =>
  `---\nkind: meta-skill\nreview_due: ${due}\nreview_count: 3\nease: ${ease}\ninterval_days: 6\nreviewed_on:\n  - ${day(-7)}\n  - ${day(-1)}\n${extra}---\n${body}`;

/** Which card comes first: the most overdue skill, a decision, or a skill with a hand-edited ease. */
export type ReviewScene = "skill" | "decision" | "warning";

/** Two due skills, a due decision, two coming up, and entries and a problem that use a skill. */
export function reviewVault(scene: ReviewScene): Record<string, string> {
  return {
    "LifeBetter/Meta-skills/Divide and conquer.md": skill(
      day(-5),
      "uses_total: 4\nuses_success: 3\nuses_failed: 1\nhours_to_solution: 2.5\n",
      "## What it is\n\nSplit the problem in halves until the broken half is small enough to see.\n\n## When to use\n\nA bug hides somewhere in a big change, or a test fails only with everything together.\n\n## How to apply\n\n1. Find a good and a bad state.\n2. Test the middle.\n3. Keep the half that still fails.\n",
    ),
    "LifeBetter/Meta-skills/Rubber duck.md": skill(day(0), "", "## When to use\n\nStuck and alone.\n", scene === "warning" ? "high" : "2.5"),
    "LifeBetter/Meta-skills/Sleep on it.md": skill(day(2), "", "## When to use\n\nTired, going round in circles.\n"),
    "LifeBetter/Meta-skills/Write it down.md": skill(day(4), "", "## When to use\n\nToo much to hold in mind.\n"),
    "LifeBetter/Entries/Take the job.md": `---\nkind: entry\ntype: decision\ntimestamp: ${day(-60)}T10:00:00+01:00\nreview_on: ${day(scene === "decision" ? -9 : -1)}\nexpected_outcome: "More time to think, less commuting; ${HOSTILE}"\n---\nTake the job offer in Lyon, starting in January.\n`,
    "LifeBetter/Entries/Bisected the flaky test.md": `---\nkind: entry\ntype: attempt\ntimestamp: ${day(-3)}T09:00:00+01:00\nmeta_skills:\n  - "[[Divide and conquer]]"\n---\nFound the commit.\n`,
    "LifeBetter/Entries/Halved the import.md": `---\nkind: entry\ntype: solution\ntimestamp: ${day(-12)}T16:00:00+01:00\n---\nUsed [[Divide and conquer]] on the CSV.\n`,
    "LifeBetter/Problems/Flaky CI.md": `---\nkind: problem\nstatus: solved\nstarted: ${day(-20)}T09:00:00+01:00\nmeta_skills:\n  - "[[Divide and conquer]]"\n---\n`,
  };
}

/** The mock renders nothing: show the Markdown source as plain text, as a stand-in for Obsidian's renderer. */
function plainTextRenderer(): void {
  MarkdownRenderer.render = (_app, markdown, el) => {
    el.createDiv({ cls: "lifebetter-screen-markdown", text: markdown, attr: { style: "white-space: pre-wrap" } });
    return Promise.resolve();
  };
}

/** The review view opened in a pane inside `root`, as the "Review meta-skills" command shows it. */
export async function showReviewView(root: HTMLElement, scene: ReviewScene = "skill"): Promise<ReviewView> {
  plainTextRenderer();
  const { app } = makeApp(reviewVault(scene));
  const settings = loadSettings({});
  const view = new ReviewView(app.workspace.getLeaf(true), { app, repo: new ObsidianNoteRepository(app), settings: () => settings });
  // A tab in the main area (not a side pane): the view's content fills it.
  view.contentEl.addClass("view-content");
  root.appendChild(view.containerEl);
  await view.onOpen();
  return view;
}
