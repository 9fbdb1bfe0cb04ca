import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
  globalIgnores(["node_modules/", "dist/", "main.js", "coverage/", ".bench/", ".eval/", ".tmp/", "tests/screenshots/", "**/*.d.ts"]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: {
          allowDefaultProject: ["eslint.config.mjs", ".ci/*.mjs", "tests/browser/*.mjs", "tests/bench/*.mjs", "tests/eval/*.mjs"],
          // The build, bench and eval scripts are plain .mjs outside the TypeScript project.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // Layers (docs/architecture.md): the core is pure; adapters never reach the UI or the CLI; the UI and the CLI never
  // reach each other's platform. The Node layers' own block below turns off only the Node-module rules.
  ...layerRules(),
  {
    // TypeScript checks undefined names itself (and knows ambient types such as NodeJS).
    files: ["**/*.ts"],
    rules: { "no-undef": "off" },
  },
  {
    // The CLI, its Node adapter, tests, benchmarks and build scripts run in Node, not in Obsidian.
    files: ["src/cli/**", "src/adapters/node/**", "tests/**", ".ci/**", "*.mjs", "*.ts"],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "import/no-nodejs-modules": "off",
      "obsidianmd/no-nodejs-modules": "off",
      "no-console": "off",
      // These guard code that runs inside Obsidian; tests, benchmarks and build scripts run in Node.
      "obsidianmd/rule-custom-message": "off",
      "obsidianmd/prefer-window-timers": "off",
      "obsidianmd/hardcoded-config-path": "off",
      // The restricted imports (moment, …) are ones Obsidian provides; Node code has no Obsidian to ask.
      "@typescript-eslint/no-restricted-imports": "off",
    },
  },
  {
    // Daily-note formats are moment patterns and Obsidian ships moment: the plugin formats with Obsidian's copy
    // (src/adapters/obsidian/obsidian-moment.ts), and the CLI needs that same formatter to put notes where the
    // plugin does, so the CLI alone bundles the npm package.
    files: ["package.json"],
    rules: { "depend/ban-dependencies": ["error", { allowed: ["moment"] }] },
  },
]);

/** `no-restricted-imports` per layer: [files, forbidden import patterns, why]. */
function layerRules() {
  const NODE = ["node:*", "fs", "fs/*", "path", "os", "child_process", "worker_threads", "url", "util", "crypto", "stream", "zlib"];
  const layers = [
    [
      ["src/core/**"],
      ["obsidian", ...NODE, "**/adapters/**", "**/ui/**", "**/cli/**", "**/worker/**", "**/main"],
      "the core is pure: no Obsidian, no Node, no outer layer",
    ],
    [
      ["src/adapters/obsidian/**"],
      ["**/ui/**", "**/cli/**", "**/adapters/node/**", "**/main"],
      "an adapter implements the core's interfaces; the UI uses it, not the other way round",
    ],
    [
      ["src/adapters/node/**"],
      ["obsidian", "**/ui/**", "**/cli/**", "**/adapters/obsidian/**", "**/main"],
      "the Node adapter serves the CLI and tests; it knows nothing of Obsidian",
    ],
    [["src/worker/**"], ["obsidian", ...NODE, "**/ui/**", "**/cli/**", "**/adapters/**", "**/main"], "the worker runs the core in a Web Worker"],
    [["src/ui/**"], [...NODE, "**/cli/**", "**/adapters/node/**"], "the UI runs in Obsidian, on mobile too"],
    [["src/cli/**"], ["obsidian", "**/ui/**", "**/adapters/obsidian/**", "**/main"], "the CLI runs in Node without Obsidian"],
  ];
  return layers.map(([files, group, message]) => ({
    files,
    rules: { "no-restricted-imports": ["error", { patterns: [{ group, message: `Layer rule: ${message} (docs/architecture.md).` }] }] },
  }));
}
