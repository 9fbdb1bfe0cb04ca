/**
 * The page script of the release smoke test (release-smoke.test.ts): loads the built `main.js` as
 * Obsidian does (a CommonJS module whose only import is `obsidian`, answered here by
 * obsidian-test-mocks), runs `onload` and layout ready over a small vault, lets the index worker start
 * from its Blob, runs every command, opens every view, then unloads. It reports what it did on
 * `window.lifebetterSmoke`; the test fails on any page error, console error or unhandled rejection.
 */
import * as mocks from "obsidian-test-mocks/obsidian";
import { setup } from "obsidian-test-mocks/setup";
import { dressMocks } from "../screens/host/obsidian-dom";

export interface SmokeReport {
  ok: boolean;
  error?: string;
  commands: string[];
  /** Commands that need an editor: run only with one open, so listed here, not run. */
  editorCommands: string[];
  views: string[];
  statusBar: string[];
  indexNotes: number | null;
}

declare global {
  interface Window {
    lifebetterSmoke?: SmokeReport;
    /** The text of the built main.js, put in the page by the test before this script runs. */
    lifebetterRelease?: string;
  }
}

const MANIFEST = {
  id: "lifebetter",
  name: "LifeBetter",
  version: "0.1.0",
  minAppVersion: "1.5.0",
  description: "",
  author: "",
  dir: ".obsidian/plugins/lifebetter",
};

const NOW = "2026-12-02T09:00:00.000+00:00";
const FILES: Record<string, string> = {
  "LifeBetter/Problems/Ship v2.md": `---\nid: 0b7f8c1e-1d2a-4e3b-9c4d-5e6f7a8b9c0d\nkind: problem\nstatus: active\npriority: high\ncreated: ${NOW}\nstarted: 2026-11-20\n---\nShip the second version.\n\n## Milestones\n\n- [ ] Write the migration\n\n## Sessions\n\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n`,
  "LifeBetter/Entries/2026-12-01 Why does the build fail.md": `---\nid: 1c8e9d2f-2e3b-4f4c-8d5e-6f7a8b9c0d1e\nkind: entry\ntype: question\ncreated: ${NOW}\ntimestamp: ${NOW}\nproblem: "[[Ship v2]]"\n---\nWhy does the build fail on a clean clone?\n`,
  "LifeBetter/Meta-skills/Rubber duck.md": `---\nid: 2d9fae30-3f4c-4a5d-9e6f-7a8b9c0d1e2f\nkind: meta-skill\nsource: learned\ncreated: ${NOW}\nreview_due: 2026-12-01\nease: 2.5\ninterval_days: 1\nreview_count: 1\n---\n## What it is\n\nExplain the problem aloud.\n\n## When to use\n\nWhen stuck.\n\n## How to apply\n\nTalk it through.\n`,
  "Notes/Ideas.md": "# Ideas\n\nA plain note about gardening and tomatoes.\n",
};

/** Lets promise chains, zero-delay timers and worker messages run. */
async function settle(ms = 50): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer = 0;
  const timeout = new Promise<never>((_, reject) => (timer = window.setTimeout(() => reject(new Error(`${what} did not settle in ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    window.clearTimeout(timer);
  }
}

interface LoadedPlugin {
  load(): void;
  unload(): void;
  indexBuilt: Promise<void>;
  indexStopped: Promise<string | null>;
  context: { index: { availability(): { state: string; queries?: { status(): Promise<{ notes: number }> } } } };
}

/** Evaluates the release bundle the way Obsidian loads a plugin and returns its default export. */
function loadRelease(code: string): new (app: unknown, manifest: unknown) => LoadedPlugin {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const require = (name: string): unknown => {
    if (name === "obsidian") return mocks;
    throw new Error(`main.js asked for "${name}", which Obsidian does not provide`);
  };
  // The release is a CommonJS bundle: this is how a plugin's main.js runs (Function, not eval, keeps it out of this scope).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the built bundle is the point of this test
  const evaluate = new Function("module", "exports", "require", code) as (module: unknown, exports: unknown, require: unknown) => void;
  evaluate(module, module.exports, require);
  const plugin = module.exports.default;
  if (typeof plugin !== "function") throw new Error("main.js has no default export (the plugin class)");
  return plugin as new (app: unknown, manifest: unknown) => LoadedPlugin;
}

async function run(): Promise<SmokeReport> {
  setup();
  dressMocks();
  const code = window.lifebetterRelease;
  if (typeof code !== "string") throw new Error("the test put no main.js in the page");
  const Plugin = loadRelease(code);
  const mockApp = mocks.App.createConfigured__({ files: FILES });
  // Obsidian's per-vault id (not in its typings; the saved index is keyed by it); the strict mock wants it set.
  Object.assign(mockApp, { appId: "smoke-vault" });
  const app = mockApp.asOriginalType__();
  const plugin = new Plugin(app, MANIFEST);
  const registry = mocks.Plugin.fromOriginalType2__(plugin as never);
  // No network here: search by meaning off, so the worker starts with full text only (no model download).
  registry.data__ = { semanticIndex: false };
  plugin.load();
  await settle();
  mockApp.workspace.setLayoutReady__();
  await withTimeout(plugin.indexBuilt, 30_000, "the index");
  await settle(300);

  const report: SmokeReport = { ok: true, commands: [], editorCommands: [], views: [], statusBar: [], indexNotes: null };
  report.statusBar = registry.statusBarItems__.map((item) => item.textContent ?? "");
  const client = plugin.context.index.availability().queries;
  report.indexNotes = client ? (await client.status()).notes : null;

  for (const command of registry.commands__.values()) {
    if (command.editorCallback || command.editorCheckCallback) {
      report.editorCommands.push(command.id);
      continue;
    }
    if (command.checkCallback) {
      if (command.checkCallback(true)) command.checkCallback(false);
    } else {
      command.callback?.();
    }
    report.commands.push(command.id);
    await settle();
  }

  for (const [type, create] of registry.views__) {
    const leaf = mockApp.workspace.getLeaf(true);
    const view = create(leaf as never) as unknown as { load(): void; unload(): void; onOpen(): Promise<void>; onClose(): Promise<void> };
    await leaf.open(view as never);
    view.load();
    await view.onOpen();
    await settle();
    await view.onClose();
    view.unload();
    report.views.push(type);
  }

  plugin.unload();
  await withTimeout(plugin.indexStopped, 30_000, "stopping the index");
  await settle();
  return report;
}

run().then(
  (report) => (window.lifebetterSmoke = report),
  (error: unknown) =>
    (window.lifebetterSmoke = {
      ok: false,
      error: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error),
      commands: [],
      editorCommands: [],
      views: [],
      statusBar: [],
      indexNotes: null,
    }),
);
