import { nodeTrash, readTrashOption } from "../../adapters/node/node-trash";
import { RECORD_KINDS, isRecordKind, type RecordKind } from "../../core/schema/kinds";
import { selectRecords } from "../../core/transfer/select-records";
import { loadRecords } from "../../core/vault/records";
import { trashAll } from "../../core/vault/trash";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";

export const deleteUsage = `lifebetter delete --vault DIR --kind KIND|--tag TAG [--yes] [--json]
  Deletes every record of one kind (${RECORD_KINDS.join(", ")}), or with one tag (nested tags
  included), as "Delete all records of a kind or tag" does; other notes are never touched. Without
  --yes it only lists what would be deleted. Files go where Obsidian's "Deleted files" setting
  (.obsidian/app.json) says: the vault's .trash folder for "Move to Obsidian trash"; deleted for
  "Permanently delete"; for "Move to system trash" (the default) the command line cannot reach the
  system trash, so they go to the vault's .trash folder.`;

type Selection = { kind: RecordKind } | { tag: string };

function selectionOf(kind: string | undefined, tag: string | undefined): Selection {
  if (kind !== undefined && tag !== undefined) throw new CliError("Give --kind or --tag, not both.");
  if (kind !== undefined) {
    if (!isRecordKind(kind)) throw new CliError(`Unknown kind "${kind}". Choose from: ${RECORD_KINDS.join(", ")}.`);
    return { kind };
  }
  const name = (tag ?? "").trim().replace(/^#/, "");
  if (tag === undefined) throw new CliError("Missing --kind KIND or --tag TAG: which records to delete.");
  if (name === "") throw new CliError("--tag needs a tag name.");
  return { tag: name };
}

export const deleteCommand = defineCommand({
  usage: deleteUsage,
  options: { kind: { type: "string" }, tag: { type: "string" }, yes: { type: "boolean" } },
  run: async ({ values }, { root, repo, settings, configDir }, io) => {
    const selection = selectionOf(values.kind, values.tag);
    const trash = nodeTrash(root, await readTrashOption(root, configDir));
    const paths = selectRecords((await loadRecords(repo, settings)).records, selection).map((record) => record.path);
    const what = "kind" in selection ? `${selection.kind} records` : `records tagged #${selection.tag}`;
    const confirmed = values.yes && paths.length > 0;
    const outcome = confirmed ? await trashAll(trash, paths) : { moved: [], failed: [] };
    for (const { path, message } of outcome.failed) io.err(`could not delete ${path}: ${message}\n`);
    const lines = paths.map((path) => `  ${path}`);
    if (paths.length === 0) {
      lines.push(`No ${what} to delete.`);
    } else if (confirmed) {
      lines.unshift(`${outcome.moved.length} of ${paths.length} ${what} ${trash.destination}:`);
    } else {
      lines.unshift(`${paths.length} ${what} would be ${trash.destination}:`);
      lines.push("Nothing was deleted: run again with --yes to delete them.");
    }
    return {
      json: { ...selection, records: paths, deleted: confirmed, trash: trash.destination, recoverable: trash.recoverable, ...outcome },
      text: lines,
      exitCode: outcome.failed.length > 0 ? 1 : 0,
    };
  },
});
