import { parseArgs } from "node:util";
import type { CliIo } from "../io";
import { isoDateTime } from "../../core/dates/timestamps";
import { resolveBlocker } from "../../core/problems/resolve-blocker";
import { findNotePath } from "../../core/vault/find-record";
import { loadRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { openVault } from "../vault-context";
import { userErrors } from "./problem-args";

export const blockerUsage = `lifebetter blocker resolve --vault DIR --blocker PATH|ID --resolution TEXT [--json]
  Marks a blocker entry resolved, as "Resolve blocker" in the problem view does: writes resolved (now)
  and how_resolved; properties only. Refuses a note that is not a blocker or is already resolved.`;

async function runBlockerResolve(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: "string" }, blocker: { type: "string" }, resolution: { type: "string" }, json: { type: "boolean" } },
    strict: true,
  });
  if (values.blocker === undefined) throw new CliError("Missing --blocker: the blocker entry's path, note name or id.");
  if (values.resolution === undefined || values.resolution.trim() === "") throw new CliError("Missing --resolution: how the blocker was resolved.");
  const { repo, settings } = await openVault(values.vault, io);
  const path = findNotePath(await loadRecords(repo, settings, ["entry"]), values.blocker);
  if (!path) throw new CliError(`No note "${values.blocker}" (give the blocker entry's path, note name or id).`);
  const now = new Date();
  await userErrors(() => resolveBlocker(repo, path, values.resolution ?? "", now));
  const resolution = values.resolution.trim();
  if (values.json) io.out(JSON.stringify({ path, resolved: isoDateTime(now), how_resolved: resolution }) + "\n");
  else io.out(`Resolved ${path}: ${resolution}\n`);
  return 0;
}

/** `blocker resolve …`. */
export async function runBlocker(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "resolve") return runBlockerResolve(rest, io);
  throw new CliError(sub && !sub.startsWith("-") ? `Unknown blocker subcommand "${sub}"; use: blocker resolve.` : "Missing subcommand: blocker resolve.");
}
