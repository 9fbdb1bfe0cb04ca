import { afterEach, describe, expect, it, vi } from "vitest";
import { SimilarNotesView } from "../../../src/ui/index/similar-notes-view";
import { memoryFixture, MEMORY_NOTES, rowTitles, type MemoryFixture } from "./memory-fixtures";

/** A question, an answer replying to it, a follow-up replying to the answer, a reply to that, and an entry with no thread. */
const THREAD_NOTES: Record<string, string> = {
  ...MEMORY_NOTES,
  "Entries/Why flaky.md": "---\nkind: entry\ntype: question\ntimestamp: 2026-03-01T09:00:00\n---\nWhy do the integration tests fail on CI?\n",
  "Entries/Warm-up race.md":
    '---\nkind: entry\ntype: insight\nparent: "[[Why flaky]]"\ntimestamp: 2026-03-01T10:00:00\n---\nThe cache warm-up races the runner.\n',
  "Entries/Delay it.md":
    '---\nkind: entry\ntype: idea\nparent: "[[Warm-up race]]"\ntimestamp: 2026-03-02T10:00:00\n---\nDelay the warm-up until the runner is up.\n',
  "Entries/<img src=x onerror=alert(2)> Tried.md":
    '---\nkind: entry\ntype: attempt\nparent: "[[Delay it]]"\ntimestamp: 2026-03-03T10:00:00\n---\nTried it: <script>x</script> fewer failures.\n',
};

async function openView(fixture: MemoryFixture, active: string): Promise<SimilarNotesView> {
  await fixture.activate(active);
  const leaf = fixture.app.workspace.getRightLeaf(false);
  if (!leaf) throw new Error("no right leaf");
  const view = new SimilarNotesView(leaf, fixture.host);
  view.load();
  await view.onOpen();
  document.body.appendChild(view.contentEl);
  return view;
}

const threadRows = (view: SimilarNotesView): HTMLElement[] => Array.from(view.contentEl.querySelectorAll<HTMLElement>(".lifebetter-similar-thread-row"));
const rowText = (row: HTMLElement): string =>
  `${row.querySelector(".lifebetter-timeline-type")?.textContent ?? ""}: ${row.querySelector(".lifebetter-thread-name")?.textContent ?? ""}`;

afterEach(() => document.body.empty());

describe("the thread in the similar-notes panel", () => {
  it("shows what the active entry replies to and every reply under it, indented, beside its similar notes", async () => {
    const fixture = await memoryFixture({ notes: THREAD_NOTES });
    const view = await openView(fixture, "Entries/Delay it.md");
    await vi.waitFor(() => expect(threadRows(view)).toHaveLength(4));
    expect(threadRows(view).map(rowText)).toEqual([
      "Question: Why flaky",
      "Insight: Warm-up race",
      "This idea: Delay it",
      "Reply · Attempt: <img src=x onerror=alert(2)> Tried",
    ]);
    expect(threadRows(view).map((row) => row.style.getPropertyValue("--lifebetter-thread-depth"))).toEqual(["0", "0", "1", "2"]);
    expect(view.contentEl.querySelector(".lifebetter-similar-thread-title")?.textContent).toBe("Thread · 4 entries");
    expect(view.contentEl.querySelector("img, script")).toBeNull(); // note names and text are text, never HTML
    expect(rowTitles(view.contentEl).length).toBeGreaterThan(0); // the similar notes are still listed
  });

  it("opens a thread entry with the keyboard (Tab to it, Enter) or a click, like the panel's other rows", async () => {
    const fixture = await memoryFixture({ notes: THREAD_NOTES });
    const view = await openView(fixture, "Entries/Warm-up race.md");
    await vi.waitFor(() => expect(threadRows(view)).toHaveLength(4));
    const [question, current, idea] = threadRows(view);
    expect(current?.getAttribute("aria-current")).toBe("true");
    expect(current?.hasAttribute("tabindex")).toBe(false); // the note already open is not a link
    expect(question?.getAttribute("tabindex")).toBe("0");
    question?.focus();
    question?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await vi.waitFor(() => expect(fixture.app.workspace.getActiveFile()?.path).toBe("Entries/Why flaky.md"));
    await fixture.activate("Entries/Warm-up race.md");
    idea?.click();
    await vi.waitFor(() => expect(fixture.app.workspace.getActiveFile()?.path).toBe("Entries/Delay it.md"));
  });

  it("shows no thread for an entry with neither parent nor replies, nor for other notes", async () => {
    const fixture = await memoryFixture({ notes: THREAD_NOTES });
    const view = await openView(fixture, "Entries/Bisect.md");
    await view.refresh();
    expect(threadRows(view)).toEqual([]);
    await fixture.activate("Entries/Why flaky.md");
    await view.refresh();
    await vi.waitFor(() =>
      expect(threadRows(view).map(rowText)).toEqual([
        "This question: Why flaky",
        "Reply · Insight: Warm-up race",
        "Reply · Idea: Delay it",
        "Reply · Attempt: <img src=x onerror=alert(2)> Tried",
      ]),
    );
    await fixture.activate("Problems/Flaky tests.md");
    await view.refresh();
    expect(threadRows(view)).toEqual([]);
  });
});
