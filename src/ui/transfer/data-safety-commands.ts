import { Notice, TFile, type Plugin } from "obsidian";
import { backupFiles, backupIfDue, writeBackup, type BackupHost } from "../../adapters/obsidian/backup-scheduler";
import { errorMessage } from "../../core/errors";
import type { LifeBetterSettings } from "../../core/settings";
import type { IndexClient } from "../../core/index/index-client";
import type { NoteRepository } from "../../core/vault/repository";
import type { ChatImportHost } from "../chats/chat-import";
import { enrichImportedConversations, importChatsFromDevice } from "../chats/chat-import";
import { CHECK_VIEW_TYPE, CheckView } from "../check/check-view";
import { DeleteRecordsModal } from "./delete-records-modal";
import { ExportModal } from "./export-modal";
import { ImportRecordsModal, ImportSourceModal, type ImportSource } from "./import-records-modal";
import { showView } from "../common/show-view";

/** What the data-safety commands need from the plugin. */
export interface DataSafetyPlugin extends Plugin {
  repo: NoteRepository;
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
  /** The search index's client once it runs (conversations are matched to problems by meaning through it). */
  readonly index?: IndexClient | null;
}

/** How often the plugin looks whether a backup is due (the interval itself is a setting, in hours). */
const BACKUP_TICK_MS = 10 * 60 * 1000;

function host(plugin: DataSafetyPlugin): BackupHost {
  return { app: plugin.app, repo: plugin.repo, settings: () => plugin.settings, save: () => plugin.saveSettings() };
}

/** The chat import's host: the backup host and the index's meaning scores, asked when they are needed (the index starts later). */
function chatHost(plugin: DataSafetyPlugin): ChatImportHost {
  return { ...host(plugin), problemMeaning: (text) => plugin.index?.problemMeaning(text) ?? Promise.resolve(null) };
}

/** Opens the vault check in a tab, or shows the one already open and checks again. */
export async function openCheckView(plugin: DataSafetyPlugin): Promise<void> {
  const wasOpen = plugin.app.workspace.getLeavesOfType(CHECK_VIEW_TYPE).length > 0;
  const leaf = await showView(plugin.app.workspace, CHECK_VIEW_TYPE);
  // A new view checks as it opens; one already open checks again.
  if (wasOpen && leaf?.view instanceof CheckView) await leaf.view.refresh();
}

/** Export, import, AI conversations, vault check, backups and careful deletion (README: Your data, safe). */
export function registerDataSafety(plugin: DataSafetyPlugin): void {
  const h = host(plugin);
  const openImport = (source: ImportSource): void => new ImportRecordsModal(h, source).open();
  plugin.registerView(CHECK_VIEW_TYPE, (leaf) => new CheckView(leaf, h));

  plugin.addCommand({ id: "check-vault", name: "Check vault", callback: () => void openCheckView(plugin) });
  plugin.addCommand({ id: "export-records", name: "Export records", callback: () => new ExportModal(h).open() });
  plugin.addCommand({
    id: "import-records",
    name: "Import records",
    callback: () => {
      const files = plugin.app.vault.getFiles().filter((file: TFile) => file.extension === "json");
      new ImportSourceModal(plugin.app, files, openImport, true).open();
    },
  });
  plugin.addCommand({ id: "import-ai-conversations", name: "Import AI conversations", callback: () => void importChatsFromDevice(chatHost(plugin)) });
  plugin.addCommand({ id: "enrich-imported-conversations", name: "Enrich imported conversations", callback: () => void enrichImportedConversations(chatHost(plugin)) });
  plugin.addCommand({
    id: "back-up-now",
    name: "Back up records now",
    callback: async () => {
      try {
        const path = await writeBackup(h);
        if (path) new Notice(`Backup written to ${path}`);
      } catch (error) {
        new Notice(`The backup could not be written: ${errorMessage(error)}`);
      }
    },
  });
  plugin.addCommand({
    id: "restore-backup",
    name: "Restore from backup",
    callback: () => {
      const backups = backupFiles(plugin.app, plugin.settings.backupFolder);
      if (backups.length === 0) {
        new Notice(`There are no backups in "${plugin.settings.backupFolder}" yet.`);
        return;
      }
      new ImportSourceModal(plugin.app, backups, openImport, false).open();
    },
  });
  plugin.addCommand({ id: "delete-records", name: "Delete all records of a kind or tag", callback: () => new DeleteRecordsModal(h).open() });
}

/** Starts the backup timer; call once the layout is ready (a backup reads every note). */
export function startBackups(plugin: DataSafetyPlugin): void {
  const h = host(plugin);
  void backupIfDue(h);
  plugin.registerInterval(window.setInterval(() => void backupIfDue(h), BACKUP_TICK_MS));
}
