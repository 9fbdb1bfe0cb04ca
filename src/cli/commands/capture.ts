import { captureEntry } from "../../core/capture/capture-entry";
import { LinkResolver } from "../../core/vault/link-resolver";
import { closeNoteNames, typedTarget, uniqueNote } from "../../core/vault/note-names";
import { isRecordId } from "../../core/ids";
import { SCALE_1_TO_10, typedNumber } from "../../core/schema/values";
import type { LifeBetterSettings } from "../../core/settings";
import { isMarkdown } from "../../core/vault/paths";
import { loadRecords } from "../../core/vault/records";
import type { NoteRepository } from "../../core/vault/repository";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";

export const captureUsage = `lifebetter capture --vault DIR --type TYPE --text TEXT [--problem NAME] [--tags a,b]
                   [--mood N] [--energy N] [--stress N] [--context TEXT] [--skills a,b]
                   [--location TEXT] [--feelings a,b] [--parent PATH|ID] [--conversation PATH|ID]
                   [--field name=value …] [--json]
  Creates an entry note exactly as the capture modal does and prints its path and id.
  --parent names the entry this one replies to (a thread), --conversation the AI conversation it came
  from: a note name, [[link]], vault path or id; a name no note has, or several notes share, is refused.`;

function list(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** What each linking flag must name, for messages. */
const LINK_FLAGS = {
  problem: { kind: "problem", noun: "a problem", create: "Create it first (lifebetter problem new) or check the name." },
  parent: { kind: "entry", noun: "an entry", create: "Check the name, or give the entry's path or id." },
  conversation: { kind: "conversation", noun: "a conversation", create: "Import it first (lifebetter import-chats) or check the name." },
} as const;

/**
 * The CLI links only to a note that exists: a typo would write a broken link nobody notices. Returns
 * what to link: the typed name, or the path of the record whose `id` was typed.
 */
async function requireNote(repo: NoteRepository, settings: LifeBetterSettings, typed: string, flag: keyof typeof LINK_FLAGS): Promise<string> {
  const paths = (await repo.listFiles()).map((file) => file.path).filter(isMarkdown);
  const { kind, noun, create } = LINK_FLAGS[flag];
  let path = uniqueNote(new LinkResolver(paths), typed);
  let linked = typed;
  if (path === null && isRecordId(typedTarget(typed))) {
    path = (await loadRecords(repo, settings)).records.find((record) => record.properties.id === typedTarget(typed))?.path ?? null;
    if (path !== null) linked = path;
  }
  if (path !== null) {
    if (flag !== "problem") {
      const record = (await loadRecords(repo, settings)).records.find((candidate) => candidate.path === path);
      if (record?.kind !== kind)
        throw new CliError(`--${flag} "${typed}" is ${path}, which is not ${noun} note (its kind is ${record ? `"${record.kind}"` : "not set"}).`);
    }
    return linked;
  }
  const close = closeNoteNames(typed, paths);
  throw new CliError(
    `No note named "${typedTarget(typed)}" for --${flag}.${close.length > 0 ? ` Did you mean ${close.map((name) => `"${name}"`).join(", ")}?` : ""} ${create}`,
  );
}

export const captureCommand = defineCommand({
  usage: captureUsage,
  options: {
    type: { type: "string", required: "question, insight, attempt, blocker, … (see lifebetter help)." },
    text: { type: "string", required: "what to capture." },
    problem: { type: "string" },
    tags: { type: "string" },
    skills: { type: "string" },
    mood: { type: "string" },
    energy: { type: "string" },
    stress: { type: "string" },
    context: { type: "string" },
    location: { type: "string" },
    feelings: { type: "string" },
    parent: { type: "string" },
    conversation: { type: "string" },
    field: { type: "string", multiple: true },
  },
  run: async ({ values }, { repo, settings }) => {
    if (values.type === "") throw new CliError("Missing --type: question, insight, attempt, blocker, … (see lifebetter help).");
    const fields: Record<string, string> = {};
    for (const pair of values.field) {
      const eq = pair.indexOf("=");
      if (eq <= 0) throw new CliError(`--field takes name=value, not "${pair}".`);
      fields[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
    }
    const problem = values.problem?.trim() ? await requireNote(repo, settings, values.problem, "problem") : undefined;
    const parent = values.parent?.trim() ? await requireNote(repo, settings, values.parent, "parent") : undefined;
    const conversation = values.conversation?.trim() ? await requireNote(repo, settings, values.conversation, "conversation") : undefined;
    const entry = await captureEntry(
      repo,
      {
        type: values.type,
        text: values.text,
        problem,
        parent,
        conversation,
        location: values.location,
        feelings: list(values.feelings),
        tags: list(values.tags),
        metaSkills: list(values.skills),
        mood: typedNumber("--mood", values.mood, SCALE_1_TO_10),
        energy: typedNumber("--energy", values.energy, SCALE_1_TO_10),
        stress: typedNumber("--stress", values.stress, SCALE_1_TO_10),
        context: values.context,
        fields,
        source: "cli",
      },
      settings,
    );
    return { json: entry, text: `Captured ${entry.path} (id ${entry.id})` };
  },
});
