import { acceptConnection, isConnectionType } from "../../core/connections/accept-connection";
import { CONNECTION_PROPERTIES } from "../../core/schema/kinds";
import { findNotePath } from "../../core/vault/find-record";
import { isMarkdown, noteName } from "../../core/vault/paths";
import { loadRecords, type VaultRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";

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

export const connectCommand = defineCommand({
  usage: connectUsage,
  options: { type: { type: "string", required: `one of ${CONNECTION_PROPERTIES.join(", ")}.` } },
  positionals: true,
  run: async ({ values, positionals }, { repo, settings }) => {
    if (positionals.length !== 2) throw new CliError("Give two notes: connect A B (A gets the link to B).");
    const type = values.type;
    if (!isConnectionType(type)) throw new CliError(`Unknown connection type "${type}". Choose from: ${CONNECTION_PROPERTIES.join(", ")}.`);
    const vault = await loadRecords(repo, settings);
    const from = notePath(vault, positionals[0] ?? "", "A");
    const to = notePath(vault, positionals[1] ?? "", "B");
    if (from === to) throw new CliError(`A and B are the same note (${from}).`);
    const target = linkTextFor(vault, to);
    const changed = await acceptConnection(repo, from, type, target);
    return {
      json: { path: from, type, target: `[[${target}]]`, changed },
      text: changed ? `Linked [[${target}]] from ${from} as ${type}.` : `${from} already links to [[${target}]] as ${type}.`,
    };
  },
});
