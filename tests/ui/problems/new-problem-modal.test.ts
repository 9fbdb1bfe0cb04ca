import { describe, expect, it, vi } from "vitest";
import { contentOf, openModals, pressKey, useFixedClock } from "../../support/obsidian-shims";
import { button, control, problemsSetup, typeInto } from "../../support/problems-ui";
import { NewProblemModal } from "../../../src/ui/problems/new-problem-modal";
import type { CreatedProblem, ProblemInput } from "../../../src/core/problems/create-problem";

const NOW = new Date(2026, 10, 24, 9, 30);
const PROBLEMS = "LifeBetter/Problems";

function open(files: Record<string, string> = {}) {
  const setup = problemsSetup(files);
  const created: { problem: CreatedProblem; input: ProblemInput }[] = [];
  const modal = new NewProblemModal(setup.host, (problem, input) => created.push({ problem, input }));
  modal.open();
  const problems = () =>
    setup.mock.vault
      .getFiles()
      .map((file) => file.path)
      .filter((path) => path.startsWith(PROBLEMS + "/"));
  return { ...setup, modal, created, problems, error: () => modal.contentEl.querySelector(".lifebetter-form-error")?.textContent ?? "" };
}

useFixedClock(NOW);

describe("new problem modal", () => {
  it("creates the problem note with every field filled, then hands it on and closes", async () => {
    const { modal, created, problems, mock, properties } = open();
    const root = modal.contentEl;
    expect(modal.titleEl.textContent).toBe("New problem");
    typeInto(control(root, "Title"), "Flaky checkout test");
    typeInto(control<HTMLTextAreaElement>(root, "Description"), "Fails one run in five on CI.");
    typeInto(control<HTMLSelectElement>(root, "Priority"), "high");
    typeInto(control(root, "Target date"), "2026-12-15");
    typeInto(control(root, "Estimate (minutes)"), "120");
    typeInto(control(root, "Category"), "goal");
    button(root, "Create problem").click();
    await vi.waitFor(() => expect(created).toHaveLength(1));

    expect(problems()).toEqual([`${PROBLEMS}/Flaky checkout test.md`]);
    const path = `${PROBLEMS}/Flaky checkout test.md`;
    expect(created[0]?.problem.path).toBe(path);
    expect(properties(path)).toMatchObject({
      kind: "problem",
      status: "active",
      priority: "high",
      target: "2026-12-15",
      estimate: 120,
      category: "goal",
      started: "2026-11-24",
    });
    const text = contentOf(mock, path);
    expect(text).toContain("Fails one run in five on CI.");
    expect(text).toContain("## Milestones");
    expect(text).toMatch(/## Sessions\n\n\| start \| end \| minutes/);
    expect(openModals.has(modal)).toBe(false);
  });

  it("Enter in a one-line field creates the problem; Enter in the description does not", async () => {
    const { modal, created } = open();
    const root = modal.contentEl;
    typeInto(control(root, "Title"), "Sleep earlier");
    expect(pressKey(modal.scope, "Enter", [], control<HTMLTextAreaElement>(root, "Description"))).toBe(false);
    expect(created).toHaveLength(0);
    expect(pressKey(modal.scope, "Enter", [], control(root, "Title"))).toBe(true);
    await vi.waitFor(() => expect(created).toHaveLength(1));
  });

  it("refuses a missing title or a bad estimate in the form and creates nothing", async () => {
    const { modal, problems, error } = open();
    const root = modal.contentEl;
    expect(await modal.save()).toBe(false);
    expect(error()).toBe("The problem has no title: name it in a few words.");
    typeInto(control(root, "Title"), "Learn Rust");
    typeInto(control(root, "Estimate (minutes)"), "-5");
    expect(await modal.save()).toBe(false);
    expect(error()).toContain("The estimate must be a number of minutes of at least 0");
    expect(problems()).toEqual([]);
    expect(openModals.has(modal)).toBe(true);
    // What was typed is still there to fix.
    expect(control(root, "Title").value).toBe("Learn Rust");
  });

  it("offers goal and the categories already in use", () => {
    const { modal } = open({ "LifeBetter/Problems/Old.md": "---\nkind: problem\ncategory: health\n---\n" });
    const list = modal.contentEl.querySelector("datalist");
    expect([...(list?.querySelectorAll("option") ?? [])].map((option) => option.getAttribute("value"))).toEqual(["goal", "health"]);
    expect(control(modal.contentEl, "Category").getAttribute("list")).toBe(list?.id);
  });

  it("never overwrites: a title another note has is refused in the form with its path, the title kept to change", async () => {
    const { modal, problems, created, error } = open({ [`${PROBLEMS}/Learn Rust.md`]: "---\nkind: problem\n---\nMine.\n" });
    typeInto(control(modal.contentEl, "Title"), "Learn Rust");
    expect(await modal.save()).toBe(false);
    expect(error()).toContain(`A note named "Learn Rust" already exists (${PROBLEMS}/Learn Rust.md); choose another title.`);
    expect(problems()).toHaveLength(1);
    expect(created).toEqual([]);
    expect(control(modal.contentEl, "Title").value).toBe("Learn Rust");
  });
});
