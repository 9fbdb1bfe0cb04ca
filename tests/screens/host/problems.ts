/**
 * Made-up vault and host for the problem screens (browser-side): a release problem with milestones,
 * sessions, open and resolved blockers, attempts and a solution; solved, abandoned and stale problems.
 */
import { composeNote } from "../../../src/core/codec/frontmatter";
import { problemsSetup } from "../../support/problems-ui";

export const HOSTILE = "<img src=x onerror=alert(1)>";
const SHIP_ID = "11111111-1111-4111-8111-111111111111";
const note = (properties: Record<string, unknown>, body = ""): string => composeNote(properties, body);
// Fixed ids: the screen page is not a secure context, so it has no crypto.randomUUID.
let entries = 0;
const entryId = (): string => `00000000-0000-4000-8000-${String(++entries).padStart(12, "0")}`;
const entry = (type: string, timestamp: string, text: string, extra: Record<string, unknown> = {}): string =>
  note({ id: entryId(), kind: "entry", type, timestamp, problem: "[[Ship v2]]", ...extra }, `${text}\n`);

const SESSIONS =
  "| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n" +
  "| 2026-11-20T09:00:00+01:00 | 2026-11-20T10:30:00+01:00 | 90 | 7 | 6 | debugging | chat | found the flaky test |\n" +
  "| 2026-11-22T14:00:00+01:00 | 2026-11-22T14:45:00+01:00 | 45 | 8 | 5 | release notes | | draft done |\n";

export const SHIP = "LifeBetter/Problems/Ship v2.md";

export function problemFiles(): Record<string, string> {
  return {
    [SHIP]: note(
      {
        id: SHIP_ID,
        kind: "problem",
        status: "active",
        priority: "high",
        estimate: 240,
        time_spent: 135,
        last_worked: "2026-11-22T14:45:00+01:00",
        target: "2026-12-15",
        meta_skills: ["[[Divide and conquer]]"],
      },
      `Ship the second version before the holidays.\n\n## Milestones\n- [x] Reproduce the crash\n- [x] Fix the cache warm-up\n- [ ] Release notes\n- [ ] Ship\n\n## Sessions\n\n${SESSIONS}`,
    ),
    "LifeBetter/Problems/Slow checkout tests.md": note({
      kind: "problem",
      status: "solved",
      priority: "medium",
      estimate: 120,
      time_spent: 300,
      last_worked: "2026-10-02T16:00:00+01:00",
      completed: "2026-10-02T16:00:00+01:00",
    }),
    "LifeBetter/Problems/Learn Rust.md": note({
      kind: "problem",
      status: "active",
      priority: "low",
      category: "goal",
      started: "2026-09-01",
      estimate: 1200,
      time_spent: 60,
      last_worked: "2026-09-15",
    }),
    "LifeBetter/Problems/Flaky VPN.md": note({
      kind: "problem",
      status: "blocked",
      priority: "urgent",
      time_spent: 30,
      last_worked: "2026-11-21T11:00:00+01:00",
    }),
    "LifeBetter/Problems/Standing desk.md": note({ kind: "problem", status: "abandoned", priority: "low", time_spent: 20, last_worked: "2026-06-01" }),
    "LifeBetter/Meta-skills/Divide and conquer.md": note({ kind: "meta-skill", uses_total: 4, uses_success: 3 }),
    "LifeBetter/Entries/2026-11-21 blocker.md": entry("blocker", "2026-11-21T09:00:00+01:00", "Waiting for the signing key from IT."),
    "LifeBetter/Entries/2026-11-23 blocker.md": entry("blocker", "2026-11-23T10:00:00+01:00", `The store rejects the build: ${HOSTILE}`),
    "LifeBetter/Entries/2026-11-19 blocker.md": entry("blocker", "2026-11-19T09:00:00+01:00", "CI runners were down.", {
      resolved: "2026-11-19T12:00:00+01:00",
      how_resolved: "Moved to the spare runners",
    }),
    "LifeBetter/Entries/2026-11-20 attempt.md": entry("attempt", "2026-11-20T10:00:00+01:00", "Bisected the last 40 commits.", {
      approach: "git bisect",
      outcome: "partial",
      time_spent: 50,
      meta_skills: ["[[Divide and conquer]]"],
    }),
    "LifeBetter/Entries/2026-11-22 solution.md": entry("solution", "2026-11-22T15:00:00+01:00", "Warm the cache before the first request."),
  };
}

export function problemsScreenSetup(settings: unknown = {}) {
  return problemsSetup(problemFiles(), { settings });
}

/** Puts an item view into `root` the way a main-area tab holds it, then opens it. */
export async function showView(root: HTMLElement, view: { containerEl: HTMLElement; contentEl: HTMLElement; onOpen(): Promise<void> }): Promise<void> {
  view.containerEl.addClass("workspace-leaf-content", "is-main-tab");
  view.contentEl.addClass("view-content");
  root.appendChild(view.containerEl);
  await view.onOpen();
}
