import { describe, expect, it, vi } from "vitest";
import { parseSessions } from "../../../src/core/problems/sessions-table";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { RecoverSessionModal } from "../../../src/ui/problems/recover-session-modal";
import { SessionStopModal } from "../../../src/ui/problems/session-stop-modal";
import { contentOf, notices, openModals, useFixedClock } from "../../support/obsidian-shims";
import { SHIP_ID, problemVault } from "../../support/problem-vault";
import { button, onlyModal, buttonTexts, control, problemsSetup, typeInto } from "../../support/problems-ui";

const SHIP = "Problems/Ship v2.md";
// Local times: the form's "Ended" field is local, as a user reads the clock.
const START = new Date(2026, 10, 24, 9, 0);
const at = (minutes: number, seconds = 0): Date => new Date(START.getTime() + minutes * 60_000 + seconds * 1000);

function rowsOf(text: string) {
  const parsed = parseNote(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parseSessions(parsed.parts.body).rows;
}

useFixedClock(START);

describe("work session timer", () => {
  it("shows the problem and elapsed time in the status bar, mm:ss then h:mm, and saves the session at once", async () => {
    const { sessions, statusEl, settings, saves } = problemsSetup(problemVault());
    expect(statusEl.hasClass("lifebetter-hidden")).toBe(true);
    expect(await sessions.start({ path: SHIP, id: SHIP_ID })).toBe(true);
    expect(settings.runningSession).toMatchObject({ problemPath: SHIP, problemId: SHIP_ID });
    expect(saves()).toBe(1);
    expect(statusEl.textContent).toBe("Ship v2 · 00:00");
    expect(statusEl.hasClass("lifebetter-hidden")).toBe(false);
    sessions.tick(at(1, 5));
    expect(statusEl.textContent).toBe("Ship v2 · 01:05");
    sessions.tick(at(59, 59));
    expect(statusEl.textContent).toBe("Ship v2 · 59:59");
    sessions.tick(at(125));
    expect(statusEl.textContent).toBe("Ship v2 · 2:05");
    expect(notices.map((notice) => notice.text)).toEqual(['Work session started on "Ship v2".']);
  });

  it("runs one session at a time and says so", async () => {
    const { sessions, settings } = problemsSetup(problemVault());
    await sessions.start({ path: SHIP });
    vi.setSystemTime(at(3));
    expect(await sessions.start({ path: "Problems/Someday.md" })).toBe(false);
    expect(settings.runningSession?.problemPath).toBe(SHIP);
    expect(notices.at(-1)?.text).toBe('A work session on "Ship v2" is already running (03:00). Stop it first: only one session runs at a time.');
  });
});

describe("stop work session modal", () => {
  it("asks focus, energy, activity, distractions and outcome, then appends the row and updates the totals", async () => {
    const { sessions, mock, properties, statusEl, settings, app } = problemsSetup(problemVault());
    await sessions.start({ path: SHIP, id: SHIP_ID });
    vi.setSystemTime(at(45));
    const modal = new SessionStopModal(app, sessions, sessions.running!);
    modal.open();
    const root = modal.contentEl;
    expect(modal.titleEl.textContent).toBe("Stop work session");
    expect(root.querySelector(".lifebetter-session-duration")?.textContent).toBe("45 min of work.");
    typeInto(control(root, "Focus"), "8");
    typeInto(control(root, "Energy"), "6");
    expect(root.textContent).toContain("8 of 10");
    typeInto(control(root, "Activity"), "debugging");
    typeInto(control(root, "Distractions"), "Slack");
    typeInto(control<HTMLTextAreaElement>(root, "Outcome"), "Found the race\nin the cache");
    button(root, "Save session").click();
    await vi.waitFor(() => expect(openModals.has(modal)).toBe(false));

    const rows = rowsOf(contentOf(mock, SHIP));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ minutes: 45, focus: 8, energy: 6, activity: "debugging", distractions: "Slack", outcome: "Found the race in the cache" });
    expect(properties(SHIP)).toMatchObject({ time_spent: 135 });
    expect(rows[1]?.endTime.getTime()).toBe(at(45).getTime());
    expect(properties(SHIP).last_worked).toBe(rows[1]?.end);
    expect(settings.runningSession).toBeNull();
    expect(statusEl.hasClass("lifebetter-hidden")).toBe(true);
    expect(notices.at(-1)?.text).toBe('Logged 45 min on "Ship v2" (2 h 15 min in all).');
  });

  it("offers the built-in and custom activity types and writes the type and the distractions count", async () => {
    const { sessions, mock, app } = problemsSetup(problemVault(), { settings: { customActivityTypes: ["pairing"] } });
    await sessions.start({ path: SHIP, id: SHIP_ID });
    vi.setSystemTime(at(30));
    const modal = new SessionStopModal(app, sessions, sessions.running!);
    modal.open();
    const root = modal.contentEl;
    const select = control<HTMLSelectElement>(root, "Activity type");
    expect([...select.options].map((option) => option.value)).toEqual(["", "coding", "reading", "writing", "meeting", "research", "planning", "pairing"]);
    typeInto(select, "pairing");
    typeInto(control(root, "Activity"), "with Sam");
    typeInto(control(root, "Distractions count"), "2");
    typeInto(control(root, "Distractions"), "phone");
    button(root, "Save session").click();
    await vi.waitFor(() => expect(openModals.has(modal)).toBe(false));
    const body = contentOf(mock, SHIP);
    expect(body).toMatch(/\| pairing: with Sam +\| 2: phone +\|/);
    const parsed = parseNote(body);
    const row = parseSessions(parsed.ok ? parsed.parts.body : "", undefined, ["pairing"]).rows.at(-1);
    expect(row).toMatchObject({ activityType: "pairing", activityText: "with Sam", distractionCount: 2, distractionText: "phone" });
  });

  it("takes an earlier end typed by the user, and refuses one before the start without losing the session", async () => {
    const { sessions, mock, app, settings } = problemsSetup(problemVault());
    await sessions.start({ path: SHIP });
    vi.setSystemTime(at(120));
    const before = contentOf(mock, SHIP);
    const modal = new SessionStopModal(app, sessions, sessions.running!);
    modal.open();
    const ended = control(modal.contentEl, "Ended");
    expect(ended.value).toBe("2026-11-24T11:00");
    typeInto(ended, "2026-11-24T08:30");
    expect(modal.contentEl.querySelector(".lifebetter-session-duration")?.textContent).toBe("The end is before the start.");
    expect(await modal.save()).toBe(false);
    expect(modal.contentEl.querySelector(".lifebetter-form-error")?.textContent).toContain("the end must come after the start");
    expect(contentOf(mock, SHIP)).toBe(before);
    expect(settings.runningSession).not.toBeNull();

    typeInto(ended, "2026-11-24T09:50");
    expect(await modal.save()).toBe(true);
    expect(rowsOf(contentOf(mock, SHIP)).at(-1)?.minutes).toBe(50);
  });

  it("keeps the session running when the table has a row it cannot read", async () => {
    const files = problemVault();
    files[SHIP] = files[SHIP]!.replace("| 90 | 7 |", "| 90 | 11 |");
    const { sessions, app, settings } = problemsSetup(files);
    await sessions.start({ path: SHIP });
    vi.setSystemTime(at(10));
    const modal = new SessionStopModal(app, sessions, sessions.running!);
    modal.open();
    expect(await modal.save()).toBe(false);
    expect(modal.contentEl.querySelector(".lifebetter-form-error")?.textContent).toContain('row 1: focus "11" is not a whole number from 1 to 10');
    expect(settings.runningSession?.problemPath).toBe(SHIP);
  });

  it("discards without writing a row", async () => {
    const { sessions, mock, app, settings } = problemsSetup(problemVault());
    await sessions.start({ path: SHIP });
    const before = contentOf(mock, SHIP);
    const modal = new SessionStopModal(app, sessions, sessions.running!);
    modal.open();
    button(modal.contentEl, "Discard session").click();
    await vi.waitFor(() => expect(notices.at(-1)?.text).toBe("Work session discarded."));
    expect(settings.runningSession).toBeNull();
    expect(contentOf(mock, SHIP)).toBe(before);
    expect(openModals.has(modal)).toBe(false);
  });
});

