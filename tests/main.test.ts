import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseNote } from "../src/core/codec/frontmatter";
import { BUILT_IN_ENTRY_TYPES } from "../src/core/schema/kinds";
import LifeBetterPlugin from "../src/main";
import { CaptureModal } from "../src/ui/capture/capture-modal";
import { MANIFEST, contentOf, makeApp, notices, openModals, registered, resetNotices, settle } from "./support/obsidian-shims";
import { withoutReminder } from "./support/without-reminder";

const ORIGINAL_ID = "3f1c2a4e-8a1b-4c3d-9e5f-1a2b3c4d5e6f";
const ORIGINAL = `---\nid: ${ORIGINAL_ID}\nkind: problem\nstatus: active\n---\n# Ship v2\n\nThe description.\n`;

async function start(files: Record<string, string> = {}, data?: unknown) {
  const { app, mock } = makeApp(files);
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  // The daily reminder fires by the real clock (21:00 by default): off here, so a run after 21:00 sees no extra notice.
  registered(plugin).data__ = withoutReminder(data);
  plugin.load();
  await settle();
  return { app, mock, plugin, registry: registered(plugin) };
}

function propertiesAt(mock: ReturnType<typeof makeApp>["mock"], path: string): Record<string, unknown> {
  const parsed = parseNote(contentOf(mock, path));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties;
}

function onlyOpenModal(): CaptureModal {
  const modals = [...openModals].filter((modal): modal is CaptureModal => modal instanceof CaptureModal);
  expect(modals).toHaveLength(1);
  return modals[0] as CaptureModal;
}

function entryFiles(mock: ReturnType<typeof makeApp>["mock"]): string[] {
  return mock.vault
    .getFiles()
    .map((file) => file.path)
    .filter((path) => path.includes("/Entries/") || path.startsWith("Inbox/"));
}

beforeEach(() => {
  resetNotices();
  openModals.clear();
});

afterEach(() => {
  openModals.clear();
});

describe("commands", () => {
  it("registers Capture entry and one quick command per built-in type, without hotkeys", async () => {
    const { registry } = await start();
    const commands = [...registry.commands__.values()];
    // Other features add their own commands: each lists its own here.
    expect(commands.map((command) => command.id)).toEqual(
      expect.arrayContaining([
        "capture-entry",
        ...BUILT_IN_ENTRY_TYPES.map((type) => `capture-${type}`),
        "show-index-status",
        "new-problem",
        "open-problem-view",
        "open-problems-dashboard",
        "start-work-session",
        "stop-work-session",
        "mark-problem-solved",
        "mark-problem-abandoned",
        "new-meta-skill",
        "review-meta-skills",
        "suggest-meta-skills",
        "open-patterns",
        "open-similar-notes",
        "search-by-meaning",
        "check-vault",
        "export-records",
        "import-records",
        "import-ai-conversations",
        "back-up-now",
        "restore-backup",
        "delete-records",
        "open-home",
        "create-bases",
      ]),
    );
    expect(commands.find((command) => command.id === "capture-insight")?.name).toBe("Capture insight");
    expect(commands.every((command) => command.hotkeys === undefined)).toBe(true);
  });

  it("opens the modal with the type preset by a quick command", async () => {
    const { registry } = await start();
    registry.commands__.get("capture-blocker")?.callback?.();
    const modal = onlyOpenModal();
    expect(modal.contentEl.querySelector<HTMLSelectElement>('[aria-label="Type"]')?.value).toBe("blocker");
    expect(modal.contentEl.querySelector('[aria-label="Resolution"]')).not.toBeNull();
  });

  it("remembers the type of the last modal capture in saved settings", async () => {
    const { registry, plugin, mock } = await start({}, { lastEntryType: "insight" });
    registry.commands__.get("capture-question")?.callback?.();
    const modal = onlyOpenModal();
    const text = modal.contentEl.querySelector("textarea");
    if (!text) throw new Error("no text area");
    text.value = "Why is the build slow on Mondays?";
    text.dispatchEvent(new Event("input"));
    expect(await modal.save()).toBe(true);
    await settle();
    expect(plugin.settings.lastEntryType).toBe("question");
    expect((registry.data__ as { lastEntryType?: string }).lastEntryType).toBe("question");
    expect(entryFiles(mock)).toHaveLength(1);

    registry.commands__.get("capture-entry")?.callback?.();
    expect(onlyOpenModal().contentEl.querySelector<HTMLSelectElement>('[aria-label="Type"]')?.value).toBe("question");
  });
});

