import { parseArgs } from "node:util";
import { acceptConnection, isConnectionType } from "../../core/connections/accept-connection";
import { CONNECTION_PROPERTIES } from "../../core/schema/kinds";
import { findNotePath } from "../../core/vault/find-record";
import { isMarkdown, noteName } from "../../core/vault/paths";
import { loadRecords, type VaultRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { openVault } from "../vault-context";

export const connectUsage = `lifebetter connect A B --type TYPE --vault DIR [--json]
  Links note B from note A's TYPE property (${CONNECTION_PROPERTIES.join(", ")}), as Connect in the
  similar-notes panel does: properties only, the body is never touched; a link already there is not
  added twice. A and B are paths, note names, [[links]] or record ids.`;

function notePath(vault: VaultRecords, input: string, which: string): string {
  const path = findNotePath(vault, input);
  if (!path) throw new CliError(`No note "${input}" for ${which} (give its path, note name or id).`);
  if (!isMarkdown(path)) throw new CliError(`"${path}" is not a Markdown note.`);
  return path;
}

/** The link text for `path`: its note name when that name leads to it, else its path (two notes share the name). */
function linkTextFor(vault: VaultRecords, path: string): string {
  const name = noteName(path);
  return vault.resolver.resolve(name, "") === path ? name : path.replace(/\.md$/i, "");
}

export async function runConnect(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { vault: { type: "string" }, type: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 2) throw new CliError("Give two notes: connect A B (A gets the link to B).");
  if (values.type === undefined) throw new CliError(`Missing --type: one of ${CONNECTION_PROPERTIES.join(", ")}.`);
  const type = values.type;
  if (!isConnectionType(type)) throw new CliError(`Unknown connection type "${type}". Choose from: ${CONNECTION_PROPERTIES.join(", ")}.`);
  const { repo, settings } = await openVault(values.vault, io);
  const vault = await loadRecords(repo, settings);
  const from = notePath(vault, positionals[0] ?? "", "A");
  const to = notePath(vault, positionals[1] ?? "", "B");
  if (from === to) throw new CliError(`A and B are the same note (${from}).`);
  const target = linkTextFor(vault, to);
  const changed = await acceptConnection(repo, from, type, target);
  if (values.json) io.out(JSON.stringify({ path: from, type, target: `[[${target}]]`, changed }) + "\n");
  else io.out(changed ? `Linked [[${target}]] from ${from} as ${type}.\n` : `${from} already links to [[${target}]] as ${type}.\n`);
  return 0;
}
