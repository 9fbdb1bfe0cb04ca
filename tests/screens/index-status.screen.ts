/** The status bar's index item and its panel, for a vault of 10,000 notes whose model download failed. */
import { Plugin } from "obsidian";
import { loadSettings } from "../../src/core/settings";
import { makeStatusItemOpen } from "../../src/ui/index/index-status-item";
import { IndexStatusModal, type IndexDetails } from "../../src/ui/index/index-status-panel";
import { MANIFEST, makeApp } from "../support/obsidian-shims";
import { showModal, showStatusBar } from "./host/frame";

const REASON = '"Xenova/all-MiniLM-L6-v2/config.json" could not be downloaded (net::ERR_INTERNET_DISCONNECTED)';

export async function render(root: HTMLElement): Promise<void> {
  const { app } = makeApp({});
  const settings = loadSettings({ excludedFolders: ["Archive", "Templates"] });
  const details: IndexDetails = {
    line: `Full text only — ${REASON}`,
    phase: "full-text",
    download: null,
    modelProblem: {
      reason: REASON,
      fix: "Check the connection and reload the plugin to try again (finished files are kept), or download the files yourself and set a local model folder.",
    },
    lastSaved: new Date(2026, 10, 25, 9, 41).getTime(),
    restored: false,
    canRestart: true,
  };
  const modal = new IndexStatusModal({
    app,
    details: () => details,
    status: () =>
      Promise.resolve({
        notes: 10_000,
        chunks: 0,
        pendingEmbeddings: 0,
        embedded: 0,
        reused: 0,
        skipped: [{ path: "Big/Export.md", reason: "larger than 2 MB" }],
        embeddings: { state: "unavailable", reason: REASON, fix: "" },
      }),
    settings: () => settings,
    onChange: () => () => undefined,
    rebuild: () => undefined,
    retryModel: () => undefined,
    cancelDownload: () => undefined,
  });
  await showModal(root, modal);

  const item = createDiv({ cls: "lifebetter-index-status", text: details.line });
  class Host extends Plugin {}
  makeStatusItemOpen(new Host(app, MANIFEST), item, () => undefined);
  showStatusBar(root, [createDiv({ text: "1,234 words" }), item]);
}
