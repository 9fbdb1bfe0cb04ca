import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHROMIUM, requireBrowser } from "../support/screenshot";
import type { SmokeReport } from "./release-page";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MOCKS = path.join(ROOT, "node_modules/obsidian-test-mocks/dist/lib/esm/obsidian/index.mjs");
// A made-up origin served by the test itself (page.route): IndexedDB and Blob workers need a real origin, not about:blank.
const ORIGIN = "http://lifebetter.test";

/** The release files as a user gets them: what `npm run build` wrote. */
function releaseFile(name: string): string {
  const file = path.join(ROOT, name);
  if (!existsSync(file)) throw new Error(`${name} is missing: run \`npm run build\` first (the README's first command)`);
  return readFileSync(file, "utf8");
}

async function pageScript(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "tests/browser/release-page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    alias: { obsidian: MOCKS, "obsidian-test-mocks/obsidian": MOCKS },
    define: { "process.env.NODE_ENV": '"test"' },
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("the release in Chromium", () => {
  it("loads main.js and styles.css, starts the index worker, runs every command and opens every view without an error", { timeout: 120_000 }, async () => {
    requireBrowser();
    const [mainJs, styles, script] = [releaseFile("main.js"), releaseFile("styles.css"), await pageScript()];
    const theme = readFileSync(path.join(ROOT, "tests/screens/host/obsidian-theme.css"), "utf8");
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>${theme}</style><style>${styles}</style>
<script>window.addEventListener("unhandledrejection", (event) => console.error("unhandled rejection: " + (event.reason && event.reason.stack || event.reason)));</script>
</head><body class="theme-dark"><script src="/smoke.js"></script></body></html>`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage();
      const failures: string[] = [];
      page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") failures.push(`console error: ${message.text()}`);
      });
      await page.route(`${ORIGIN}/**`, (route) => {
        const url = new URL(route.request().url());
        const bodies: Record<string, [string, string]> = {
          "/": [html, "text/html"],
          "/smoke.js": [script, "text/javascript"],
        };
        const body = bodies[url.pathname];
        return body ? route.fulfill({ body: body[0], contentType: body[1] }) : route.fulfill({ status: 404, body: "" });
      });
      await page.addInitScript({ content: `window.lifebetterRelease = ${JSON.stringify(mainJs)};` });
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => window.lifebetterSmoke !== undefined, undefined, { timeout: 90_000 });
      const report = (await page.evaluate(() => window.lifebetterSmoke)) as SmokeReport;
      expect(report.error).toBeUndefined();
      expect(failures).toEqual([]);
      // The worker started from its Blob and indexed the vault (full text: no model in this page).
      expect(report.indexNotes).toBe(4);
      expect(report.statusBar).toContain("Full text only — search by meaning is off in settings");
      expect(report.commands).toEqual(expect.arrayContaining(["capture-entry", "review-meta-skills", "open-patterns", "check-vault", "search-by-meaning"]));
      expect(report.views).toEqual(
        expect.arrayContaining(["lifebetter-review", "lifebetter-patterns", "lifebetter-similar-notes", "lifebetter-problems-dashboard"]),
      );
    } finally {
      await browser.close();
    }
  });
});
