/**
 * The script of a screenshot page (bundled by tests/support/screenshot.ts): installs Obsidian's DOM
 * helpers (createEl, createDiv, empty, setText, addClass, …) from obsidian-test-mocks, dresses the
 * mock's elements like Obsidian's, then renders the screen into #root and reports back.
 */
import { setup } from "obsidian-test-mocks/setup";
import { dressMocks } from "./obsidian-dom";

interface ScreenModule {
  render(root: HTMLElement): Promise<void>;
}

declare global {
  interface Window {
    /** Set once the screen rendered: "ok" or the error's text. */
    lifebetterScreen?: string;
  }
}

export function start(load: () => Promise<ScreenModule>): void {
  const run = async (): Promise<void> => {
    setup();
    dressMocks();
    const root = document.getElementById("root");
    if (!root) throw new Error("the host page has no #root");
    const screen = await load();
    await screen.render(root);
    await document.fonts.ready;
  };
  run().then(
    () => (window.lifebetterScreen = "ok"),
    (error: unknown) => (window.lifebetterScreen = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error)),
  );
}
