import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { loadSettings } from "../../../src/core/settings";
import LifeBetterPlugin from "../../../src/main";
import { REFLECTION_VIEW_TYPE, ReflectionView } from "../../../src/ui/reflection/reflection-view";
import { MANIFEST, contentOf, fileAt, makeApp, notices, registered, resetNotices, settle } from "../../support/obsidian-shims";
import { propertiesOf } from "../../support/note-properties";

const DAILY_NOTES = JSON.stringify({ folder: "Journal", format: "YYYY/MM/YYYY-MM-DD dddd", template: "" });

async function start(files: Record<string, string> = {}, data?: unknown) {
  const { app, mock } = makeApp({ ".obsidian/daily-notes.json": DAILY_NOTES, ...files });
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  const registry = registered(plugin);
  if (data !== undefined) registry.data__ = data;
  plugin.indexServices = { ...plugin.indexServices, startWorker: null };
  plugin.load();
  await settle();
  mock.workspace.setLayoutReady__();
  await settle();
  const reflections = plugin.reflections;
  if (!reflections) throw new Error("reflections not registered");
  return { app, mock, plugin, registry, reflections };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 10, 24, 20, 0));
  resetNotices();
});
afterEach(() => vi.useRealTimers());

describe("Open today's reflection", () => {
  it("registers the three commands (no hotkeys) and the panel", async () => {
    const { registry, app } = await start();
    for (const id of ["open-todays-reflection", "open-this-weeks-reflection", "open-this-months-reflection"]) {
      expect(registry.commands__.get(id)?.hotkeys ?? []).toEqual([]);
    }
    expect(registry.commands__.get("open-todays-reflection")?.name).toBe("Open today's reflection");
    expect(registry.views__.get(REFLECTION_VIEW_TYPE)?.(app.workspace.getLeaf(true))).toBeInstanceOf(ReflectionView);
  });

  it("creates the note where Daily notes puts today's note, opens it and shows the panel beside it", async () => {
    const { app, mock, reflections } = await start({ "Journal/2026/11/2026-11-24 Tuesday.md": "Morning pages.\n" });
    const opened = await reflections.open("daily");
    expect(opened?.path).toBe("Journal/2026/11/2026-11-24 Tuesday reflection.md");
    expect(propertiesOf(contentOf(mock, "Journal/2026/11/2026-11-24 Tuesday reflection.md"))).toMatchObject({
      kind: "reflection",
      period: "daily",
      date: "2026-11-24",
    });
    expect(contentOf(mock, "Journal/2026/11/2026-11-24 Tuesday.md")).toBe("Morning pages.\n\nReflection: [[2026-11-24 Tuesday reflection]]\n");
    expect(app.workspace.getActiveFile()?.path).toBe("Journal/2026/11/2026-11-24 Tuesday reflection.md");
    expect(app.workspace.getLeavesOfType(REFLECTION_VIEW_TYPE)).toHaveLength(1);
    // Opening again reuses the note and the panel.
    await reflections.open("daily");
    expect(app.workspace.getLeavesOfType(REFLECTION_VIEW_TYPE)).toHaveLength(1);
  });

  it("says what is wrong, in a notice, when the note cannot be written", async () => {
    const { reflections, mock } = await start({ "Journal/2026/11/2026-11-24 Tuesday reflection.md": "---\nwins: [\n---\n" });
    expect(await reflections.open("daily")).toBeNull();
    expect(notices.at(-1)?.text).toMatch(/was not changed: the frontmatter is not valid YAML/);
    expect(contentOf(mock, "Journal/2026/11/2026-11-24 Tuesday reflection.md")).toBe("---\nwins: [\n---\n");
  });
});

