import { describe, expect, it } from "vitest";
import { Setting } from "obsidian";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { periodRange } from "../../../src/core/reflection/periods";
import { reflectionModel } from "../../../src/core/reflection/reflection-model";
import type { ReflectionValues } from "../../../src/core/reflection/values";
import { loadSettings } from "../../../src/core/settings";
import { loadRecords } from "../../../src/core/vault/records";
import { renderReflectionPanel } from "../../../src/ui/reflection/reflection-panel";
import { parseHabits, reflectionSettingRows } from "../../../src/ui/reflection/reflection-settings";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { NEW_TAB, clickWith, pressOn } from "../../support/open-watch";
import { REFLECTION_SETTINGS, reflectionVault } from "../../support/reflection-vault";
import "../../support/obsidian-shims";

const PATH = "Journal/2026-11-24 reflection.md";

async function panel(text = reflectionVault()[PATH] ?? "") {
  const files = { ...reflectionVault(), [PATH]: text };
  const { records } = await loadRecords(new MemoryNoteRepository(files), REFLECTION_SETTINGS);
  const parsed = parseNote(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  const model = reflectionModel(
    { path: PATH, properties: parsed.properties, body: parsed.parts.body },
    periodRange("daily", "2026-11-24"),
    records,
    REFLECTION_SETTINGS,
  );
  const saved: ReflectionValues[] = [];
  const opened: string[] = [];
  const root = document.body.createDiv();
  renderReflectionPanel(root, model, {
    setValues: (values) => {
      saved.push(values);
      return Promise.resolve(values.mood === 10 ? "Mood is refused here" : null);
    },
    openNote: (path, how) => opened.push(how ? `${how}: ${path}` : path),
  });
  return { root, saved, opened };
}

describe("the daily form", () => {
  it("shows the day's values and writes a slider when it is let go, not at each step", async () => {
    const { root, saved } = await panel();
    const mood = root.querySelector<HTMLInputElement>("#lifebetter-reflection-mood");
    expect(mood?.value).toBe("8");
    if (!mood) throw new Error("no mood slider");
    mood.value = "9";
    mood.dispatchEvent(new Event("input"));
    expect(saved).toEqual([]);
    expect(root.querySelector("output[for=lifebetter-reflection-mood]")?.textContent).toBe("9");
    mood.dispatchEvent(new Event("change"));
    expect(saved).toEqual([{ mood: 9 }]);
  });

  it("clears a value, sets sleep, ticks a habit keeping the others", async () => {
    const { root, saved } = await panel();
    root.querySelector<HTMLButtonElement>('[aria-label="Clear stress"]')?.click();
    const sleep = root.querySelector<HTMLInputElement>("#lifebetter-reflection-sleep");
    if (!sleep) throw new Error("no sleep field");
    sleep.value = "6.5";
    sleep.dispatchEvent(new Event("change"));
    const boxes = [...root.querySelectorAll<HTMLInputElement>(".lifebetter-reflection-habit input")];
    expect(boxes.map((box) => box.checked)).toEqual([true, true, false]);
    const last = boxes[2];
    if (!last) throw new Error("no third habit");
    last.checked = true;
    last.dispatchEvent(new Event("change"));
    expect(saved).toEqual([{ stress: null }, { sleep_hours: 6.5 }, { habits: ["Run", "Read 20 minutes", "No screens after 22:00"] }]);
  });

  it("shows a refused value's reason, and an unset scale as not set", async () => {
    const text = (reflectionVault()[PATH] ?? "").replace("mood: 8\n", "");
    const { root } = await panel(text);
    expect(root.querySelector("output[for=lifebetter-reflection-mood]")?.textContent).toBe("Not set");
    const mood = root.querySelector<HTMLInputElement>("#lifebetter-reflection-mood");
    if (!mood) throw new Error("no mood slider");
    mood.value = "10";
    mood.dispatchEvent(new Event("change"));
    await Promise.resolve();
    await Promise.resolve();
    expect(root.querySelector(".lifebetter-reflection-status")?.textContent).toBe("Mood is refused here");
  });

  it("lists the context as links that open their notes, note text shown as text", async () => {
    const { root, opened } = await panel();
    const links = [...root.querySelectorAll<HTMLAnchorElement>(".lifebetter-reflection-context a")];
    expect(links.map((a) => a.textContent)).toContain("2026-11-24 Fixtures share a port");
    expect(root.querySelector("img")).toBeNull();
    links.find((a) => a.textContent === "Flaky CI")?.click();
    expect(opened).toEqual(["LifeBetter/Problems/Flaky CI.md"]);
  });

  it("opens a context note or the reflection itself in a new tab with Ctrl/Cmd, as every LifeBetter view does", async () => {
    const { root, opened } = await panel();
    const link = [...root.querySelectorAll<HTMLAnchorElement>(".lifebetter-reflection-context a")].find((a) => a.textContent === "Flaky CI")!;
    clickWith(link, NEW_TAB);
    pressOn(link, "Enter", NEW_TAB);
    clickWith(
      [...root.querySelectorAll("button")].find((b) => b.textContent === "Open note")!,
      NEW_TAB,
    );
    expect(opened).toEqual(["tab: LifeBetter/Problems/Flaky CI.md", "tab: LifeBetter/Problems/Flaky CI.md", `tab: ${PATH}`]);
  });
});

describe("reflection settings", () => {
  it("reads habits as 'Name, days a week' and refuses what it cannot use", () => {
    expect(parseHabits("Run, 3\nRead\n\n")).toEqual({
      habits: [
        { name: "Run", targetPerWeek: 3 },
        { name: "Read", targetPerWeek: 7 },
      ],
      problem: null,
    });
    expect(parseHabits("Run, 9").problem).toMatch(/from 1 to 7/);
    expect(parseHabits("Run\nrun").problem).toMatch(/listed twice/);
  });

  it("saves a valid reminder time and keeps the old one, with the reason, for a bad one", () => {
    const host = {
      settings: loadSettings({}),
      saved: 0,
      saveSettings() {
        this.saved++;
        return Promise.resolve();
      },
    };
    const row = reflectionSettingRows(host).find((r) => r.name === "Reminder time");
    const setting = new Setting(document.body.createDiv());
    row?.render(setting);
    const input = setting.controlEl.querySelector("input");
    if (!input) throw new Error("no input");
    input.value = "25:00";
    input.dispatchEvent(new Event("input"));
    expect(host.settings.reflectionTime).toBe("21:00");
    expect(setting.descEl.textContent).toBe('"25:00" is not a time like 21:00.');
    input.value = "20:30";
    input.dispatchEvent(new Event("input"));
    expect(host.settings.reflectionTime).toBe("20:30");
    expect(host.saved).toBe(1);
  });

  it("refuses a prompt named like a schema property, with the reason, and saves the prompts once fixed", () => {
    const host = {
      settings: loadSettings({}),
      saved: 0,
      saveSettings() {
        this.saved++;
        return Promise.resolve();
      },
    };
    const row = reflectionSettingRows(host).find((r) => r.name === "Reflection prompts");
    const setting = new Setting(document.body.createDiv());
    row?.render(setting);
    const area = setting.controlEl.querySelector("textarea");
    if (!area) throw new Error("no textarea");
    area.value = "Wins = wins\nMood";
    area.dispatchEvent(new Event("input"));
    expect(setting.descEl.textContent).toContain('"Mood": the property mood holds a number from 1 to 10');
    expect(setting.settingEl.hasClass("lifebetter-invalid")).toBe(true);
    expect(host.saved).toBe(0);
    area.value = "Wins = wins\nMood = mood_notes";
    area.dispatchEvent(new Event("input"));
    expect(host.settings.reflectionPrompts).toEqual([
      { heading: "Wins", property: "wins" },
      { heading: "Mood", property: "mood_notes" },
    ]);
    expect(host.saved).toBe(1);
  });

  it("shows why saved prompts were ignored until the prompts are saved again", () => {
    const host = {
      settings: loadSettings({}),
      ignoredPrompts: ['The reflection prompt "Kind = kind" is ignored: reason.'],
      saveSettings: () => Promise.resolve(),
    };
    const row = reflectionSettingRows(host).find((r) => r.name === "Reflection prompts");
    const setting = new Setting(document.body.createDiv());
    row?.render(setting);
    expect(setting.descEl.textContent).toBe('The reflection prompt "Kind = kind" is ignored: reason.');
    const area = setting.controlEl.querySelector("textarea");
    if (!area) throw new Error("no textarea");
    area.value = "Wins = wins";
    area.dispatchEvent(new Event("input"));
    expect(host.ignoredPrompts).toEqual([]);
    expect(setting.descEl.textContent).toContain("One prompt a line");
  });
});