describe("recovering a session left running", () => {
  const saved = (problemPath: string) => ({ runningSession: { problemPath, problemId: SHIP_ID, start: "2026-11-24T07:00:00+00:00" } });

  it("asks to stop and log it with the real end, keep it, or discard it", async () => {
    vi.setSystemTime(new Date("2026-11-24T10:00:00Z"));
    const { sessions, app, mock, settings } = problemsSetup(problemVault(), { settings: saved(SHIP) });
    const recovered = await sessions.recover();
    expect(recovered?.problem?.path).toBe(SHIP);
    const modal = new RecoverSessionModal(app, sessions, recovered!);
    modal.open();
    expect(modal.titleEl.textContent).toBe("A work session is still running");
    expect(modal.contentEl.textContent).toContain('Started on "Ship v2"');
    expect(modal.contentEl.textContent).toContain("3 h ago");
    expect(buttonTexts(modal.contentEl)).toEqual(["Stop and log it", "Keep it running", "Discard it"]);

    button(modal.contentEl, "Stop and log it").click();
    const stop = onlyModal(SessionStopModal);
    expect(stop.contentEl.textContent).toContain("Obsidian was closed while it ran: set when you really stopped.");
    const end = new Date("2026-11-24T08:15:00Z");
    typeInto(control(stop.contentEl, "Ended"), `${end.getFullYear()}-11-24T${String(end.getHours()).padStart(2, "0")}:15`);
    expect(await stop.save()).toBe(true);
    const row = rowsOf(contentOf(mock, SHIP)).at(-1);
    expect(row?.minutes).toBe(75);
    expect(settings.runningSession).toBeNull();
  });

  it("finds a problem renamed meanwhile by its id and follows it", async () => {
    const files = problemVault();
    files["Problems/Ship version 2.md"] = files[SHIP]!;
    delete files[SHIP];
    const { sessions, settings } = problemsSetup(files, { settings: saved(SHIP) });
    const recovered = await sessions.recover();
    expect(recovered?.problem?.path).toBe("Problems/Ship version 2.md");
    expect(settings.runningSession?.problemPath).toBe("Problems/Ship version 2.md");
  });

  it("offers only discard (or later) when the problem note is gone", async () => {
    const files = problemVault();
    delete files[SHIP];
    const { sessions, app, settings } = problemsSetup(files, { settings: saved(SHIP) });
    const recovered = await sessions.recover();
    const modal = new RecoverSessionModal(app, sessions, recovered!);
    modal.open();
    expect(modal.contentEl.textContent).toContain(`Its problem note "${SHIP}" is gone, so the session cannot be logged.`);
    expect(buttonTexts(modal.contentEl)).toEqual(["Decide later", "Discard it"]);
    button(modal.contentEl, "Discard it").click();
    await vi.waitFor(() => expect(settings.runningSession).toBeNull());
  });

  it("has nothing to recover when no session was running", async () => {
    const { sessions } = problemsSetup(problemVault());
    expect(await sessions.recover()).toBeNull();
  });
});
