import { writeBases } from "../../core/bases/write-bases";
import { defineCommand } from "../command-kit";

export const basesUsage = `lifebetter bases --vault DIR [--json]
  Writes Obsidian Bases views of the records into the LifeBetter folder: Problems.base (active by
  priority, stale, solved with time ÷ estimate), Entries.base (by type, this week; private records
  left out), Meta-skills.base (due for review, success rate), Reflections.base (mood and sleep).
  A file that already exists is kept as it is. With --json: {folder, written: [paths], kept: [paths]}.`;

export const basesCommand = defineCommand({
  usage: basesUsage,
  options: {},
  run: async (_args, { repo, settings }) => {
    const result = await writeBases(repo, settings);
    return { json: result, text: [...result.written.map((path) => `Wrote ${path}`), ...result.kept.map((path) => `Kept ${path} (it already exists)`)] };
  },
});
