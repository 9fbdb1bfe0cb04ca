import { MarkdownRenderer } from "obsidian";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { loadSettings } from "../../../src/core/settings";
import { contentOf } from "../../support/obsidian-shims";
import { control, typeInto } from "../../support/problems-ui";
import { DIVIDE_BODY, ENTRIES, NOW, REVIEW_VAULT, SKILLS, bodyOf, openView, press, useReviewClock } from "./review-fixtures";
import { NEW_TAB, clickWith, opened } from "../../support/open-watch";

const DIVIDE = `${SKILLS}/Divide and conquer.md`;
const DUCK = `${SKILLS}/Rubber duck.md`;
const DECISION = `${ENTRIES}/2026-10-01 Take the job.md`;

let render: MockInstance<typeof MarkdownRenderer.render>;

useReviewClock();

beforeEach(() => {
  render = vi.spyOn(MarkdownRenderer, "render");
});

afterEach(() => {
  render.mockRestore();
});

function card(view: { contentEl: HTMLElement }): HTMLElement {
  const el = view.contentEl.querySelector<HTMLElement>(".lifebetter-review-card");
  if (!el) throw new Error("no card on screen");
  return el;
}

describe("review view, opening notes", () => {
  it("opens the skill's note and its recent uses beside the review, in a new tab only with Ctrl/Cmd", async () => {
    const { view, app } = await openView();
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(DECISION)!);
    const openButton = [...card(view).querySelectorAll("button")].find((b) => b.textContent === "Open note")!;
    expect(await opened(app, () => clickWith(openButton))).toEqual({ note: DIVIDE, newTabs: 0 });
    expect(await opened(app, () => clickWith(openButton, NEW_TAB))).toEqual({ note: DIVIDE, newTabs: 1 });
    const use = card(view).querySelector<HTMLAnchorElement>(".lifebetter-review-example")!;
    expect(await opened(app, () => clickWith(use, NEW_TAB))).toMatchObject({ newTabs: 1 });
    expect(app.workspace.getActiveFile()?.basename).toBe(use.textContent);
  });
});

describe("review view, keyboard only", () => {
  it("reviews due skills and a decision with Space, 1–4 and the form, writing each note's properties only", async () => {
    const { view, mock, text, props } = await openView();
    const before = contentOf(mock, DIVIDE);

    // Front of the most overdue skill: its name and the question, not the note; focus on the card.
    expect(card(view).querySelector(".lifebetter-review-name")?.textContent).toBe("Divide and conquer");
    expect(text()).toContain("When would you use this?");
    expect(text()).not.toContain("Split the problem in halves");
    expect(document.activeElement).toBe(card(view));
    expect(view.contentEl.querySelector(".is-due .lifebetter-review-stat-value")?.textContent).toBe("3");
    expect(render).not.toHaveBeenCalled();

    // 1–4 do nothing before the note is shown.
    press("3");
    await view.whenIdle();
    expect(props(DIVIDE).review_count).toBe(3);

    press(" ");
    expect(render).toHaveBeenCalledTimes(1);
    expect(render.mock.calls[0]?.[1]).toBe(DIVIDE_BODY);
    expect(render.mock.calls[0]?.[3]).toBe(DIVIDE);
    const grades = [...view.contentEl.querySelectorAll(".lifebetter-review-grade")].map((button) => button.textContent);
    // Interval 6, ease 2.5: Hard 6 × 1.2 = 7.2 → 7, Good 6 × 2.5 = 15, Easy 15 × 1.3 = 19.5 → 20 (all three were 15 days before).
    expect(grades).toEqual(["1Again1 day", "2Hard7 days", "3Good15 days", "4Easy20 days"]);
    expect(document.activeElement).toBe(card(view));

    press("3");
    await view.whenIdle();
    expect(props(DIVIDE)).toMatchObject({ review_due: "2026-12-09", interval_days: 15, ease: 2.5, review_count: 4, reviewed_on: ["2026-11-13", "2026-11-24"] });
    expect(bodyOf(contentOf(mock, DIVIDE))).toBe(bodyOf(before));
    expect(text()).toContain('Good: "Divide and conquer" comes back in 15 days (9 Dec 2026).');

    // The decision came due four days ago: the form takes the keyboard focus.
    expect(text()).toContain("How did it turn out?");
    expect(text()).toContain("More time to think");
    const outcome = control<HTMLTextAreaElement>(view.contentEl, "What actually happened");
    expect(document.activeElement).toBe(outcome);
    press("1"); // typed into the field: not a grade
    typeInto(outcome, "Less stress, more pay");
    typeInto(control<HTMLInputElement>(view.contentEl, "Satisfaction"), "8");
    const same = control<HTMLSelectElement>(view.contentEl, "Would you decide the same again?");
    typeInto(same, "yes");
    same.focus();
    press("Enter");
    await view.whenIdle();
    expect(props(DECISION)).toMatchObject({ actual_outcome: "Less stress, more pay", satisfaction: 8, would_decide_same: true, reviewed_on: ["2026-11-24"] });
    expect(bodyOf(contentOf(mock, DECISION))).toBe("Take the job offer in Lyon.\n");

    // Last, the skill due today: Again restarts it tomorrow with a lower ease.
    expect(card(view).querySelector(".lifebetter-review-name")?.textContent).toBe("Rubber duck");
    expect(document.activeElement).toBe(card(view));
    press(" ");
    press("1");
    await view.whenIdle();
    expect(props(DUCK)).toMatchObject({ review_due: "2026-11-25", interval_days: 1, ease: 2.18, review_count: 2 });

    expect(text()).toContain("Nothing left to review now");
    expect(view.contentEl.querySelector(".is-done .lifebetter-review-stat-value")?.textContent).toBe("3");
    expect(view.contentEl.querySelector(".is-streak .lifebetter-review-stat-value")?.textContent).toBe("2 days");
    expect(view.contentEl.querySelector(".is-due .lifebetter-review-stat-value")?.textContent).toBe("0");
  });

  it("grades with the buttons too, and shows what each grade would schedule under FSRS", async () => {
    const settings = { ...loadSettings({}), scheduler: "fsrs" as const };
    const { view, props } = await openView(REVIEW_VAULT, settings);
    view.contentEl.querySelector<HTMLButtonElement>(".lifebetter-review-card .mod-cta")?.click();
    const easy = view.contentEl.querySelector<HTMLButtonElement>(".lifebetter-review-grade.is-easy");
    const shown = easy?.querySelector(".lifebetter-review-grade-interval")?.textContent;
    easy?.click();
    await view.whenIdle();
    const after = props(DIVIDE);
    expect(after).toMatchObject({ review_count: 4, fsrs_state: "review" });
    expect(shown).toBe(`${after.interval_days as number} days`);
  });
});

