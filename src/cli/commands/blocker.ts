import { isoDateTime } from "../../core/dates/timestamps";
import { resolveBlocker } from "../../core/problems/resolve-blocker";
import { findNotePath } from "../../core/vault/find-record";
import { loadRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { defineCommand, defineSubcommands } from "../command-kit";

export const blockerUsage = `lifebetter blocker resolve --vault DIR --blocker PATH|ID --resolution TEXT [--json]
  Marks a blocker entry resolved, as "Resolve blocker" in the problem view does: writes resolved (now)
  and how_resolved; properties only. Refuses a note that is not a blocker or is already resolved.`;

const RESOLUTION = "how the blocker was resolved.";

const blockerResolveCommand = defineCommand({
  usage: blockerUsage,
  options: { blocker: { type: "string", required: "the blocker entry's path, note name or id." }, resolution: { type: "string", required: RESOLUTION } },
  run: async ({ values }, { repo, settings }) => {
    const resolution = values.resolution.trim();
    if (resolution === "") throw new CliError(`Missing --resolution: ${RESOLUTION}`);
    const path = findNotePath(await loadRecords(repo, settings, ["entry"]), values.blocker);
    if (!path) throw new CliError(`No note "${values.blocker}" (give the blocker entry's path, note name or id).`);
    const now = new Date();
    await resolveBlocker(repo, path, values.resolution, now);
    return { json: { path, resolved: isoDateTime(now), how_resolved: resolution }, text: `Resolved ${path}: ${resolution}` };
  },
});

/** `blocker resolve …`. */
export const blockerCommand = defineSubcommands("blocker", { resolve: blockerResolveCommand }, blockerUsage);
