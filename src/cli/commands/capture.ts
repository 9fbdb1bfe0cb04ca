import { parseArgs } from "node:util";
import type { CliIo } from "../io";
import { captureEntry } from "../../core/capture/capture-entry";
import { InvalidInputError } from "../../core/errors";
import { LinkResolver } from "../../core/vault/link-resolver";
import { closeNoteNames, typedTarget, uniqueNote } from "../../core/vault/note-names";
import { isMarkdown } from "../../core/vault/paths";
import type { NoteRepository } from "../../core/vault/repository";
import { CliError } from "../cli-error";
import { openVault } from "../vault-context";

export const captureUsage = `lifebetter capture --vault DIR --type TYPE --text TEXT [--problem NAME] [--tags a,b]
                   [--mood N] [--energy N] [--stress N] [--context TEXT] [--skills a,b]
                   [--field name=value …] [--json]
  Creates an entry note exactly as the capture modal does and prints its path and id.`;

function optionalScale(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) throw new CliError(`--${name} must be a number from 1 to 10, not "${raw}".`);
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? "").split(",").map((item) => item.trim()).filter((item) => item !== "");
}

/** The CLI links only to a note that exists: a typo would write a broken link nobody notices. */
async function requireNote(repo: NoteRepository, typed: string): Promise<void> {
  const paths = (await repo.listFiles()).map((file) => file.path).filter(isMarkdown);
  if (uniqueNote(new LinkResolver(paths), typed) !== null) return;
  const close = closeNoteNames(typed, paths);
  throw new CliError(
    `No note named "${typedTarget(typed)}" for --problem.${close.length > 0 ? ` Did you mean ${close.map((name) => `"${name}"`).join(", ")}?` : ""} Create it first (lifebetter problem new) or check the name.`,
  );
}

export async function runCapture(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: "string" },
      type: { type: "string" },
      text: { type: "string" },
      problem: { type: "string" },
      tags: { type: "string" },
      skills: { type: "string" },
      mood: { type: "string" },
      energy: { type: "string" },
      stress: { type: "string" },
      context: { type: "string" },
      field: { type: "string", multiple: true },
      json: { type: "boolean" },
    },
    strict: true,
  });
  if (!values.type) throw new CliError("Missing --type: question, insight, attempt, blocker, … (see lifebetter help).");
  if (values.text === undefined) throw new CliError("Missing --text: what to capture.");
  const fields: Record<string, string> = {};
  for (const pair of values.field ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new CliError(`--field takes name=value, not "${pair}".`);
    fields[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  const { repo, settings } = await openVault(values.vault, io);
  try {
    if (values.problem?.trim()) await requireNote(repo, values.problem);
    const entry = await captureEntry(
      repo,
      {
        type: values.type,
        text: values.text,
        problem: values.problem,
        tags: list(values.tags),
        metaSkills: list(values.skills),
        mood: optionalScale("mood", values.mood),
        energy: optionalScale("energy", values.energy),
        stress: optionalScale("stress", values.stress),
        context: values.context,
        fields,
        source: "cli",
      },
      settings,
    );
    io.out(values.json ? JSON.stringify(entry) + "\n" : `Captured ${entry.path} (id ${entry.id})\n`);
    return 0;
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CliError(error.message);
    throw error;
  }
}
