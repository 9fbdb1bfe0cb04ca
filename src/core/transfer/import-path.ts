import { portableNameProblem } from "../vault/paths";

/**
 * Checks a path read from an import file before anything is written: it must stay inside the vault
 * and out of hidden folders (`.obsidian` holds plugins and settings). Returns a problem to report, or
 * null when the path is safe as it is. Never "repairs" a path silently.
 */
export function importPathProblem(path: unknown): string | null {
  if (typeof path !== "string" || path.trim() === "") return "it has no path";
  if (path.includes("\\")) return `its path "${path}" contains a backslash`;
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return `its path "${path}" is absolute`;
  if (/\p{Cc}/u.test(path)) return "its path contains control characters";
  const parts = path.split("/");
  if (parts.some((part) => part === "" || part === "." || part === ".."))
    return `its path "${path}" is not a plain vault path (it has "..", "." or an empty folder name)`;
  if (parts.some((part) => part.startsWith("."))) return `its path "${path}" is in a hidden folder or names a hidden file`;
  if (!path.toLowerCase().endsWith(".md")) return `its path "${path}" is not a Markdown note (.md)`;
  const portable = portableNameProblem(path);
  if (portable) return `its path cannot be synced to every device: ${portable}`;
  return null;
}
