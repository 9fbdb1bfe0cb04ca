/** Vault-relative path helpers shared by both adapters (forward slashes, no leading slash). */

export function normalizeVaultPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") throw new Error(`"${path}" points outside the vault`);
    parts.push(part);
  }
  return parts.join("/");
}

export function joinVaultPath(folder: string, name: string): string {
  const cleanFolder = normalizeVaultPath(folder);
  return cleanFolder ? `${cleanFolder}/${name}` : name;
}

export function basename(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash >= 0 ? path.slice(slash + 1) : path;
}

export function parentFolder(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash >= 0 ? path.slice(0, slash) : "";
}

/** The note name Obsidian shows and links by: the file name without `.md`. */
export function noteName(path: string): string {
  return basename(path).replace(/\.md$/i, "");
}

export function isMarkdown(path: string): boolean {
  return path.toLowerCase().endsWith(".md");
}

/** True when `path` is inside one of `folders` (or is one of them). */
export function isInFolders(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const clean = folder.replace(/^\/+|\/+$/g, "");
    return clean !== "" && (path === clean || path.startsWith(clean + "/"));
  });
}

// Characters Obsidian refuses in file names, plus those that break links, plus control characters.
const UNSAFE_IN_NAME = /[*"\\/<>:|?#^[\]]|\p{Cc}/gu;

/** A readable, safe file-name stem from free text. */
export function safeFileStem(text: string, maxLength = 60): string {
  const cleaned = text.replace(UNSAFE_IN_NAME, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  if (cleaned.length <= maxLength) return cleaned.replace(/[. ]+$/, "");
  const cut = cleaned.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[. ]+$/, "");
}
