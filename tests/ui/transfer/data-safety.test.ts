import { beforeEach, describe, expect, it } from "vitest";
import type { App } from "obsidian";
import { parseNote, composeNote } from "../../../src/core/codec/frontmatter";
import { DEFAULT_SETTINGS, type LifeBetterSettings } from "../../../src/core/settings";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { backupIfDue, writeBackup } from "../../../src/adapters/obsidian/backup-scheduler";
import LifeBetterPlugin from "../../../src/main";
import { runChatImport } from "../../../src/ui/chats/chat-import";
import { CheckView } from "../../../src/ui/check/check-view";
import { ConfirmModal } from "../../../src/ui/common/confirm-modal";
import { DeleteRecordsModal } from "../../../src/ui/transfer/delete-records-modal";
import { ExportModal } from "../../../src/ui/transfer/export-modal";
import { ImportRecordsModal, ImportSourceModal } from "../../../src/ui/transfer/import-records-modal";
import { LifeBetterSettingTab } from "../../../src/ui/settings/settings-tab";
import { SettingTab } from "obsidian-test-mocks/obsidian";
import { chatGptConversation, dialogue } from "../../support/chat-exports";
import { MANIFEST, contentOf, makeApp, notices, openModals, registered, resetNotices, settle } from "../../support/obsidian-shims";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const note = (properties: Record<string, unknown>, body = "Body\n"): string => composeNote(properties, body);

function setup(files: Record<string, string>, settings: Partial<LifeBetterSettings> = {}) {
  const { app, mock } = makeApp(files);
  const current: LifeBetterSettings = { ...structuredClone(DEFAULT_SETTINGS), ...settings };
  let saved = 0;
  const host = { app, repo: new ObsidianNoteRepository(app), settings: () => current, saveSettings: () => Promise.resolve(void saved++) };
  return { app, mock, host, current, saves: () => saved };
}

function paths(app: App): string[] {
  return app.vault
    .getFiles()
    .map((file) => file.path)
    .sort();
}

function buttonIn(root: HTMLElement, text: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll("button")].find((b) => (typeof text === "string" ? b.textContent === text : text.test(b.textContent ?? "")));
  if (!found) throw new Error(`no button ${String(text)} in: ${root.textContent}`);
  return found;
}

function openModal<T extends object>(type: new (...args: never[]) => T): T {
  const found = [...openModals].find((modal): modal is T => modal instanceof type);
  if (!found) throw new Error(`no open ${type.name}`);
  return found;
}

beforeEach(() => {
  resetNotices();
  openModals.clear();
});

describe("data-safety commands", () => {
  it("registers its commands without hotkeys, and the check view", async () => {
    const { app } = makeApp({});
    const plugin = new LifeBetterPlugin(app, MANIFEST);
    plugin.load();
    await settle();
    const registry = registered(plugin);
    const ids = [...registry.commands__.values()].map((command) => command.id);
    expect(ids).toEqual(
      expect.arrayContaining(["check-vault", "export-records", "import-records", "import-ai-conversations", "back-up-now", "restore-backup", "delete-records"]),
    );
    expect([...registry.commands__.values()].every((command) => command.hotkeys === undefined)).toBe(true);
    expect(registry.views__.has("lifebetter-check")).toBe(true);
  });
});

