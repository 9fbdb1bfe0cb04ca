import { parseArgs } from "node:util";
import { writeBases } from "../../core/bases/write-bases";
import type { CliIo } from "../io";
import { openVault } from "../vault-context";

export const basesUsage = `lifebetter bases --vault DIR [--json]
  Writes Obsidian Bases views of the records into the LifeBetter folder: Problems.base (active by
  priority, stale, solved with time ÷ estimate), Entries.base (by type, this week; private records
  left out), Meta-skills.base (due for review, success rate), Reflections.base (mood and sleep).
  A file that already exists is kept as it is. With --json: {folder, written: [paths], kept: [paths]}.`;

export async function runBases(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { vault: { type: "string" }, json: { type: "boolean" } }, strict: true });
  const { repo, settings } = await openVault(values.vault, io);
  const result = await writeBases(repo, settings);
  if (values.json) {
    io.out(JSON.stringify(result) + "\n");
    return 0;
  }
  const lines = [...result.written.map((path) => `Wrote ${path}`), ...result.kept.map((path) => `Kept ${path} (it already exists)`)];
  io.out(lines.join("\n") + "\n");
  return 0;
}
