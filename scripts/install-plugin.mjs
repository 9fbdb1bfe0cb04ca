// Copies the built plugin (main.js, manifest.json, styles.css) into a vault:
//   npm run install-plugin -- /path/to/vault [--config-dir .obsidian]
// Then enable "LifeBetter" under Settings → Community plugins (reload Obsidian if it was open).
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { "config-dir": { type: "string", default: ".obsidian" } },
  allowPositionals: true,
});
const vault = positionals[0];
if (!vault) {
  console.error("Usage: npm run install-plugin -- /path/to/vault [--config-dir .obsidian]");
  process.exit(2);
}
if (!existsSync(vault) || !statSync(vault).isDirectory()) {
  console.error(`The vault folder "${vault}" does not exist.`);
  process.exit(2);
}
const files = ["main.js", "manifest.json", "styles.css"];
const missing = files.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`Missing ${missing.join(", ")}: run "npm ci && npm run build" first.`);
  process.exit(1);
}
const { id } = JSON.parse(readFileSync("manifest.json", "utf8"));
const target = path.join(vault, values["config-dir"], "plugins", id);
mkdirSync(target, { recursive: true });
for (const file of files) copyFileSync(file, path.join(target, file));
console.log(`Installed LifeBetter into ${target}.`);
console.log('In Obsidian: Settings → Community plugins → turn on "LifeBetter" (reload Obsidian if it was open).');