describe("obsidian://lifebetter-capture", () => {
  it("captures directly when the text is given, with a notice that opens the note", async () => {
    const { registry, mock, app } = await start({}, { folders: { entry: "Inbox" } });
    const handler = registry.obsidianProtocolHandlers__.get("lifebetter-capture");
    handler?.({ action: "lifebetter-capture", type: "insight", text: "Small commits review faster", tags: "work" });
    await settle();
    const [path] = entryFiles(mock);
    expect(path).toMatch(/^Inbox\/\d{4}-\d{2}-\d{2} Small commits review faster\.md$/);
    expect(propertiesAt(mock, path ?? "")).toMatchObject({ kind: "entry", type: "insight", source: "uri", tags: ["work"] });
    expect(openModals.size).toBe(0);

    const notice = notices.find((candidate) => candidate.text.includes("Small commits review faster"));
    expect(notice).toBeDefined();
    const open = (notice?.message as DocumentFragment).querySelector("button");
    open?.click();
    await settle();
    expect(app.workspace.getActiveFile()?.path).toBe(path);
  });

  it("opens the modal prefilled when there is no text", async () => {
    const { registry, mock } = await start();
    registry.obsidianProtocolHandlers__.get("lifebetter-capture")?.({ action: "lifebetter-capture", type: "blocker", problem: "Ship v2" });
    await settle();
    const modal = onlyOpenModal();
    expect(modal.contentEl.querySelector<HTMLSelectElement>('[aria-label="Type"]')?.value).toBe("blocker");
    expect(modal.contentEl.querySelector<HTMLInputElement>('[aria-label="Problem"]')?.value).toBe("Ship v2");
    expect(entryFiles(mock)).toEqual([]);
  });

  it("writes nothing for an invalid mood and opens the modal with the text and the reason", async () => {
    const { registry, mock } = await start();
    registry.obsidianProtocolHandlers__.get("lifebetter-capture")?.({ action: "lifebetter-capture", text: "Great walk", mood: "11" });
    await settle();
    expect(entryFiles(mock)).toEqual([]);
    const modal = onlyOpenModal();
    expect(modal.contentEl.querySelector("textarea")?.value).toBe("Great walk");
    expect(modal.contentEl.querySelector(".lifebetter-capture-error")?.textContent).toMatch(/Mood must be a whole number from 1 to 10, not 11/);
  });

  it("opens the modal for an unknown type and says so, keeping the text", async () => {
    const { registry, mock } = await start();
    registry.obsidianProtocolHandlers__.get("lifebetter-capture")?.({ action: "lifebetter-capture", type: "idea", text: "Keep this" });
    await settle();
    expect(entryFiles(mock)).toEqual([]);
    const modal = onlyOpenModal();
    expect(modal.contentEl.querySelector("textarea")?.value).toBe("Keep this");
    expect(modal.contentEl.querySelector(".lifebetter-capture-error")?.textContent).toMatch(/Unknown entry type "idea"/);
  });
});

