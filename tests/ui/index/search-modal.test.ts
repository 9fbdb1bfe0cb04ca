import { afterEach, describe, expect, it, vi } from "vitest";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import { tempStaticModel } from "../../support/models/temp-models";
import { SearchByMeaningModal, searchOptions } from "../../../src/ui/index/search-modal";
import { openModals, pressKey, settle } from "../../support/obsidian-shims";
import { memoryFixture, rowTitles, type MemoryFixture } from "./memory-fixtures";

const NOTES: Record<string, string> = {
  "Problems/Flaky tests.md": "---\nkind: problem\n---\nIntegration tests fail on CI.\n",
  "Entries/Retry.md":
    '---\nkind: entry\ntype: attempt\nproblem: "[[Flaky tests]]"\ntimestamp: 2026-03-02T10:00:00Z\ntags: [ci]\n---\nRetried the integration tests with the cache off.\n',
  "Entries/Bisect.md":
    "---\nkind: entry\ntype: question\ntimestamp: 2026-05-10T10:00:00Z\ntags: [ci/flaky]\n---\nWhy do the integration tests fail after the cache warm-up?\n",
  "Entries/Garden.md": "---\nkind: entry\ntype: insight\ntimestamp: 2026-05-11T10:00:00Z\n---\nTomatoes like morning water.\n",
  "Journal/Diary.md": "---\nprivate: true\n---\nIntegration tests again, sigh.\n",
  "Notes/<img src=x onerror=alert(1)>.md": "integration tests notes\n",
};

function open(fixture: MemoryFixture): SearchByMeaningModal {
  const modal = new SearchByMeaningModal(fixture.host);
  modal.open();
  return modal;
}

function control<T extends HTMLElement>(modal: SearchByMeaningModal, label: string): T {
  const el = modal.contentEl.querySelector<T>(`[aria-label="${label}"]`);
  if (!el) throw new Error(`no "${label}"`);
  return el;
}

function typeInto(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === "SELECT" || el.type === "date" ? "change" : "input"));
}

const status = (modal: SearchByMeaningModal): string => modal.contentEl.querySelector(".lifebetter-search-status")?.textContent ?? "";

afterEach(() => {
  for (const modal of [...openModals]) (modal as SearchByMeaningModal).close();
});