describe("Check vault view", () => {
  it("shows the findings grouped with one-click fixes that change properties only", async () => {
    const { app, mock, host } = setup({
      "a.md": note({ kind: "entry", type: "insight" }, "Keep this body <img src=x onerror=alert(1)>\n"),
      "b.md": note({ id: ID, kind: "entry", type: "insight", mood: "great" }, "B body\n"),
      "c.md": note({ id: "1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02", kind: "entry", type: "insight" }, "see [[Nowhere]]\n"),
    });
    const leaf = app.workspace.getLeaf(true);
    const view = new CheckView(leaf, host);
    await view.onOpen();
    const root = view.contentEl;
    expect(root.querySelector(".lifebetter-check-summary")?.textContent).toBe("3 notes checked, 3 LifeBetter records: 3 findings.");
    const headings = [...root.querySelectorAll("h3")].map((h) => h.textContent);
    expect(headings).toEqual(["Missing ids (1)", "Invalid property values (1)", "Broken links (1)"]);

    buttonIn(root, "Give this note an id").click();
    await settle();
    const fixed = parseNote(contentOf(mock, "a.md"));
    expect(fixed.ok && typeof fixed.properties.id).toBe("string");
    expect(fixed.ok && fixed.parts.body).toBe("Keep this body <img src=x onerror=alert(1)>\n");
    expect(root.textContent).toContain("Fixed");

    // An invalid value without a repair: removed only after confirming.
    buttonIn(root, "Remove mood").click();
    await settle();
    buttonIn(openModal(ConfirmModal).contentEl, "Cancel").click();
    await settle();
    expect(contentOf(mock, "b.md")).toContain("mood: great");
    buttonIn(root, "Remove mood").click();
    await settle();
    buttonIn(openModal(ConfirmModal).contentEl, "Remove mood").click();
    await settle();
    expect(contentOf(mock, "b.md")).not.toContain("mood");
    expect(contentOf(mock, "b.md")).toMatch(/B body\n$/);
    expect(root.querySelector(".lifebetter-check-path")?.textContent).toBe("a.md"); // text, never HTML

    buttonIn(root, "Check again").click();
    await settle(10);
    expect([...root.querySelectorAll("h3")].map((h) => h.textContent)).toEqual(["Broken links (1)"]);
  });
});

describe("Export records", () => {
  const files = {
    "LifeBetter/Entries/public.md": note({ id: ID, kind: "entry", type: "insight" }),
    "LifeBetter/Entries/secret.md": note({ id: "1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02", kind: "entry", type: "insight", private: true }, "secret words\n"),
  };

  it("saves a JSON export into the chosen vault folder, private records only when ticked", async () => {
    const { app, mock, host } = setup(files);
    const modal = new ExportModal(host);
    modal.open();
    const folder = modal.contentEl.querySelector<HTMLInputElement>('[aria-label="Export folder"]');
    if (!folder) throw new Error("no folder field");
    folder.value = "Backups/Manual";
    folder.dispatchEvent(new Event("input"));
    buttonIn(modal.contentEl, "Save in vault").click();
    await modal.done;
    const [exported] = paths(app).filter((p) => p.endsWith(".json"));
    expect(exported).toMatch(/^Backups\/Manual\/LifeBetter export \d{4}-\d{2}-\d{2} \d{6}\.json$/);
    const text = contentOf(mock, exported ?? "");
    expect((JSON.parse(text) as { records: unknown[] }).records).toHaveLength(1);
    expect(text).not.toContain("secret words");
    expect(notices.at(-1)?.text).toMatch(/Exported 1 records to Backups\/Manual\/.* 1 private left out\./);
  });

  it("says what is wrong with a mistyped date and exports nothing", async () => {
    const { app, host } = setup(files);
    const modal = new ExportModal(host);
    modal.open();
    modal.choice.since = "yesterday";
    buttonIn(modal.contentEl, "Save in vault").click();
    await modal.done;
    expect(modal.contentEl.querySelector(".lifebetter-export-message")?.textContent).toBe('From "yesterday" is not a date: use YYYY-MM-DD.');
    expect(paths(app).filter((p) => p.endsWith(".json"))).toEqual([]);
  });
});

