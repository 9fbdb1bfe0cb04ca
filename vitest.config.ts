import { defineConfig } from "vitest/config";

// Two projects: the pure core, adapters and CLI run in Node; UI and the Obsidian adapter run
// against the Obsidian API mock in a DOM.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/obsidian/**"],
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
          include: ["tests/obsidian/**/*.test.ts"],
          setupFiles: ["obsidian-test-mocks/vitest-setup"],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
