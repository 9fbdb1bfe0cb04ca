import { describe, expect, it, vi } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { parseNote } from "../../../src/core/codec/frontmatter";
import type { PatternProposal, PatternReport } from "../../../src/core/patterns/pattern-types";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { PatternsPanel, type PatternsPanelActions } from "../../../src/ui/patterns/patterns-panel";
import { PatternsView } from "../../../src/ui/patterns/patterns-view";
import { findPatterns } from "../../../src/core/patterns/engine";
import { loadRecords } from "../../../src/core/vault/records";
import { settledIndex } from "../../support/index-access";
import { contentOf, makeApp } from "../../support/obsidian-shims";
import { patternVault } from "../../support/pattern-vault";

const focus: PatternProposal = {
  key: "temporal/focus/hour/morning",
  name: "Focus is higher in morning sessions",
  description: "Your focus averaged 8 in morning sessions against 5.",
  pattern_type: "temporal",
  confidence: 0.86,
  why: "Compared your focus in morning sessions (40 sessions) against the other 80 sessions (40 observations in the smaller group): a difference of 1.2 standard deviations (90% interval 0.9 to 1.5).",
  positive: true,
  evidence: Array.from({ length: 8 }, (_, i) => `Problems/P${i}.md`),
  suggestion: "Plan your hardest work in the morning.",
  chart: { kind: "bar", title: "Session focus by hour of day", labels: ["08h", "15h"], series: [{ label: "Average focus", values: [8, 5] }], yLabel: "focus" },
  occurrences: 8,
};
const habit: PatternProposal = {
  ...focus,
  key: "behavioral/habit/meditate",
  name: "You have been skipping <b>Meditate</b> lately",
  pattern_type: "behavioral",
  confidence: 0.79,
  positive: false,
  evidence: ["Reflections/2026-10-01.md"],
  chart: {
    kind: "calendar",
    title: "Meditate: last 12 weeks",
    habit: "Meditate",
    days: [
      { date: "2026-10-01", done: true },
      { date: "2026-10-02", done: false },
    ],
  },
};
const report: PatternReport = { proposals: [focus, habit], overview: [focus.chart, habit.chart], tested: 40 };

function panel(decide: PatternsPanelActions["decide"] = () => Promise.resolve("LifeBetter/Patterns/Saved.md")) {
  const root = createDiv();
  document.body.appendChild(root);
  const actions = { openNote: vi.fn(), decide: vi.fn(decide), refresh: vi.fn() };
  const shown = new PatternsPanel(root, actions);
  void shown.showReport(report, 612);
  const cards = () => [...root.querySelectorAll<HTMLElement>(".lifebetter-pattern-card")];
  const button = (card: HTMLElement, text: string) => [...card.querySelectorAll("button")].find((b) => b.textContent === text)!;
  return { root, actions, cards, button };
}

