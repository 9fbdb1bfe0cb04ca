/**
 * Screenshots of real UI code in headless Chromium (the "screenshots" vitest project).
 *
 * `shoot(screen, theme)` bundles tests/screens/<screen>.screen.ts for the browser (imports of
 * `obsidian` resolve to obsidian-test-mocks), loads it in a page with Obsidian's light or dark theme
 * variables (tests/screens/host/obsidian-theme.css) plus our styles.css, waits for its render(), and
 * writes tests/screenshots/<screen>-<theme>.png. Tests then assert on what the page shows.
 *
 * Without /usr/bin/chromium the calling test is skipped with the reason printed, unless
 * LIFEBETTER_REQUIRE_BROWSER=1 (CI), where it fails and says what to install.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { TestRunner, afterAll } from "vitest";

export type Theme = "light" | "dark";

export interface ShootOptions {
  /** Viewport width in CSS pixels (default 900). */
  width?: number;
  /** Viewport height (default 700); the picture grows to the full page height. */
  height?: number;
}

export interface Shot {
  page: Page;
  /** Where the PNG was written. */
  path: string;
  /** The text a user sees in the rendered screen (hidden elements left out). */
  text(): Promise<string>;
  /** How many visible elements of the screen match `selector`. */
  count(selector: string): Promise<number>;
}

export const CHROMIUM = "/usr/bin/chromium";
const INSTALL = "apt-get install chromium fonts-inter fonts-wqy-zenhei fonts-noto-color-emoji";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SCREENS = path.join(ROOT, "tests/screens");
const OUTPUT = path.join(ROOT, "tests/screenshots");
const MOCKS = path.join(ROOT, "node_modules/obsidian-test-mocks/dist/lib/esm/obsidian/index.mjs");
// Chromium's own background traffic and GPU are of no use for a picture, and no sandbox lets it run as root.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browser: Promise<Browser> | null = null;
let warned = false;
const bundles = new Map<string, Promise<string>>();

afterAll(async () => {
  const open = browser;
  browser = null;
  if (open) await (await open).close();
});

/** Renders `screen` in `theme`, writes its PNG and returns the page to assert on. */
export async function shoot(screen: string, theme: Theme, options: ShootOptions = {}): Promise<Shot> {
  requireBrowser();
  const [script, chrome] = await Promise.all([bundle(screen), (browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS }))]);
  const page = await chrome.newPage({ viewport: { width: options.width ?? 900, height: options.height ?? 700 } });
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(error.message));
  // A dialog means markup from note text ran (an onerror=alert(1) image): fail the screen.
  page.on("dialog", (dialog) => {
    failures.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(message.text());
  });
  await page.setContent(hostPage(theme));
  await page.addScriptTag({ content: script });
  await page.waitForFunction(() => window.lifebetterScreen !== undefined, undefined, { timeout: 20_000 });
  const outcome = await page.evaluate(() => window.lifebetterScreen);
  if (outcome !== "ok") throw new Error(`The screen "${screen}" did not render: ${outcome ?? "no answer"}`);
  if (failures.length > 0) throw new Error(`The screen "${screen}" logged errors:\n${failures.join("\n")}`);
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${screen}-${theme}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  const root = page.locator("#root");
  return {
    page,
    path: file,
    text: () => root.innerText(),
    count: (selector) => root.locator(selector).filter({ visible: true }).count(),
  };
}

/** Skips the running test (or fails it where a browser is required) when Chromium is not installed. */
export function requireBrowser(): void {
  if (existsSync(CHROMIUM)) return;
  const reason = `Screenshots need Chromium at ${CHROMIUM} and fonts: ${INSTALL}`;
  if (process.env.LIFEBETTER_REQUIRE_BROWSER === "1") throw new Error(`${reason} (LIFEBETTER_REQUIRE_BROWSER=1)`);
  if (!warned) console.warn(`Skipping screenshot tests. ${reason}`);
  warned = true;
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error(reason);
  test.context.skip(reason);
}

function hostPage(theme: Theme): string {
  const css = [readFileSync(path.join(SCREENS, "host/obsidian-theme.css"), "utf8"), readFileSync(path.join(ROOT, "styles.css"), "utf8")];
  return `<!doctype html><html><head><meta charset="utf-8"><title>LifeBetter screen</title>${css.map((text) => `<style>${text}</style>`).join("")}</head><body class="theme-${theme}"><div id="root"></div></body></html>`;
}

/** The screen and the host script as one browser script, built once per screen and test file. */
function bundle(screen: string): Promise<string> {
  let built = bundles.get(screen);
  if (!built) {
    const file = path.join(SCREENS, `${screen}.screen.ts`);
    if (!existsSync(file)) throw new Error(`No screen module at ${path.relative(ROOT, file)}`);
    built = esbuild
      .build({
        stdin: {
          contents: `import { start } from "./host/page"; start(() => import(${JSON.stringify(`./${screen}.screen`)}));`,
          resolveDir: SCREENS,
          loader: "ts",
          sourcefile: "screen-entry.ts",
        },
        bundle: true,
        write: false,
        format: "iife",
        platform: "browser",
        target: "es2022",
        alias: { obsidian: MOCKS },
        define: { "process.env.NODE_ENV": '"test"' },
        logLevel: "silent",
      })
      .then((result) => result.outputFiles[0]?.text ?? "");
    bundles.set(screen, built);
  }
  return built;
}
