import { composeNote } from "../../../src/core/codec/frontmatter";
import { dayOf } from "../../../src/core/dates/days";
import { TFile } from "obsidian";
import { describe, expect, it, vi } from "vitest";
import { CloseProblemModal } from "../../../src/ui/problems/close-problem-modal";
import { ProblemItemView } from "../../../src/ui/problems/problem-view";
import { ResolveBlockerModal } from "../../../src/ui/problems/resolve-blocker-modal";
import { SessionStopModal } from "../../../src/ui/problems/session-stop-modal";
import { contentOf, notices, openModals, useFixedClock } from "../../support/obsidian-shims";
import { problemVault } from "../../support/problem-vault";
import { button, onlyModal, buttonTexts, control, problemsSetup, texts, typeInto } from "../../support/problems-ui";
import { NEW_TAB, clickWith, opened } from "../../support/open-watch";

const SHIP = "Problems/Ship v2.md";
const NOW = new Date("2026-11-24T12:00:00Z");

async function openView(files: Record<string, string> = problemVault(), path = SHIP) {
  const setup = problemsSetup(files);
  const view = new ProblemItemView(setup.leaf(), setup.host, setup.sessions);
  await view.setState({ path }, { history: false });
  await view.onOpen();
  const root = view.contentEl;
  return { ...setup, view, root, timeline: () => texts(root, ".lifebetter-timeline-type") };
}

useFixedClock(NOW);