describe("answers and properties stay in step while the user edits", () => {
  it("an item typed under a heading reaches the property; one added in the Properties panel reaches the note; no loop", async () => {
    const { app, mock, reflections } = await start();
    const opened = await reflections.open("daily");
    const path = opened?.path ?? "";
    const file = fileAt(app, path);
    let writes = 0;
    app.vault.on("modify", (changed) => changed.path === path && writes++);

    // The user types a win in the note.
    await app.vault.process(file, (text) => text.replace("## Wins\n", "## Wins\n- Ran 5k\n"));
    await settle();
    await reflections.sync.idle();
    expect(propertiesOf(contentOf(mock, path)).wins).toEqual(["Ran 5k"]);

    // The user adds a gratitude item and removes the win in the Properties panel.
    await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
      fm.gratitude = ["Sunny walk"];
      fm.wins = [];
    });
    await settle();
    await reflections.sync.idle();
    const text = contentOf(mock, path);
    expect(text).toContain("## Gratitude\n\n- Sunny walk\n");
    expect(text).not.toContain("Ran 5k");

    // Its own writes come back as events and find both sides in step: nothing more is written.
    const settled = writes;
    await settle();
    await reflections.sync.idle();
    await settle();
    await reflections.sync.idle();
    expect(writes).toBe(settled);
  });

  it("opening a reflection again brings its problems up to date with the sessions logged since", async () => {
    const problem =
      "---\nkind: problem\nstatus: active\n---\n## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    const { app, mock, reflections } = await start({ "Problems/Flaky CI.md": problem });
    const path = (await reflections.open("daily"))?.path ?? "";
    await settle();
    await reflections.sync.idle();
    expect(propertiesOf(contentOf(mock, path)).problems).toEqual([]);
    await app.vault.process(fileAt(app, "Problems/Flaky CI.md"), (text) => `${text}| 2026-11-24T09:00:00 | 2026-11-24T10:00:00 | 60 | 7 | 7 | coding | | |\n`);
    await reflections.sync.track(path);
    await reflections.sync.idle();
    expect(propertiesOf(contentOf(mock, path)).problems).toEqual(["[[Flaky CI]]"]);
  });

  it("a renamed heading loses nothing: the property keeps its answers and the note is left as it is", async () => {
    const { app, mock, reflections } = await start();
    const path = (await reflections.open("daily"))?.path ?? "";
    const file = fileAt(app, path);
    await app.vault.process(file, (text) => text.replace("## Wins\n", "## Wins\n- Ran 5k\n"));
    await settle();
    await reflections.sync.idle();
    await app.vault.process(file, (text) => text.replace("## Wins", "## Highlights"));
    await settle();
    await reflections.sync.idle();
    const text = contentOf(mock, path);
    expect(propertiesOf(text).wins).toEqual(["Ran 5k"]);
    expect(text).toContain("## Highlights\n- Ran 5k\n");
    expect(text).not.toContain("## Wins");
  });
});

describe("the reminder", () => {
  it("shows once at the reflection time with a button that opens the reflection, and not when it is written", async () => {
    const { app, reflections } = await start();
    await reflections.remind(new Date(2026, 10, 24, 20, 59));
    expect(notices).toHaveLength(0);
    await reflections.remind(new Date(2026, 10, 24, 21, 0));
    expect(notices.map((n) => n.text)).toEqual(["Time for your daily reflection.Open reflection"]);
    await reflections.remind(new Date(2026, 10, 24, 21, 5));
    expect(notices).toHaveLength(1);
    const message = notices[0]?.message;
    const button = typeof message === "string" ? null : message?.querySelector("button");
    button?.click();
    await settle(20);
    expect(app.workspace.getActiveFile()?.path).toBe("Journal/2026/11/2026-11-24 Tuesday reflection.md");
  });

  it("weekly on the chosen day; nothing when the day's reflection already has answers", async () => {
    const written = "---\nkind: reflection\nperiod: daily\ndate: 2026-11-29\nmood: 7\n---\n## Wins\n";
    const { reflections } = await start({ "Journal/2026/11/2026-11-29 Sunday reflection.md": written }, { weeklyReflectionDay: 0 });
    await reflections.remind(new Date(2026, 10, 29, 21, 30));
    expect(notices.map((n) => n.text)).toEqual(["Time for your weekly reflection.Open reflection"]);
  });
});

describe("a reflection kept in another folder", () => {
  it("is the one the reminder checks and the command opens: no second reflection for the day", async () => {
    const written = "---\nkind: reflection\nperiod: daily\ndate: 2026-11-24\nmood: 7\n---\n## Wins\n";
    const { app, mock, reflections } = await start({ "Archive/Tuesday.md": written });
    await reflections.remind(new Date(2026, 10, 24, 21, 0));
    expect(notices).toHaveLength(0);
    const opened = await reflections.open("daily", "2026-11-24");
    expect(opened?.path).toBe("Archive/Tuesday.md");
    expect(app.workspace.getActiveFile()?.path).toBe("Archive/Tuesday.md");
    expect(
      mock.vault
        .getFiles()
        .map((file) => file.path)
        .filter((path) => path.endsWith(".md")),
    ).toEqual(["Archive/Tuesday.md"]);
  });
});

