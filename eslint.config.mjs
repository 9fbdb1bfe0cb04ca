import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
  globalIgnores(["node_modules/", "dist/", "main.js", "coverage/", ".bench/", ".tmp/", "tests/screenshots/", "**/*.d.ts"]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: {
          allowDefaultProject: ["eslint.config.mjs", ".ci/*.mjs", "tests/browser/*.mjs", "tests/bench/*.mjs", "tests/eval/*.mjs"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
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