describe("review card", () => {
  it("shows effectiveness and the most recent entries and problems that link the skill", async () => {
    const { view, text } = await openView();
    expect(text()).toContain("Used 4 times · worked 75% of the time · 2.5 h to a solution on average");
    const examples = [...view.contentEl.querySelectorAll(".lifebetter-review-examples li")].map((item) => item.textContent);
    expect(examples).toEqual(["2026-11-02 Bisected the flaky test Attempt · 2 Nov 2026", "Flaky CI Problem · 20 Oct 2026"]);
  });

  it("shows a skill with a hand-edited bad ease or review_due as due, first, with a warning; a grade repairs it", async () => {
    const files = {
      ...REVIEW_VAULT,
      [`${SKILLS}/Broken.md`]: "---\nkind: meta-skill\nreview_due: next week\nease: high\nreview_count: 2\ninterval_days: 6\n---\n## When to use\n\nNever.\n",
      [`${SKILLS}/Unreadable.md`]: "---\nkind: meta-skill\nreview_due: [\n---\nBody\n",
    };
    const { view, text, props } = await openView(files);
    expect(card(view).querySelector(".lifebetter-review-name")?.textContent).toBe("Broken");
    const warning = view.contentEl.querySelector('.lifebetter-review-warning[role="alert"]')?.textContent ?? "";
    expect(warning).toContain('review_due "next week" is not a date');
    expect(warning).toContain('ease "high" is not a number; treated as 2.5');
    expect(text()).not.toContain("Unreadable");
    press(" ");
    press("3");
    await view.whenIdle();
    expect(props(`${SKILLS}/Broken.md`)).toMatchObject({ review_due: "2026-12-09", ease: 2.5, interval_days: 15 });
    expect(text()).toContain("Repaired:");
    expect(card(view).querySelector(".lifebetter-review-name")?.textContent).toBe("Divide and conquer");
  });

  it("keeps the daily limit and says how many skills wait for another day", async () => {
    const { view, text } = await openView(REVIEW_VAULT, { ...loadSettings({}), reviewsPerDay: 1 });
    expect(view.session.openItems().map((item) => item.name)).toEqual(["Divide and conquer", "2026-10-01 Take the job"]);
    expect(text()).toContain("1 more due skill waits for another day: the limit is 1 reviews a day, 2 of them new.");
  });

  it("refuses an answer out of range inline and writes nothing", async () => {
    const files = Object.fromEntries(Object.entries(REVIEW_VAULT).filter(([path]) => !path.startsWith(SKILLS)));
    const { view, mock, text } = await openView(files);
    const before = contentOf(mock, DECISION);
    typeInto(control<HTMLTextAreaElement>(view.contentEl, "What actually happened"), "Fine");
    typeInto(control<HTMLInputElement>(view.contentEl, "Satisfaction"), "11");
    typeInto(control<HTMLSelectElement>(view.contentEl, "Would you decide the same again?"), "no");
    [...view.contentEl.querySelectorAll("button")].find((button) => button.textContent?.startsWith("Save outcome"))?.click();
    await view.whenIdle();
    expect(text()).toContain("Rate your satisfaction with a whole number from 1 to 10.");
    expect(contentOf(mock, DECISION)).toBe(before);
    // What was typed stays.
    expect(control<HTMLTextAreaElement>(view.contentEl, "What actually happened").value).toBe("Fine");
  });

  it("skips an item for this sitting and brings the skipped back at the end", async () => {
    const { view, text } = await openView();
    const skip = (): void => [...view.contentEl.querySelectorAll("button")].find((button) => button.textContent === "Skip for now")?.click();
    skip();
    skip();
    skip();
    expect(text()).toContain("Nothing left to review now");
    [...view.contentEl.querySelectorAll("button")].find((button) => button.textContent === "Review the 3 skipped")?.click();
    expect(card(view).querySelector(".lifebetter-review-name")?.textContent).toBe("Divide and conquer");
  });
});

