import { afterEach, describe, expect, it, vi } from "vitest";
import { captureEntry } from "../../../src/core/capture/capture-entry";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { createProblem } from "../../../src/core/problems/create-problem";
import { addSession } from "../../../src/core/problems/add-session";
import type { SearchResult } from "../../../src/core/index/index-types";
import { SIMILAR_VIEW_TYPE, SimilarNotesView } from "../../../src/ui/index/similar-notes-view";
import { contentOf, fileAt, notices, resetNotices, settle } from "../../support/obsidian-shims";
import { memoryFixture, rowFor, rowTitles, type MemoryFixture } from "./memory-fixtures";

const ACTIVE = "Problems/Flaky tests.md";
const XSS = "<img src=x onerror=alert(1)>";

async function openView(fixture: MemoryFixture, active: string | null = ACTIVE): Promise<SimilarNotesView> {
  if (active) await fixture.activate(active);
  const leaf = fixture.app.workspace.getRightLeaf(false);
  if (!leaf) throw new Error("no right leaf");
  const view = new SimilarNotesView(leaf, fixture.host);
  view.load();
  await view.onOpen();
  document.body.appendChild(view.contentEl);
  return view;
}

const status = (view: SimilarNotesView): string => view.contentEl.querySelector(".lifebetter-similar-status")?.textContent ?? "";

afterEach(() => {
  document.body.empty();
  resetNotices();
});