describe("the reflection panel beside the note", () => {
  it("shows the open reflection's form, writes a slider as a property, and keeps the keyboard on the slider", async () => {
    const { app, mock, reflections } = await start();
    const path = (await reflections.open("daily"))?.path ?? "";
    // The mock's setViewState builds no view: the panel is built on its sidebar leaf here.
    const leaf = app.workspace.getLeavesOfType(REFLECTION_VIEW_TYPE)[0];
    if (!leaf) throw new Error("no panel leaf");
    const view = new ReflectionView(leaf, {
      app,
      repo: new ObsidianNoteRepository(app),
      settings: () => loadSettings({}),
      openReflection: () => Promise.resolve(),
      newReflection: () => Promise.resolve(),
    });
    document.body.appendChild(view.contentEl);
    await view.onOpen();
    expect(view.shownPath).toBe(path);
    const slider = view.contentEl.querySelector<HTMLInputElement>("#lifebetter-reflection-energy");
    if (!slider) throw new Error("no energy slider");
    slider.focus();
    slider.value = "6";
    slider.dispatchEvent(new Event("change"));
    await settle(20);
    await view.refresh();
    expect(propertiesOf(contentOf(mock, path)).energy).toBe(6);
    expect(document.activeElement?.id).toBe("lifebetter-reflection-energy");
    expect(view.contentEl.querySelector<HTMLInputElement>("#lifebetter-reflection-energy")?.value).toBe("6");
  });

  it("offers the three reflections and a new ad-hoc one when the active note is not one", async () => {
    const { app } = await start({ "Notes/Idea.md": "Just a note.\n" });
    await app.workspace.getLeaf(false).openFile(fileAt(app, "Notes/Idea.md"));
    const leaf = app.workspace.getRightLeaf(false);
    if (!leaf) throw new Error("no leaf");
    await leaf.setViewState({ type: REFLECTION_VIEW_TYPE });
    let adhoc = 0;
    const newReflection = () => Promise.resolve(void adhoc++);
    const view = new ReflectionView(leaf, {
      app,
      repo: new ObsidianNoteRepository(app),
      settings: () => loadSettings({}),
      openReflection: () => Promise.resolve(),
      newReflection,
    });
    await view.onOpen();
    const buttons = [...view.contentEl.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual(["Today's reflection", "This week's reflection", "This month's reflection", "New reflection"]);
    buttons[3]?.click();
    expect(adhoc).toBe(1);
  });
});

describe("Reflect on this problem and New reflection", () => {
  const SHIP = "Problems/Ship v2.md";
  const problemNote = "---\nkind: problem\nstatus: active\nstarted: 2026-11-01\n---\nLaunch it.\n";
  const check = (registry: Awaited<ReturnType<typeof start>>["registry"], id: string, checking: boolean) =>
    registry.commands__.get(id)?.checkCallback?.(checking);

  it("is offered only while a problem is in focus, and writes a reflection on it that links it", async () => {
    const { app, mock, registry, reflections } = await start({ [SHIP]: problemNote, "Notes/Other.md": "Hello.\n" });
    expect(registry.commands__.get("reflect-on-this-problem")?.name).toBe("Reflect on this problem");
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(fileAt(app, "Notes/Other.md"));
    app.workspace.setActiveLeaf(leaf);
    expect(check(registry, "reflect-on-this-problem", true)).toBe(false);
    await leaf.openFile(fileAt(app, SHIP));
    app.workspace.setActiveLeaf(leaf);
    expect(check(registry, "reflect-on-this-problem", true)).toBe(true);
    const opened = await reflections.openOn({ period: "problem", path: SHIP });
    expect(opened?.path).toBe("LifeBetter/Reflections/Reflection on Ship v2 2026-11-24.md");
    expect(propertiesOf(contentOf(mock, "LifeBetter/Reflections/Reflection on Ship v2 2026-11-24.md"))).toMatchObject({
      period: "problem",
      problems: ["[[Ship v2]]"],
      action_items: [],
    });
    expect(app.workspace.getActiveFile()?.path).toBe("LifeBetter/Reflections/Reflection on Ship v2 2026-11-24.md");
    // The panel shows it (not the chooser), over the problem's life so far.
    // The mock's setViewState builds no view: the panel is built on its sidebar leaf here.
    const panelLeaf = app.workspace.getLeavesOfType(REFLECTION_VIEW_TYPE)[0];
    if (!panelLeaf) throw new Error("no panel leaf");
    const view = new ReflectionView(panelLeaf, {
      app,
      repo: new ObsidianNoteRepository(app),
      settings: () => loadSettings({}),
      openReflection: () => Promise.resolve(),
      newReflection: () => Promise.resolve(),
    });
    await view.onOpen();
    expect(view.shownPath).toBe("LifeBetter/Reflections/Reflection on Ship v2 2026-11-24.md");
    expect(view.contentEl.textContent).toContain("Problem reflection");
    expect(view.contentEl.textContent).toContain("1 Nov 2026 – 24 Nov 2026");
  });

  it("New reflection creates one named by date and time and opens it", async () => {
    const { app, mock, registry } = await start();
    expect(registry.commands__.get("new-reflection")?.hotkeys ?? []).toEqual([]);
    registry.commands__.get("new-reflection")?.callback?.();
    await vi.waitFor(() => expect(app.workspace.getActiveFile()?.path).toBe("LifeBetter/Reflections/Reflection 2026-11-24 20.00.md"));
    expect(propertiesOf(contentOf(mock, "LifeBetter/Reflections/Reflection 2026-11-24 20.00.md"))).toMatchObject({
      kind: "reflection",
      period: "adhoc",
      date: "2026-11-24",
    });
  });
});
