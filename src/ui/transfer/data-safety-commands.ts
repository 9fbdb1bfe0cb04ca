import { Notice, TFile } from "obsidian";
import { backupFiles, backupIfDue, writeBackup } from "../../adapters/obsidian/backup-scheduler";
import { errorMessage } from "../../core/errors";
import { enrichImportedConversations, importChatsFromDevice, withProblemMeaning } from "../chats/chat-import";
import { CHECK_VIEW_TYPE, CheckView } from "../check/check-view";
import { DeleteRecordsModal } from "./delete-records-modal";
import { ExportModal } from "./export-modal";
import { ImportRecordsModal, ImportSourceModal, type ImportSource } from "./import-records-modal";
import { showView } from "../common/show-view";
import type { PluginContext } from "../plugin-context";

/** How often the plugin looks whether a backup is due (the interval itself is a setting, in hours). */
const BACKUP_TICK_MS = 10 * 60 * 1000;

/** Opens the vault check in a tab, or shows the one already open and checks again. */
export async function openCheckView(context: Pick<PluginContext, "app">): Promise<void> {
  const wasOpen = context.app.workspace.getLeavesOfType(CHECK_VIEW_TYPE).length > 0;
  const leaf = await showView(context.app.workspace, CHECK_VIEW_TYPE);
  // A new view checks as it opens; one already open checks again.
  if (wasOpen && leaf?.view instanceof CheckView) await leaf.view.refresh();
}

/** Export, import, AI conversations, vault check, backups and careful deletion (README: Your data, safe). */
export function registerDataSafety(context: PluginContext): void {
  const { plugin, app } = context;
  const openImport = (source: ImportSource): void => new ImportRecordsModal(context, source).open();
  plugin.registerView(CHECK_VIEW_TYPE, (leaf) => new CheckView(leaf, context));

  plugin.addCommand({ id: "check-vault", name: "Check vault", callback: () => void openCheckView(context) });
  plugin.addCommand({ id: "export-records", name: "Export records", callback: () => new ExportModal(context).open() });
  plugin.addCommand({
    id: "import-records",
    name: "Import records",
    callback: () => {
      const files = app.vault.getFiles().filter((file: TFile) => file.extension === "json");
      new ImportSourceModal(app, files, openImport, true).open();
    },
  });
  plugin.addCommand({
    id: "import-ai-conversations",
    name: "Import AI conversations",
    callback: () => void importChatsFromDevice(withProblemMeaning(context)),
  });
  plugin.addCommand({
    id: "enrich-imported-conversations",
    name: "Enrich imported conversations",
    callback: () => void enrichImportedConversations(withProblemMeaning(context)),
  });
  plugin.addCommand({
    id: "back-up-now",
    name: "Back up records now",
    callback: async () => {
      try {
        const path = await writeBackup(context);
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
      const backups = backupFiles(app, context.settings().backupFolder);
      if (backups.length === 0) {
        new Notice(`There are no backups in "${context.settings().backupFolder}" yet.`);
        return;
      }
      new ImportSourceModal(app, backups, openImport, false).open();
    },
  });
  plugin.addCommand({ id: "delete-records", name: "Delete all records of a kind or tag", callback: () => new DeleteRecordsModal(context).open() });
}

/** Starts the backup timer; call once the layout is ready (a backup reads every note). */
export function startBackups(context: PluginContext): void {
  void backupIfDue(context);
  context.plugin.registerInterval(window.setInterval(() => void backupIfDue(context), BACKUP_TICK_MS));
}
