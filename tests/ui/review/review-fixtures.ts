import type { App as AppOriginal } from "obsidian";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { loadSettings, type LifeBetterSettings } from "../../../src/core/settings";
import type { VaultContext } from "../../../src/ui/plugin-context";
import { ReviewView } from "../../../src/ui/review/review-view";
import { afterEach } from "vitest";
import { contentOf, makeApp, openModals, useFixedClock } from "../../support/obsidian-shims";
export { propertiesOf } from "../../support/note-properties";
import { propertiesOf } from "../../support/note-properties";

/** The day every review test runs on (local time). */
export const NOW = new Date(2026, 10, 24, 9, 30);
export const SKILLS = "LifeBetter/Meta-skills";
export const ENTRIES = "LifeBetter/Entries";

export const DIVIDE_BODY =
  "## What it is\n\nSplit the problem in halves.\n\n## When to use\n\nThe bug hides in a big change.\n\n## How to apply\n\nBisect until one step is left.\n";

/** A small vault: two skills due (one five days late), one not due, a due decision, and notes using a skill. */
export const REVIEW_VAULT: Record<string, string> = {
  [`${SKILLS}/Divide and conquer.md`]:
    "---\nid: 1\nkind: meta-skill\nreview_due: 2026-11-19\nreview_count: 3\nease: 2.5\ninterval_days: 6\nreviewed_on:\n  - 2026-11-13\nuses_total: 4\nuses_success: 3\nuses_failed: 1\nhours_to_solution: 2.5\n---\n" +
    DIVIDE_BODY,
  [`${SKILLS}/Rubber duck.md`]:
    "---\nid: 2\nkind: meta-skill\nreview_due: 2026-11-24\nreview_count: 1\nease: 2.5\ninterval_days: 1\nreviewed_on:\n  - 2026-11-23\n---\n## What it is\n\nExplain it aloud.\n\n## When to use\n\nStuck and alone.\n",
  [`${SKILLS}/Sleep on it.md`]:
    "---\nid: 3\nkind: meta-skill\nreview_due: 2026-12-01\nreview_count: 2\nease: 2.5\ninterval_days: 6\n---\n## When to use\n\nTired.\n",
  [`${ENTRIES}/2026-10-01 Take the job.md`]:
    "---\nid: 4\nkind: entry\ntype: decision\ntimestamp: 2026-10-01T10:00:00+02:00\nreview_on: 2026-11-20\nexpected_outcome: More time to think\n---\nTake the job offer in Lyon.\n",
  [`${ENTRIES}/2026-11-02 Bisected the flaky test.md`]:
    '---\nid: 5\nkind: entry\ntype: attempt\ntimestamp: 2026-11-02T09:00:00+01:00\nmeta_skills:\n  - "[[Divide and conquer]]"\n---\nFound it.\n',
  "LifeBetter/Problems/Flaky CI.md":
    '---\nid: 6\nkind: problem\nstatus: solved\nstarted: 2026-10-20T09:00:00+02:00\nmeta_skills:\n  - "[[Divide and conquer]]"\n---\n',
};

/** The body of a note, after its frontmatter. */
export function bodyOf(text: string): string {
  const parsed = parseNote(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.parts.body;
}

export interface OpenedView {
  app: AppOriginal;
  mock: ReturnType<typeof makeApp>["mock"];
  view: ReviewView;
  settings: LifeBetterSettings;
  text: () => string;
  props: (path: string) => Record<string, unknown>;
}

/** The review view on a mock vault, attached to the document (so focus is real) and opened. */
/** Views a test opened: closed after it, so no refresh of theirs runs once the test's DOM is gone. */
const openViews = new Set<ReviewView>();

export async function openView(files: Record<string, string> = REVIEW_VAULT, settings: LifeBetterSettings = loadSettings({})): Promise<OpenedView> {
  const { app, mock } = makeApp(files);
  const host: VaultContext = { app, repo: new ObsidianNoteRepository(app), settings: () => settings };
  const view = new ReviewView(app.workspace.getLeaf(true), host);
  openViews.add(view);
  document.body.appendChild(view.containerEl);
  await view.onOpen();
  return {
    app,
    mock,
    view,
    settings,
    text: () => view.contentEl.textContent ?? "",
    props: (path) => propertiesOf(contentOf(mock, path)),
  };
}

/** A key pressed where the keyboard focus is, as the browser dispatches it. */
export function press(key: string): void {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
}

/** Every review test runs on NOW; modals and views opened by a test are gone after it. */
export function useReviewClock(): void {
  useFixedClock(NOW);
  // Registered after useFixedClock's, so it runs first (hooks unwind as a stack): the modals are still known.
  afterEach(async () => {
    for (const modal of [...openModals]) (modal as { close(): void }).close();
    for (const view of openViews) {
      await view.onClose();
      view.unload();
    }
    openViews.clear();
    document.body.empty();
  });
}