describe("the pattern panel", () => {
  it("lists the proposals in order with confidence, kind, suggestion and a chart described in words where no canvas draws", () => {
    const { root, cards } = panel();
    expect(root.querySelector(".lifebetter-patterns-status")!.textContent).toBe("2 patterns from 612 notes, most confident first.");
    expect(cards().map((c) => c.querySelector("h3")!.textContent)).toEqual([focus.name, habit.name]);
    expect(cards()[0]!.textContent).toContain("86% confidence");
    expect(cards()[0]!.textContent).toContain("Temporal");
    expect(cards()[0]!.textContent).toContain("Try this: Plan your hardest work in the morning.");
    // happy-dom has no canvas: the chart's description stands in for it.
    expect(cards()[0]!.querySelector(".lifebetter-chart-fallback")!.textContent).toBe("Session focus by hour of day. Average focus: 08h 8, 15h 5.");
    expect(cards()[1]!.querySelectorAll(".lifebetter-habit-day.is-done")).toHaveLength(1);
    expect(root.querySelectorAll(".lifebetter-patterns-overview .lifebetter-chart")).toHaveLength(2);
    // Note text is shown as text, never as HTML.
    expect(cards()[1]!.querySelector("h3 b")).toBeNull();
  });

  it("says in plain words why each pattern was proposed", () => {
    const { cards } = panel();
    const why = cards()[0]!.querySelector("details.lifebetter-pattern-why")!;
    expect(why.querySelector("summary")!.textContent).toBe("Why this was proposed");
    expect(why.querySelector("p")!.textContent).toBe(focus.why);
  });

  it("opens evidence on click (a new tab with Ctrl) and shows the rest on request", () => {
    const { actions, cards } = panel();
    const links = () => [...cards()[0]!.querySelectorAll<HTMLAnchorElement>(".lifebetter-pattern-evidence a")];
    expect(links()).toHaveLength(6);
    links()[1]!.click();
    expect(actions.openNote).toHaveBeenCalledWith("Problems/P1.md", false);
    links()[2]!.dispatchEvent(new MouseEvent("click", { ctrlKey: true, bubbles: true }));
    expect(actions.openNote).toHaveBeenLastCalledWith("Problems/P2.md", "tab");
    links()[3]!.dispatchEvent(new MouseEvent("click", { ctrlKey: true, altKey: true, bubbles: true }));
    expect(actions.openNote).toHaveBeenLastCalledWith("Problems/P3.md", "split");
    [...cards()[0]!.querySelectorAll("button")].find((b) => b.textContent === "Show all 8")!.click();
    expect(links()).toHaveLength(8);
  });

  it("confirms, rates and saves feedback through the host, and says what happened", async () => {
    const { actions, cards, button } = panel();
    const card = cards()[0]!;
    button(card, "Confirm").click();
    await vi.waitFor(() => expect(card.classList.contains("is-confirmed")).toBe(true));
    expect(actions.decide).toHaveBeenCalledWith(expect.objectContaining({ key: focus.key }), { status: "confirmed" });
    expect(card.querySelector(".lifebetter-pattern-saved")!.textContent).toBe("Confirmed: saved to Saved.");
    expect(button(card, "Dismiss").disabled).toBe(true);
    button(card, "4").click();
    await vi.waitFor(() => expect(button(card, "4").getAttribute("aria-pressed")).toBe("true"));
    expect(actions.decide).toHaveBeenLastCalledWith(expect.objectContaining({ notePath: "LifeBetter/Patterns/Saved.md" }), { helpful: 4 });
    card.querySelector("textarea")!.value = "Mornings it is";
    button(card, "Save feedback").click();
    await vi.waitFor(() => expect(actions.decide).toHaveBeenLastCalledWith(expect.anything(), { feedback: "Mornings it is" }));
  });

  it("keeps the buttons usable and says why when a decision cannot be saved", async () => {
    const { cards, button } = panel(() => Promise.reject(new Error("the folder is read-only")));
    const card = cards()[1]!;
    button(card, "Dismiss").click();
    await vi.waitFor(() => expect(card.querySelector(".lifebetter-pattern-saved")!.textContent).toBe("Not saved: the folder is read-only"));
    expect(button(card, "Dismiss").disabled).toBe(false);
    expect(card.classList.contains("is-dismissed")).toBe(false);
  });
});