describe("similar notes sidebar", () => {
  it("lists notes like the active one with type badge, score and reason, private records hidden, note names shown as text", async () => {
    const fixture = await memoryFixture();
    const view = await openView(fixture);
    expect(view.getViewType()).toBe(SIMILAR_VIEW_TYPE);
    const titles = rowTitles(view.contentEl);
    expect(titles).toEqual(expect.arrayContaining(["Retry", "Bisect", XSS, "Links here"]));
    expect(titles).not.toContain("Flaky tests");
    expect(titles).not.toContain("Diary");
    expect(titles).not.toContain("Sleep");
    expect(status(view)).toBe(`${titles.length} similar notes for "Flaky tests"`);
    const retry = rowFor(view.contentEl, "Retry");
    expect(retry.querySelector(".lifebetter-badge")?.textContent).toBe("Attempt");
    expect(retry.querySelector(".lifebetter-result-score")?.textContent).toMatch(/^0\.\d\d$/);
    expect(retry.querySelector(".lifebetter-result-reason")?.textContent).toBe("close in meaning");
    // The passage of the similar note with the words that tell what the active note is about, marked.
    expect(retry.querySelector(".lifebetter-result-snippet")?.textContent).toBe(
      "Retried the integration tests on CI with the cache warm-up disabled: fewer fail.",
    );
    expect(Array.from(retry.querySelectorAll("mark")).map((m) => m.textContent?.toLowerCase())).toEqual(
      expect.arrayContaining(["integration", "tests", "cache"]),
    );
    expect(rowFor(view.contentEl, "Links here").querySelector(".lifebetter-badge.mod-linked")?.textContent).toBe("Linked");
    // The note named like an HTML tag is text: no element was made from it.
    expect(view.contentEl.querySelector("img")).toBeNull();
    expect(rowFor(view.contentEl, XSS).querySelector(".lifebetter-badge")?.textContent).toBe("Note");

    fixture.settings.showPrivate = true;
    await view.refresh();
    expect(rowFor(view.contentEl, "Diary").querySelector(".mod-private")?.textContent).toBe("Private");
  });

  it("respects the results count and hides linked notes with its switch, which is saved as the setting", async () => {
    const fixture = await memoryFixture();
    fixture.settings.similarResults = 2;
    const view = await openView(fixture);
    expect(rowTitles(view.contentEl)).toHaveLength(2);
    fixture.settings.similarResults = 10;
    await view.refresh();
    expect(rowTitles(view.contentEl)).toEqual(expect.arrayContaining(["Retry", "Links here"]));
    const hide = view.contentEl.querySelector<HTMLInputElement>(".lifebetter-similar-hide-linked input");
    if (!hide) throw new Error("no hide-linked switch");
    expect(hide.checked).toBe(false);
    hide.checked = true;
    hide.dispatchEvent(new Event("change"));
    // Links here links to the problem, Retry too (its problem property): linked either way is hidden.
    await vi.waitFor(() => expect(rowTitles(view.contentEl)).not.toContain("Links here"));
    expect(rowTitles(view.contentEl)).not.toContain("Retry");
    expect(rowTitles(view.contentEl)).toContain("Bisect");
    expect(fixture.settings.hideLinked).toBe(true);
    expect(fixture.saveSettings).toHaveBeenCalled();
  });

  it("filters by kind and says so when nothing of that kind is similar", async () => {
    const fixture = await memoryFixture();
    const view = await openView(fixture, "Entries/Bisect.md");
    const kind = view.contentEl.querySelector<HTMLSelectElement>("select.lifebetter-similar-kind");
    if (!kind) throw new Error("no kind filter");
    kind.value = "problem";
    kind.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(rowTitles(view.contentEl)).toEqual(["Flaky tests"]));
    kind.value = "reflection";
    kind.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(rowTitles(view.contentEl)).toEqual([]));
    expect(status(view)).toBe('No similar reflection notes for "Bisect" yet. Choose all kinds to see every note.');
  });

  it("accepts a similar note as a typed connection: a link in the active note's property, the body untouched, the row shown as linked", async () => {
    const fixture = await memoryFixture();
    const view = await openView(fixture);
    const bodyBefore = contentOf(fixture.mock, ACTIVE).split("---\n")[2];
    rowFor(view.contentEl, "Bisect").querySelector<HTMLButtonElement>(".lifebetter-connect")?.click();
    const picker = rowFor(view.contentEl, "Bisect").querySelector(".lifebetter-connect-picker");
    expect(Array.from(picker?.querySelectorAll("button") ?? []).map((b) => b.textContent)).toEqual([
      "Related",
      "Caused by",
      "Solved by",
      "Similar to",
      "Opposite of",
      "Prerequisite for",
    ]);
    picker?.querySelector<HTMLButtonElement>('[data-type="similar_to"]')?.click();
    await vi.waitFor(() => expect(rowFor(view.contentEl, "Bisect").querySelector(".mod-linked")?.textContent).toBe("Linked · similar to"));
    const text = contentOf(fixture.mock, ACTIVE);
    const parsed = parseNote(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.properties.similar_to).toEqual(["[[Bisect]]"]);
    expect(text.split("---\n")[2]).toBe(bodyBefore);
    expect(notices.map((n) => n.text)).toContain('Linked "Bisect" from "Flaky tests" as similar to.');
    // The same type cannot be added twice: its button shows as pressed.
    rowFor(view.contentEl, "Bisect").querySelector<HTMLButtonElement>(".lifebetter-connect")?.click();
    const pressed = rowFor(view.contentEl, "Bisect").querySelector<HTMLButtonElement>('[data-type="similar_to"]');
    expect(pressed?.getAttribute("aria-pressed")).toBe("true");
    expect(pressed?.disabled).toBe(true);
  });

  it("opens a note on click, in a new tab on mod-click, asks for a page preview on hover, and drags a link", async () => {
    const fixture = await memoryFixture();
    const view = await openView(fixture);
    const hovers: unknown[] = [];
    // "hover-link" is triggered by views and heard by the page-preview plugin; not in the typed events.
    (fixture.app.workspace as unknown as { on(name: string, callback: (info: unknown) => void): void }).on("hover-link", (info) => hovers.push(info));
    const leavesBefore = fixture.app.workspace.getLeavesOfType("").length;

    const row = rowFor(view.contentEl, "Bisect");
    row.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    expect(hovers).toEqual([expect.objectContaining({ source: SIMILAR_VIEW_TYPE, linktext: "Entries/Bisect.md", sourcePath: ACTIVE, targetEl: row })]);

    const data = new Map<string, string>();
    const drag = new Event("dragstart", { bubbles: true }) as DragEvent;
    Object.defineProperty(drag, "dataTransfer", { value: { setData: (type: string, value: string) => data.set(type, value) } });
    row.dispatchEvent(drag);
    expect(row.getAttribute("draggable")).toBe("true");
    expect(data.get("text/plain")).toBe("[[Bisect]]");

    row.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true, metaKey: true }));
    await settle();
    expect(fixture.app.workspace.getActiveFile()?.path).toBe("Entries/Bisect.md");
    expect(fixture.app.workspace.getLeavesOfType("").length).toBe(leavesBefore + 1);

    await fixture.activate(ACTIVE);
    rowFor(view.contentEl, "Retry").dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await settle();
    expect(fixture.app.workspace.getActiveFile()?.path).toBe("Entries/Retry.md");
    expect(fixture.app.workspace.getLeavesOfType("").length).toBe(leavesBefore + 1);
  });

  it("follows the active note and its edits, keeping the old list on screen until the new one arrives", async () => {
    const fixture = await memoryFixture();
    const view = await openView(fixture);
    const before = rowTitles(view.contentEl);
    // The next answer is held back: the list must not blank meanwhile.
    let release = (): void => undefined;
    const findSimilar = fixture.client.findSimilar.bind(fixture.client);
    const held = vi.spyOn(fixture.client, "findSimilar").mockImplementationOnce(async (...args) => {
      await new Promise<void>((resolve) => (release = resolve));
      return findSimilar(...args);
    });
    await fixture.activate("Entries/Sleep.md");
    await vi.waitFor(() => expect(held).toHaveBeenCalled());
    expect(rowTitles(view.contentEl)).toEqual(before);
    expect(view.contentEl.querySelector(".lifebetter-similar-list")?.classList.contains("is-loading")).toBe(true);
    expect(status(view)).toBe('Finding notes like "Sleep"…');
    release();
    await vi.waitFor(() => expect(status(view)).toMatch(/for "Sleep"/));
    expect(rowTitles(view.contentEl)).not.toEqual(before);

    // Editing the note: the list follows once the index has read the new text.
    await fixture.app.vault.modify(
      fileAt(fixture.app, "Entries/Sleep.md"),
      "---\nkind: entry\ntype: insight\n---\nIntegration tests fail on CI after the cache warm-up.\n",
    );
    await vi.waitFor(() => expect(rowTitles(view.contentEl)).toContain("Bisect"), { timeout: 5000 });
  });

  it("says what is going on when there is no note, the index is building, unavailable, or has no model", async () => {
    const fixture = await memoryFixture();
    const empty = await openView(fixture, null);
    expect(status(empty)).toBe("Open a note to see notes like it.");

    fixture.availability.current = { state: "building" };
    const building = await openView(fixture);
    expect(status(building)).toBe("Indexing your vault… similar notes appear when it is done.");
    fixture.availability.current = { state: "ready", queries: fixture.client };
    fixture.markReady();
    await vi.waitFor(() => expect(rowTitles(building.contentEl).length).toBeGreaterThan(0));

    fixture.availability.current = { state: "unavailable", reason: "the search index could not start" };
    await building.refresh();
    expect(status(building)).toBe("Similar notes are unavailable: the search index could not start.");
    expect(rowTitles(building.contentEl)).toEqual([]);

    fixture.settings.excludedFolders = ["Problems"];
    fixture.availability.current = { state: "ready", queries: fixture.client };
    await building.refresh();
    expect(status(building)).toMatch(/^"Flaky tests" is in a folder left out of the index/);

    const wordsOnly = await memoryFixture({ model: false });
    const view = await openView(wordsOnly);
    expect(view.contentEl.querySelector(".lifebetter-similar-notice")?.textContent).toMatch(/^Matching by words only: /);
    expect(rowTitles(view.contentEl).length).toBeGreaterThan(0);
  });

  it("drops an answer that arrives after a newer question", async () => {
    const fixture = await memoryFixture();
    const view = await openView(fixture);
    let release = (): void => undefined;
    const stale: SearchResult[] = [{ path: "Entries/Sleep.md", id: null, title: "Stale", kind: null, score: 1 }];
    vi.spyOn(fixture.client, "findSimilar").mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(stale))));
    const first = view.refresh();
    await view.refresh();
    release();
    await first;
    expect(rowTitles(view.contentEl)).not.toContain("Stale");
  });

  it.each([
    ["with a model", true],
    ["without a model", false],
  ])("never shows two unrelated records created by LifeBetter as similar (%s)", async (_name, model) => {
    const fixture = await memoryFixture({ notes: {}, model });
    const repo = fixture.host.repo;
    const now = new Date("2026-12-01T08:00:00Z");
    const bread = await createProblem(repo, { title: "Bake sourdough bread" }, fixture.settings, now);
    const pods = await createProblem(repo, { title: "Kubernetes pod eviction", description: "Pods get evicted under memory pressure." }, fixture.settings, now);
    for (const [path, activity] of [
      [bread.path, "fed the starter"],
      [pods.path, "read kubelet logs"],
    ] as const) {
      await addSession(repo, path, { start: "2026-12-01T09:00:00Z", end: "2026-12-01T10:00:00Z", focus: 7, energy: 6, activity }, now);
    }
    const dinner = await captureEntry(repo, { type: "question", text: "What should I cook for dinner", source: "modal" }, fixture.settings, now);
    const docker = await captureEntry(repo, { type: "insight", text: "Docker layers cache the build", source: "modal" }, fixture.settings, now);
    await fixture.client.idle();
    fixture.markReady();
    for (const [active, other] of [
      [bread.path, pods.path],
      [pods.path, bread.path],
      [dinner.path, docker.path],
      [docker.path, dinner.path],
    ]) {
      const view = await openView(fixture, active);
      await vi.waitFor(() => expect(status(view)).toMatch(/similar note|^No /));
      const name = (other ?? "").split("/").pop()!.replace(/\.md$/, "");
      expect(rowTitles(view.contentEl), `${active} shows ${other}`).not.toContain(name);
      view.contentEl.remove();
    }
  });
});