describe("duplicate ids", () => {
  it("gives a copied note a new id, with a notice, and the original keeps its id", async () => {
    const { mock, plugin } = await start({ "LifeBetter/Problems/Ship v2.md": ORIGINAL });
    mock.workspace.setLayoutReady__();
    await mock.vault.create("LifeBetter/Problems/Ship v2 1.md", ORIGINAL);
    await settle();

    expect(contentOf(mock, "LifeBetter/Problems/Ship v2.md")).toBe(ORIGINAL);
    const copy = propertiesAt(mock, "LifeBetter/Problems/Ship v2 1.md");
    expect(copy.id).not.toBe(ORIGINAL_ID);
    expect(copy.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(copy.updated).toEqual(expect.any(String));
    expect(copy).toMatchObject({ kind: "problem", status: "active" });
    expect(contentOf(mock, "LifeBetter/Problems/Ship v2 1.md").endsWith("---\n# Ship v2\n\nThe description.\n")).toBe(true);
    expect(notices.map((notice) => notice.text)).toEqual([
      '"LifeBetter/Problems/Ship v2 1.md" had the same id as "LifeBetter/Problems/Ship v2.md", so it looks like a copy: it got a new id.',
    ]);
    expect(plugin.duplicateIds?.pathOf(ORIGINAL_ID)).toBe("LifeBetter/Problems/Ship v2.md");
    expect(plugin.duplicateIds?.pathOf(copy.id as string)).toBe("LifeBetter/Problems/Ship v2 1.md");
  });

  it("waits for the layout before it watches the vault", async () => {
    const { mock } = await start({ "a.md": ORIGINAL });
    await mock.vault.create("b.md", ORIGINAL);
    await settle();
    expect(contentOf(mock, "b.md")).toBe(ORIGINAL);
    expect(notices).toEqual([]);
  });

  it("follows renames and deletes of the original", async () => {
    const { mock } = await start({ "Ship v2.md": ORIGINAL });
    mock.workspace.setLayoutReady__();
    const original = mock.vault.getFileByPath("Ship v2.md");
    if (!original) throw new Error("no original");
    await mock.vault.rename(original, "Projects/Ship v2.md");
    await mock.vault.create("Copy.md", ORIGINAL);
    await settle();
    expect(propertiesAt(mock, "Copy.md").id).not.toBe(ORIGINAL_ID);
    expect(contentOf(mock, "Projects/Ship v2.md")).toBe(ORIGINAL);

    // Once the original is gone, a note that brings its id back (undo, sync) keeps it.
    await mock.fileManager.trashFile(original);
    await mock.vault.create("Restored.md", ORIGINAL);
    await settle();
    expect(contentOf(mock, "Restored.md")).toBe(ORIGINAL);
    expect(notices).toHaveLength(1);
  });

  it("re-identifies a note whose id is edited into another record's id", async () => {
    const other = `---\nid: 9b2f7c1d-4e5a-4b6c-8d7e-0f1a2b3c4d5e\nkind: entry\n---\nbody\n`;
    const { mock } = await start({ "Ship v2.md": ORIGINAL, "Other.md": other });
    mock.workspace.setLayoutReady__();
    const file = mock.vault.getFileByPath("Other.md");
    if (!file) throw new Error("no file");
    await mock.vault.modify(file, other.replace("9b2f7c1d-4e5a-4b6c-8d7e-0f1a2b3c4d5e", ORIGINAL_ID));
    await settle();
    // Other.md is the newer file: it gets a fresh id, Ship v2 keeps its own.
    expect(propertiesAt(mock, "Other.md").id).not.toBe(ORIGINAL_ID);
    expect(contentOf(mock, "Ship v2.md")).toBe(ORIGINAL);
  });

  it("leaves notes in excluded folders and non-records alone", async () => {
    const notRecord = `---\nid: ${ORIGINAL_ID}\n---\nno kind\n`;
    const { mock } = await start({ "Ship v2.md": ORIGINAL }, { excludedFolders: ["Templates"] });
    mock.workspace.setLayoutReady__();
    await mock.vault.create("Templates/Problem.md", ORIGINAL);
    await mock.vault.create("Plain.md", notRecord);
    await settle();
    expect(contentOf(mock, "Templates/Problem.md")).toBe(ORIGINAL);
    expect(contentOf(mock, "Plain.md")).toBe(notRecord);
    expect(notices).toEqual([]);
  });

  it("starts nothing when the plugin was disabled before the layout was ready", async () => {
    const { mock, plugin } = await start({ "Ship v2.md": ORIGINAL });
    plugin.unload();
    mock.workspace.setLayoutReady__();
    await mock.vault.create("Copy.md", ORIGINAL);
    await settle();
    expect(plugin.duplicateIds).toBeNull();
    expect(contentOf(mock, "Copy.md")).toBe(ORIGINAL);
  });

  it("stops watching when the plugin is unloaded", async () => {
    const { mock, plugin } = await start({ "Ship v2.md": ORIGINAL });
    mock.workspace.setLayoutReady__();
    plugin.unload();
    await mock.vault.create("Copy.md", ORIGINAL);
    await settle();
    expect(contentOf(mock, "Copy.md")).toBe(ORIGINAL);
    expect(notices).toEqual([]);
  });
});

describe("saved settings", () => {
  it("a saved reflection prompt named like a schema property is ignored, with a notice and the reason in settings", async () => {
    const { plugin } = await start(
      {},
      {
        reflectionPrompts: [
          { heading: "Mood", property: "mood" },
          { heading: "Wins", property: "wins" },
        ],
      },
    );
    expect(plugin.settings.reflectionPrompts).toEqual([{ heading: "Wins", property: "wins" }]);
    expect(notices.map((notice) => notice.text)).toContainEqual(
      expect.stringContaining('LifeBetter: the reflection prompt "Mood = mood" is ignored: the property mood holds a number'),
    );
    expect(plugin.ignoredPrompts).toEqual([expect.stringMatching(/^The reflection prompt "Mood = mood" is ignored/)]);
  });
});