describe("the pattern view in Obsidian", () => {
  it("finds the planted patterns, and a confirmed one is written as a Pattern note and not proposed again", async () => {
    const { app, mock } = makeApp(patternVault(1).files);
    const repo = new ObsidianNoteRepository(app);
    // An index without a model gives no vectors: themes are read by their words.
    const vectors = vi.fn(() => Promise.resolve({}));
    const view = new PatternsView(app.workspace.getLeaf(true), { repo, settings: () => DEFAULT_SETTINGS, index: settledIndex({ noteVectors: vectors }) });
    await view.onOpen();
    const cards = () => [...view.contentEl.querySelectorAll<HTMLElement>(".lifebetter-pattern-card")];
    expect(cards().length).toBeGreaterThanOrEqual(9);
    const asked = (vectors.mock.calls as unknown as string[][][])[0]![0]!;
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.every((path) => path.startsWith("LifeBetter/Entries/"))).toBe(true);
    expect(cards().some((card) => card.querySelector("h3")!.textContent.startsWith("Blockers about ci"))).toBe(true);
    const first = cards().find((card) => card.querySelector("h3")!.textContent.startsWith("Mood is"))!;
    const name = first.querySelector("h3")!.textContent;
    [...first.querySelectorAll("button")].find((b) => b.textContent === "Confirm")!.click();
    await vi.waitFor(() => expect(first.classList.contains("is-confirmed")).toBe(true));
    const path = `LifeBetter/Patterns/${name}.md`;
    const parsed = parseNote(contentOf(mock, path));
    expect(parsed.ok && parsed.properties).toMatchObject({ kind: "pattern", status: "confirmed", pattern_type: "emotional" });
    await view.refresh();
    expect(cards().map((c) => c.querySelector("h3")!.textContent)).not.toContain(name);
    await view.onClose();
    expect(view.contentEl.querySelectorAll(".lifebetter-pattern-card")).toHaveLength(0);
  }, 120_000);

  it("looks again by itself when a record changes, never for an ordinary note, and drops a pattern dismissed in its note", async () => {
    const { app } = makeApp({ ...patternVault(1).files, "Notes/Groceries.md": "Milk\n" });
    const repo = new ObsidianNoteRepository(app);
    const view = new PatternsView(app.workspace.getLeaf(true), { repo, settings: () => DEFAULT_SETTINGS });
    await view.onOpen();
    const names = () => [...view.contentEl.querySelectorAll<HTMLElement>(".lifebetter-pattern-card h3")].map((h) => h.textContent);
    const first = names()[0]!;
    const listFiles = vi.spyOn(repo, "listFiles");
    await app.vault.modify(app.vault.getFileByPath("Notes/Groceries.md")!, "Milk, eggs\n");
    await new Promise((resolve) => setTimeout(resolve, 2500)); // longer than the view's debounce
    expect(listFiles).not.toHaveBeenCalled();
    // The user dismisses the first pattern by writing its note by hand (as a synced device would).
    const report = await findPatterns(await loadRecords(repo, DEFAULT_SETTINGS));
    const key = report.proposals.find((p) => p.name === first)!.key;
    await app.vault.create("LifeBetter/Patterns/Not for me.md", `---\nkind: pattern\npattern_key: ${key}\nstatus: dismissed\n---\n`);
    // The new report is drawn a few cards per frame: wait for all of it.
    await vi.waitFor(
      () => {
        expect(names()).not.toContain(first);
        expect(names().length).toBeGreaterThan(5);
      },
      { timeout: 60_000, interval: 200 },
    );
    expect(listFiles).toHaveBeenCalled();
    await view.onClose();
  }, 120_000);
});

describe("a finding grouped from several comparisons", () => {
  it("explains each comparison on a line of its own", () => {
    const root = createDiv();
    document.body.appendChild(root);
    const why = [
      "Compared the 10 attempts that used Sleep on it (8 succeeded) against the 10 that used Brute force (2 succeeded) (10 observations in the smaller group): success rates 42 points apart. The confidence shown is this comparison's (0.88); each other one has its own:",
      "Compared the 10 attempts that used Sleep on it (8 succeeded) against the 12 that used Timeboxing (3 succeeded): success rates 36 points apart; confidence 0.61 on its own.",
    ];
    const grouped: PatternProposal = {
      ...focus,
      key: "problem-solving/skill-contrast/sleep on it over others",
      name: "Sleep on it works better for you than Brute force and Timeboxing: 8 of 10 against 2 of 10 and 3 of 12 attempts",
      why: why.join("\n"),
    };
    void new PatternsPanel(root, { openNote: vi.fn(), decide: vi.fn(), refresh: vi.fn() }).showReport({ proposals: [grouped], overview: [], tested: 40 }, 100);
    const lines = [...root.querySelectorAll("details.lifebetter-pattern-why p")].map((p) => p.textContent);
    expect(lines).toEqual(why);
  });
});

describe("drawing a report in slices", () => {
  it("draws a chart or a card per step between the read's ticks, so a long report is drawn over several frames", async () => {
    const root = createDiv();
    document.body.appendChild(root);
    let ticks = 0;
    // The third step never ends (a frame that has not come yet): what is drawn by then stays, nothing more.
    const tick = (): Promise<void> => (++ticks < 3 ? Promise.resolve() : new Promise<void>(() => undefined));
    void new PatternsPanel(root, { openNote: vi.fn(), decide: vi.fn(), refresh: vi.fn() }).showReport(report, 612, tick);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelectorAll(".lifebetter-chart-card")).toHaveLength(2);
    expect(root.querySelectorAll(".lifebetter-pattern-card")).toHaveLength(1);
  });
});