describe("search by meaning modal", () => {
  it("shows results as the user types, private records hidden and note names as text", async () => {
    const fixture = await memoryFixture({ notes: NOTES });
    const modal = open(fixture);
    expect(status(modal)).toBe("Type a question or a few words; notes close in meaning are found too.");
    typeInto(control(modal, "Search"), "integration tests");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl).length).toBeGreaterThan(0));
    const titles = rowTitles(modal.contentEl);
    expect(titles).toEqual(expect.arrayContaining(["Retry", "Bisect", "Flaky tests", "<img src=x onerror=alert(1)>"]));
    expect(titles).not.toContain("Diary");
    expect(titles).not.toContain("Garden");
    expect(modal.contentEl.querySelector("img")).toBeNull();
    expect(status(modal)).toBe(`${titles.length} notes`);
  });

  it("narrows by kind, entry type, tags, date range and problem", async () => {
    const fixture = await memoryFixture({ notes: NOTES });
    const modal = open(fixture);
    typeInto(control(modal, "Search"), "integration tests");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl)).toContain("Flaky tests"));
    typeInto(control<HTMLSelectElement>(modal, "Kind"), "entry");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl)).not.toContain("Flaky tests"));
    typeInto(control<HTMLSelectElement>(modal, "Entry type"), "question");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl)).toEqual(["Bisect"]));
    typeInto(control<HTMLSelectElement>(modal, "Entry type"), "");
    typeInto(control(modal, "Tags"), "#ci");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl).sort()).toEqual(["Bisect", "Retry"]));
    typeInto(control(modal, "To"), "2026-03-02");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl)).toEqual(["Retry"]));
    typeInto(control(modal, "To"), "");
    typeInto(control(modal, "From"), "2026-05-01");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl)).toEqual(["Bisect"]));
    typeInto(control(modal, "From"), "");
    typeInto(control(modal, "Problem"), "Flaky tests");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl)).toEqual(["Retry"]));
    typeInto(control(modal, "Search"), "zebra xylophone");
    await vi.waitFor(() => expect(status(modal)).toBe("No notes match. Try other words or fewer filters."));
  });

  it("moves with the arrow keys, opens with Enter, and in a new tab with Mod+Enter", async () => {
    const fixture = await memoryFixture({ notes: NOTES });
    const modal = open(fixture);
    const query = control<HTMLInputElement>(modal, "Search");
    typeInto(query, "integration tests");
    await vi.waitFor(() => expect(rowTitles(modal.contentEl).length).toBeGreaterThan(2));
    const selected = (): string => modal.contentEl.querySelector(".lifebetter-result.is-selected .lifebetter-result-title")?.textContent ?? "";
    const titles = rowTitles(modal.contentEl);
    expect(selected()).toBe(titles[0]);
    expect(pressKey(modal.scope, "ArrowDown", [], query)).toBe(true);
    expect(pressKey(modal.scope, "ArrowDown", [], query)).toBe(true);
    expect(pressKey(modal.scope, "ArrowUp", [], query)).toBe(true);
    expect(selected()).toBe(titles[1]);
    // Arrow keys in a filter keep their meaning there.
    expect(pressKey(modal.scope, "ArrowDown", [], control(modal, "Kind"))).toBe(false);
    expect(selected()).toBe(titles[1]);

    const leaves = (): number => fixture.app.workspace.getLeavesOfType("").length;
    const before = leaves();
    expect(pressKey(modal.scope, "Enter", [], query)).toBe(true);
    await settle();
    expect(openModals.has(modal)).toBe(false);
    expect(fixture.app.workspace.getActiveFile()?.basename).toBe(titles[1]);
    expect(leaves()).toBe(before + 1);

    const again = open(fixture);
    typeInto(control(again, "Search"), "integration tests");
    await vi.waitFor(() => expect(rowTitles(again.contentEl).length).toBeGreaterThan(0));
    const first = rowTitles(again.contentEl)[0];
    const mod = new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, metaKey: true });
    Object.defineProperty(mod, "target", { value: control(again, "Search") });
    const handler = (again.scope as unknown as { handlers: { key: string; modifiers: string | null; func: (e: KeyboardEvent) => unknown }[] }).handlers.find(
      (h) => h.key === "Enter" && h.modifiers === "Mod",
    );
    expect(handler?.func(mod)).toBe(false);
    await settle();
    expect(fixture.app.workspace.getActiveFile()?.basename).toBe(first);
    expect(leaves()).toBe(before + 2);
  });

  it("tells the user while the index is building and searches once it is ready", async () => {
    const fixture = await memoryFixture({ notes: NOTES });
    fixture.availability.current = { state: "building" };
    const modal = open(fixture);
    expect(status(modal)).toBe("Indexing your vault… results appear when it is done.");
    typeInto(control(modal, "Search"), "integration tests");
    await settle(20);
    expect(rowTitles(modal.contentEl)).toEqual([]);
    fixture.availability.current = { state: "ready", queries: fixture.client };
    fixture.markReady();
    await vi.waitFor(() => expect(rowTitles(modal.contentEl)).toContain("Retry"));
  });

  it("turns the filter fields into search options (the To date covers its whole day)", () => {
    expect(
      searchOptions({ kind: "entry", type: "", tags: "#ci, home  work", since: "2026-01-01", until: "2026-01-31", problem: " [[Ship v2]] " }, true),
    ).toEqual({
      limit: 30,
      hidePrivate: true,
      kind: "entry",
      tags: ["ci", "home", "work"],
      since: "2026-01-01T00:00:00",
      until: "2026-01-31T23:59:59.999",
      problem: "[[Ship v2]]",
    });
  });

  it("with a sentence model, a paraphrase sharing no word is the first row, above a long note sharing one weak word", async () => {
    const model = await tempStaticModel();
    try {
      const load = await loadNodeEmbedder({ model: model.folder });
      if (!load.ok) throw new Error(load.unavailable.reason);
      const ride =
        "Weekly ride log: forty kilometres along the river, hill repeats on the quarry road, check tyre pressure before the club ride, ninety kilometres to the coast, ice cream at the pier.";
      const fixture = await memoryFixture({
        notes: { "Notes/Nightly crash.md": "The failing test in the sync plugin crashes every night.\n", "Notes/Bicycle log.md": `${ride}\n` },
        embedder: load.embedder,
      });
      const modal = open(fixture);
      typeInto(control(modal, "Search"), "repair the broken check");
      await vi.waitFor(() => expect(rowTitles(modal.contentEl)).toHaveLength(2));
      expect(rowTitles(modal.contentEl)).toEqual(["Nightly crash", "Bicycle log"]);
      const scores = Array.from(modal.contentEl.querySelectorAll(".lifebetter-result-score")).map((el) => Number(el.textContent));
      expect(scores[0]).toBeGreaterThan(scores[1]!);
      // Each row shows the passage that matched, the query's words marked.
      const rideRow = modal.contentEl.querySelectorAll<HTMLElement>(".lifebetter-result").item(1);
      expect(rideRow.querySelector(".lifebetter-result-snippet")?.textContent).toContain("check tyre pressure before the club ride");
      expect(Array.from(rideRow.querySelectorAll("mark")).map((m) => m.textContent)).toEqual(["check"]);
    } finally {
      await model.cleanup();
    }
  });
});