describe("problem view", () => {
  it("shows the problem, its milestones with a progress bar, and a timeline with open blockers first", async () => {
    const { root, view, timeline } = await openView();
    expect(view.getDisplayText()).toBe("Ship v2");
    expect(root.querySelector("h2")?.textContent).toBe("Ship v2");
    expect(texts(root, ".lifebetter-badge")).toEqual(["Active", "High priority"]);
    expect(root.querySelector(".lifebetter-problem-facts")?.textContent).toMatch(/^1 h 30 min of 1 h estimated · last worked 20 Nov 2026/);

    expect(root.querySelector(".lifebetter-milestone-summary")?.textContent).toBe("1 of 3 done");
    const progress = root.querySelector("progress");
    expect([progress?.getAttribute("value"), progress?.getAttribute("max")]).toEqual(["1", "3"]);
    expect(texts(root, ".lifebetter-milestone-list li")).toEqual(["Reproduce", "Fix", "Ship"]);
    expect([...root.querySelectorAll<HTMLInputElement>(".lifebetter-milestone-list input[type=checkbox]")].map((box) => box.checked)).toEqual([
      true,
      false,
      false,
    ]);

    // Open blockers (oldest first), then everything else oldest first; unrelated entries never.
    expect(timeline()).toEqual(["Open blocker", "Open blocker", "Attempt", "Resolved blocker", "Attempt", "Solution"]);
    expect(texts(root, ".lifebetter-timeline-head a")).toEqual(["blocker old", "blocker new", "by id", "blocker resolved", "attempt", "solution"]);
    expect(root.textContent).toContain("Outcome: failed");
    expect(root.textContent).toContain("Skills: Rubber duck, No such skill");
    expect(root.textContent).toMatch(/Resolved 19 Nov 2026, \d\d:00: asked/);
    expect(buttonTexts(root).filter((text) => text === "Resolve")).toHaveLength(2);
    expect(root.querySelector(".lifebetter-problem-sessions")?.textContent).toContain("1 session · 1 h 30 min");
  });

  it("shows replies under their parent entry, nested by depth, each with a link that opens it", async () => {
    const reply = (parent: string, timestamp: string, text: string, extra: Record<string, unknown> = {}): string =>
      composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", timestamp, parent, ...extra }, `${text}\n`);
    const files = {
      ...problemVault(),
      "Entries/reply two.md": reply("[[attempt]]", "2026-11-21T12:00:00Z", "Second thought"),
      "Entries/reply one.md": reply("[[attempt]]", "2026-11-20T12:00:00Z", "First thought"),
      "Entries/reply deep.md": reply("[[reply one]]", "2026-11-22T12:00:00Z", "Deeper"),
      // An attempt of the problem that replies to another: shown in the thread, not twice.
      "Entries/follow-up attempt.md": reply("[[attempt]]", "2026-11-23T12:00:00Z", "Tried again", { type: "attempt", problem: "[[Ship v2]]" }),
    };
    const { root, app } = await openView(files);
    expect(texts(root, ".lifebetter-timeline-item > .lifebetter-timeline-head .lifebetter-timeline-type")).toEqual([
      "Open blocker",
      "Open blocker",
      "Attempt",
      "Resolved blocker",
      "Attempt",
      "Solution",
    ]);
    const item = [...root.querySelectorAll(".lifebetter-timeline-item")].find(
      (el) => el.querySelector(".lifebetter-timeline-head a")?.textContent === "attempt",
    );
    const replies = [...(item?.querySelectorAll<HTMLElement>(".lifebetter-thread-reply") ?? [])];
    expect(replies.map((el) => el.querySelector("a")?.textContent)).toEqual(["reply one", "reply deep", "reply two", "follow-up attempt"]);
    expect(replies.map((el) => el.style.getPropertyValue("--lifebetter-thread-depth"))).toEqual(["0", "1", "0", "0"]);
    expect(item?.querySelector(".lifebetter-thread")?.getAttribute("aria-label")).toBe("4 replies");
    const open = vi.spyOn(app.workspace, "openLinkText");
    replies[1]?.querySelector<HTMLAnchorElement>("a")?.click();
    expect(open).toHaveBeenCalledWith("Entries/reply deep.md", "", false);
  });

  it("opens a timeline entry or the note itself in the same leaf, or a new tab with Ctrl/Cmd", async () => {
    const { root, app } = await openView();
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(SHIP)!);
    const entry = root.querySelector<HTMLAnchorElement>(".lifebetter-timeline-head a")!;
    const path = [...app.vault.getMarkdownFiles()].find((file) => file.basename === entry.textContent)!.path;
    expect(await opened(app, () => clickWith(entry, NEW_TAB))).toEqual({ note: path, newTabs: 1 });
    expect(await opened(app, () => clickWith(button(root, "Open note"), NEW_TAB))).toEqual({ note: SHIP, newTabs: 1 });
    expect(await opened(app, () => clickWith(entry))).toEqual({ note: path, newTabs: 0 });
  });

  it("logs an attempt, blocker or solution through the capture form with the problem preset", async () => {
    const { root, captures } = await openView();
    button(root, "Log attempt").click();
    button(root, "Log blocker").click();
    button(root, "Log solution").click();
    expect(captures).toEqual([
      { type: "attempt", problem: "[[Ship v2]]" },
      { type: "blocker", problem: "[[Ship v2]]" },
      { type: "solution", problem: "[[Ship v2]]" },
    ]);
  });

  it("resolves a blocker with how it was resolved, and the timeline follows", async () => {
    const { root, properties, timeline } = await openView();
    root.querySelector<HTMLButtonElement>(".lifebetter-timeline-item.is-open button")?.click();
    const modal = onlyModal(ResolveBlockerModal);
    expect(await modal.save()).toBe(false);
    expect(modal.contentEl.querySelector(".lifebetter-form-error")?.textContent).toBe("Say how the blocker was resolved.");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "How it was resolved"), "Asked the platform team");
    expect(await modal.save()).toBe(true);
    const blocker = properties("Entries/blocker old.md");
    expect(blocker.how_resolved).toBe("Asked the platform team");
    expect(blocker.resolved).toMatch(/^2026-11-24T/);
    await vi.waitFor(() => expect(timeline().filter((label) => label === "Open blocker")).toHaveLength(1));
  });

  it("starts a work session from the view and then offers to stop it", async () => {
    const { root, sessions } = await openView();
    button(root, "Start work session").click();
    await vi.waitFor(() => expect(buttonTexts(root)).toContain("Stop work session"));
    expect(sessions.running?.problemPath).toBe(SHIP);
    button(root, "Stop work session").click();
    expect(onlyModal(SessionStopModal).titleEl.textContent).toBe("Stop work session");
  });

  it("marks the problem solved with what was learned and records the outcome on each meta-skill", async () => {
    const { root, properties } = await openView();
    button(root, "Mark solved").click();
    const modal = onlyModal(CloseProblemModal);
    expect(modal.titleEl.textContent).toBe("Mark problem solved");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "What I learned"), "Warm the cache first\n\n- Read the logs");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "What worked"), "Bisecting");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "What didn't work"), "Retrying");
    button(modal.contentEl, "Mark solved").click();
    await vi.waitFor(() => expect(openModals.has(modal)).toBe(false));
    expect(properties(SHIP)).toMatchObject({
      status: "solved",
      what_learned: ["Earlier lesson", "Warm the cache first", "Read the logs"],
      what_worked: ["Bisecting"],
      what_didnt_work: ["Retrying"],
    });
    expect(properties(SHIP).completed).toMatch(/^2026-11-24T/);
    expect(properties("Meta-skills/Divide and conquer.md")).toMatchObject({ uses_total: 3, uses_success: 2, uses_failed: 1, last_used: "2026-11-24" });
    expect(properties("Meta-skills/Rubber duck.md")).toMatchObject({ uses_total: 1, uses_success: 1 });
    expect(notices.at(-1)?.text).toBe(
      '"Ship v2" is solved. Outcome recorded on 2 meta-skills: Divide and conquer, Rubber duck. No meta-skill note for: No such skill.',
    );
    // A closed problem offers neither closing nor timing again.
    await vi.waitFor(() => expect(texts(root, ".lifebetter-badge")[0]).toBe("Solved"));
    expect(buttonTexts(root)).not.toContain("Mark solved");
    expect(buttonTexts(root)).not.toContain("Start work session");
  });

  it("redraws when the note changes anywhere, e.g. a milestone ticked in the editor", async () => {
    const { root, app } = await openView();
    const file = app.vault.getAbstractFileByPath(SHIP);
    if (!(file instanceof TFile)) throw new Error("no note");
    await app.vault.process(file, (text) => text.replace("- [ ] Fix", "- [x] Fix"));
    await vi.waitFor(() => expect(root.querySelector(".lifebetter-milestone-summary")?.textContent).toBe("2 of 3 done"));
  });

  it("ticks a milestone in the note from its checkbox, changing only that task and dating it as Tasks does", async () => {
    const { root, mock } = await openView();
    const before = contentOf(mock, SHIP);
    const fix = root.querySelectorAll<HTMLInputElement>(".lifebetter-milestone-list input")[1]!;
    fix.checked = true;
    fix.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(root.querySelector(".lifebetter-milestone-summary")?.textContent).toBe("2 of 3 done"));
    expect(contentOf(mock, SHIP)).toBe(before.replace("- [ ] Fix", `- [x] Fix ✅ ${dayOf(new Date())}`));
  });

  it("shows note text as text, never as markup", async () => {
    const files = problemVault();
    files["Entries/attempt.md"] = files["Entries/attempt.md"]!.replace("attempt at", "<img src=x onerror=alert(1)> attempt at");
    const { root } = await openView(files);
    expect(root.querySelector("img")).toBeNull();
    expect(root.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("says so when the note is not a problem", async () => {
    const { root } = await openView(problemVault(), "Entries/attempt.md");
    expect(root.textContent).toBe('"Entries/attempt.md" is not a problem note any more (it was deleted, or its kind changed).');
  });
});