describe("review queue follows the notes", () => {
  it("rebuilds once after a burst of changes, keeping the card on screen while it is still due", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    vi.setSystemTime(NOW);
    const { view, mock, text } = await openView();
    press(" ");
    expect(text()).toContain("Effectiveness");
    const reload = vi.spyOn(view.session, "reload");
    const update = vi.spyOn(view.session, "update");
    const sleep = mock.vault.getFileByPath(`${SKILLS}/Sleep on it.md`);
    if (!sleep) throw new Error("no Sleep on it");
    for (let edit = 0; edit < 5; edit++) await mock.vault.modify(sleep, `---\nkind: meta-skill\nreview_due: 2026-11-2${edit}\nreview_count: 2\n---\n`);
    await vi.advanceTimersByTimeAsync(5000);
    await view.whenIdle();
    // One rebuild for the burst, reading only the note that changed.
    expect(update.mock.calls).toEqual([[[`${SKILLS}/Sleep on it.md`]]]);
    expect(reload).not.toHaveBeenCalled();
    // An ordinary note (not a record) changing reloads nothing.
    await mock.vault.create("Journal/Today.md", "Typing away.\n");
    await vi.advanceTimersByTimeAsync(5000);
    expect(update).toHaveBeenCalledTimes(1);
    expect(card(view).querySelector(".lifebetter-review-name")?.textContent).toBe("Divide and conquer");
    // Still revealed: the grade buttons are there, and the new due skill counts.
    expect(view.contentEl.querySelectorAll(".lifebetter-review-grade")).toHaveLength(4);
    expect(view.contentEl.querySelector(".is-due .lifebetter-review-stat-value")?.textContent).toBe("4");
    // Graded elsewhere (another device, by hand): the card moves on by itself.
    const divide = mock.vault.getFileByPath(DIVIDE);
    if (!divide) throw new Error("no Divide and conquer");
    await mock.vault.modify(divide, contentOf(mock, DIVIDE).replace("review_due: 2026-11-19", "review_due: 2026-12-30"));
    await vi.advanceTimersByTimeAsync(5000);
    await view.whenIdle();
    expect(card(view).querySelector(".lifebetter-review-name")?.textContent).not.toBe("Divide and conquer");
    // A skill written on another device arrives by sync: it joins the queue.
    await mock.vault.create(`${SKILLS}/Write it down.md`, "---\nkind: meta-skill\nreview_due: 2026-11-01\nreview_count: 1\ninterval_days: 1\n---\n");
    await vi.advanceTimersByTimeAsync(5000);
    await view.whenIdle();
    expect(view.session.openItems().map((item) => item.name)).toContain("Write it down");
    expect(reload).toHaveBeenCalledTimes(1); // a new note: links may resolve to it, so all is read again
    await view.onClose();
  });
});
