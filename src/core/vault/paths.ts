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

// Bidirectional controls (U+202E "right-to-left override" …) make a name display as another name.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Characters Windows (and so sync to it) cannot hold in a file or folder name.
const NOT_ON_WINDOWS = /[<>:"|?*\\]|\p{Cc}/u;
// Names Windows reserves for devices, whatever the extension: CON, CON.md, con.txt.md …
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Why a vault path could not be carried to every device (Windows, Obsidian Sync, iCloud), or null
 * when it can: each folder and file name is checked.
 */
export function portableNameProblem(path: string): string | null {
  for (const part of path.split("/")) {
    if (BIDI_CONTROLS.test(part))
      return `"${part.replace(BIDI_CONTROLS, "?")}" contains a bidirectional control character, which makes a name display as another`;
    if (NOT_ON_WINDOWS.test(part)) return `"${part}" contains a character Windows does not allow in names (< > : " | ? * \\ or a control character)`;
    if (RESERVED_ON_WINDOWS.test(part)) return `"${part}" is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1–9, LPT1–9)`;
    const stem = part.replace(/\.md$/i, "");
    if (/[. ]$/.test(part) || /[. ]$/.test(stem)) return `"${part}" ends with a dot or a space, which Windows drops`;
  }
  return null;
}

// Characters Obsidian refuses in file names, plus those that break links, control and bidi characters.
const UNSAFE_IN_NAME = /[*"\\/<>:|?#^[\]]|\p{Cc}|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** A readable, safe file-name stem from free text. */
export function safeFileStem(text: string, maxLength = 60): string {
  const cleaned = text.replace(UNSAFE_IN_NAME, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  if (cleaned.length <= maxLength) return cleaned.replace(/[. ]+$/, "");
  const cut = cleaned.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[. ]+$/, "");
}