describe("Import records", () => {
  it("shows the dry run, then imports when the user agrees", async () => {
    const { app, host } = setup({ "LifeBetter/Entries/a.md": "---\ntitle: someone else's\n---\n" });
    const text = JSON.stringify({
      format: "lifebetter-records",
      version: 1,
      records: [{ id: ID, kind: "entry", path: "LifeBetter/Entries/a.md", properties: { type: "insight" }, body: "Imported\n" }],
    });
    const modal = new ImportRecordsModal(host, { label: "export.json", read: () => Promise.resolve(text) });
    modal.open();
    await modal.ready;
    expect(modal.contentEl.querySelector(".lifebetter-import-counts")?.textContent).toBe(
      "export.json: 1 will be created, 0 will be updated, 0 will be skipped, 0 errors.",
    );
    expect(modal.contentEl.textContent).toContain("New: LifeBetter/Entries/a 2.md (“LifeBetter/Entries/a.md” is another note)");
    expect(paths(app)).toEqual(["LifeBetter/Entries/a.md"]);
    buttonIn(modal.contentEl, "Import 1 record").click();
    await modal.applied;
    expect(paths(app)).toEqual(["LifeBetter/Entries/a 2.md", "LifeBetter/Entries/a.md"]);
    expect(notices.at(-1)?.text).toBe("Import finished: 1 created, 0 updated, 0 skipped, 0 errors.");
  });

  it("a file that is not an export gets a clear message and no import button", async () => {
    const { host } = setup({});
    const modal = new ImportRecordsModal(host, { label: "x.json", read: () => Promise.resolve("{ not json") });
    modal.open();
    await modal.ready;
    expect(modal.contentEl.querySelector(".lifebetter-import-error")?.textContent).toMatch(/^The file is not valid JSON/);
    expect([...modal.contentEl.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["Close"]);
  });
});

describe("Import AI conversations", () => {
  it("streams the file into notes with a progress notice, then a summary", async () => {
    const { app, host } = setup({});
    const file = new Blob([JSON.stringify([chatGptConversation("g", "Cache trouble", dialogue(4))])]);
    const report = await runChatImport(host, file, "conversations.json");
    expect(report?.conversations.created).toBe(1);
    expect(paths(app)).toContain("LifeBetter/Conversations/2026-01-05 Cache trouble.md");
    const progress = notices.find((n) => n.text.startsWith("Importing AI conversations from conversations.json"));
    const label = (progress?.message as DocumentFragment | undefined)?.querySelector(".lifebetter-chat-progress-label");
    expect(label?.textContent).toMatch(/^100% · 0\.0 of 0\.0 MB read$/);
    expect(notices.at(-1)?.text).toBe(
      "Imported 1 conversations and 2 questions; 0 were already imported. Wrote 1 summary and linked 0 conversations to a problem.",
    );
  });

  it("Cancel stops the import and keeps what was imported", async () => {
    const { app, host } = setup({});
    const many = JSON.stringify(Array.from({ length: 30 }, (_, i) => chatGptConversation(`g${i}`, `Chat ${i}`, dialogue(2))));
    const file = new Blob([many]);
    // Blob.stream() hands the whole small file at once: cut it into chunks as a large file would come.
    (file as { stream: () => ReadableStream<Uint8Array> }).stream = () => {
      const bytes = new TextEncoder().encode(many);
      let offset = 0;
      return new ReadableStream({
        pull: (controller) => (offset >= bytes.length ? controller.close() : controller.enqueue(bytes.slice(offset, (offset += 2000)))),
      });
    };
    const running = runChatImport(host, file, "big.json");
    await settle(3);
    const progress = notices.find((n) => n.text.startsWith("Importing AI conversations from big.json"));
    (progress?.message as DocumentFragment | undefined)?.querySelector("button")?.click();
    const report = await running;
    expect(report?.cancelled).toBe(true);
    const created = paths(app).filter((p) => p.startsWith("LifeBetter/Conversations/")).length;
    expect(created).toBe(report?.conversations.created);
    expect(created).toBeLessThan(30);
    expect(notices.at(-1)?.text).toMatch(/Cancelled after \d+ conversations; those already imported are kept\./);
  });
});

describe("Delete records of a kind or tag", () => {
  it("states the count, asks, then moves exactly those files to the trash", async () => {
    const { app, host } = setup({
      "p1.md": note({ id: ID, kind: "problem", tags: ["old"] }),
      "p2.md": note({ id: "1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02", kind: "problem" }),
      "e.md": note({ id: "2b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a03", kind: "entry", type: "insight", tags: ["old/sub"] }),
      "plain.md": "---\ntags: [old]\n---\nnot a record\n",
    });
    const modal = new DeleteRecordsModal(host);
    modal.open();
    const tag = modal.contentEl.querySelector<HTMLInputElement>('[aria-label="Tag"]');
    if (!tag) throw new Error("no tag field");
    tag.value = "old";
    tag.dispatchEvent(new Event("input"));
    await modal.counted;
    expect(modal.contentEl.querySelector(".lifebetter-delete-count")?.textContent).toBe("2 records tagged #old found.");
    buttonIn(modal.contentEl, "Move to trash…").click();
    await settle();
    const confirm = openModal(ConfirmModal);
    expect(confirm.contentEl.textContent).toContain("This moves 2 records tagged #old to the trash.");
    buttonIn(confirm.contentEl, "Move 2 to trash").click();
    await modal.deleted;
    expect(paths(app)).toEqual(["p2.md", "plain.md"]);
    expect(notices.at(-1)?.text).toBe("Moved 2 records tagged #old to the trash.");
  });
});

describe("Scheduled backups", () => {
  it("writes a dated backup with private records, keeps the last N, and waits for the interval", async () => {
    const { app, mock, host, current } = setup(
      { "e.md": note({ id: ID, kind: "entry", type: "insight", private: true }, "private but backed up\n") },
      { backupKeep: 2, backupIntervalHours: 24 },
    );
    const day = (d: number) => new Date(2026, 10, d, 3, 0, 0);
    expect(await backupIfDue(host, day(1))).toBe("LifeBetter/Backups/LifeBetter backup 2026-11-01 030000.json");
    expect(await backupIfDue(host, new Date(2026, 10, 1, 20))).toBeNull(); // not 24 h yet
    await backupIfDue(host, day(2));
    await writeBackup(host, day(3));
    expect(paths(app)).toEqual([
      "LifeBetter/Backups/LifeBetter backup 2026-11-02 030000.json",
      "LifeBetter/Backups/LifeBetter backup 2026-11-03 030000.json",
      "e.md",
    ]);
    expect(contentOf(mock, "LifeBetter/Backups/LifeBetter backup 2026-11-03 030000.json")).toContain("private but backed up");
    expect(current.lastBackupAt).toBe(day(3).getTime());
    current.backupIntervalHours = 0;
    expect(await backupIfDue(host, day(20))).toBeNull(); // off
  });

  it("writes no scheduled backup for a vault without records", async () => {
    const { app, host, current } = setup({ "plain.md": "Just a note\n" });
    expect(await backupIfDue(host, new Date(2026, 10, 1))).toBeNull();
    expect(paths(app)).toEqual(["plain.md"]);
    expect(current.lastBackupAt).toBe(new Date(2026, 10, 1).getTime());
  });
});

describe("Restore from backup and the backup settings", () => {
  it("lists the backups and opens the import preview for the one chosen", async () => {
    const { app } = makeApp({ "e.md": note({ id: ID, kind: "entry", type: "insight" }) });
    const plugin = new LifeBetterPlugin(app, MANIFEST);
    plugin.load();
    await settle();
    const registry = registered(plugin);
    registry.commands__.get("restore-backup")?.callback?.();
    expect(notices.at(-1)?.text).toBe('There are no backups in "LifeBetter/Backups" yet.');
    registry.commands__.get("back-up-now")?.callback?.();
    await settle(10);
    expect(notices.at(-1)?.text).toMatch(/^Backup written to LifeBetter\/Backups\/LifeBetter backup /);
    registry.commands__.get("restore-backup")?.callback?.();
    const picker = openModal(ImportSourceModal);
    const items = picker.getItems();
    expect(items.map((item) => picker.getItemText(item))).toEqual([expect.stringMatching(/^LifeBetter\/Backups\/LifeBetter backup .*\.json$/)]);
    picker.onChooseItem(items[0] as Parameters<ImportSourceModal["onChooseItem"]>[0]);
    const preview = openModal(ImportRecordsModal);
    await preview.ready;
    expect(preview.contentEl.querySelector(".lifebetter-import-counts")?.textContent).toMatch(
      /0 will be created, 0 will be updated, 1 will be skipped, 0 errors\.$/,
    );
  });

  it("saves the backup folder, interval and count typed in the settings tab, ignoring a count below 1", async () => {
    const { app } = makeApp({});
    const plugin = new LifeBetterPlugin(app, MANIFEST);
    plugin.load();
    await settle();
    const tab = new LifeBetterSettingTab(app, plugin);
    SettingTab.fromOriginalType__(tab).renderTab__();
    const field = (label: string): HTMLInputElement => {
      const el = tab.containerEl.querySelector<HTMLInputElement>(`[aria-label="${label}"]`);
      if (!el) throw new Error(`no field ${label}`);
      return el;
    };
    const type = (label: string, value: string): void => {
      field(label).value = value;
      field(label).dispatchEvent(new Event("input"));
    };
    type("Backup folder", "Safe/Backups/");
    type("Hours between backups", "6");
    type("Backups to keep", "0");
    await settle();
    expect(plugin.settings).toMatchObject({ backupFolder: "Safe/Backups", backupIntervalHours: 6, backupKeep: 7 });
    type("Backups to keep", "3");
    await settle();
    expect((registered(plugin).data__ as { backupKeep?: number }).backupKeep).toBe(3);
  });
});
