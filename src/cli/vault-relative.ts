import * as nodePath from "node:path";

/** The `--vault` folder named in a command's arguments, resolved; undefined when none is given. */
export function vaultArgument(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === "--vault") return argv[index + 1] === undefined ? undefined : nodePath.resolve(argv[index + 1] ?? "");
    if (arg.startsWith("--vault=")) return nodePath.resolve(arg.slice("--vault=".length));
  }
  return undefined;
}

/**
 * A message with the vault's absolute path taken out: errors from the file system name files by
 * absolute path, users know them by their vault path (`LifeBetter/Entries`, not `/home/…/LifeBetter/Entries`).
 */
export function vaultRelative(message: string, root: string | undefined): string {
  if (!root) return message;
  const withSlash = root.endsWith(nodePath.sep) ? root : root + nodePath.sep;
  const forward = withSlash.split(nodePath.sep).join("/");
  return message.split(withSlash).join("").split(forward).join("");
}
