import { defineConfig } from "vitest/config";

// Tests that need the Obsidian API mock and a DOM (they mirror src/ui, src/adapters/obsidian, src/main.ts).
const OBSIDIAN_TESTS = ["tests/ui/**/*.test.ts", "tests/adapters/obsidian/**/*.test.ts", "tests/main*.test.ts"];

// Screenshots of real UI in headless Chromium (tests/support/screenshot.ts) and the index worker in
// Chromium; `npm run screenshots` runs only these.
const SCREENSHOT_TESTS = ["tests/screens/**/*.screenshot.test.ts", "tests/browser/**/*.test.ts"];

// Three projects: the pure core, adapters and CLI run in Node; UI and the Obsidian adapter run
// against the Obsidian API mock in a DOM; screenshots drive a browser from Node.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["tests/**/*.test.ts"],
          exclude: [...OBSIDIAN_TESTS, ...SCREENSHOT_TESTS],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: {
          alias: { obsidian: "obsidian-test-mocks/obsidian" },
        },
        test: {
          name: "obsidian",
          environment: "happy-dom",
          include: OBSIDIAN_TESTS,
          setupFiles: ["./tests/support/obsidian-mock-setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "screenshots",
          environment: "node",
          include: SCREENSHOT_TESTS,
          // The first test of a file starts Chromium and bundles its screen.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
