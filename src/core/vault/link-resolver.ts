import type { Wikilink } from "../codec/wikilinks";
import { basename, isMarkdown, noteName, normalizeVaultPath, parentFolder } from "./paths";

/**
 * Resolves wikilink targets to vault paths roughly as Obsidian does: by full path, by path relative
 * to the linking note, by a path suffix, or by note name (case-insensitive), `.md` optional.
 */
export class LinkResolver {
  private readonly byPath = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();

  constructor(paths: Iterable<string>) {
    for (const path of paths) this.add(path);
  }

  add(path: string): void {
    const lower = path.toLowerCase();
    this.byPath.set(lower, path);
    if (isMarkdown(path)) this.byPath.set(lower.slice(0, -3), path);
    const name = basename(lower);
    for (const key of isMarkdown(path) ? [name, name.slice(0, -3)] : [name]) {
      const list = this.byName.get(key) ?? [];
      list.push(path);
      this.byName.set(key, list);
    }
  }

  /**
   * Every path a bare name could mean (`Pipe prob` → `a/Pipe prob.md`, `b/Pipe prob.md`), sorted. A
   * path, a relative link or a path suffix names one file, so those give at most one.
   */
  matches(link: Wikilink | string, fromPath: string): string[] {
    const target = (typeof link === "string" ? link : link.target).trim();
    if (target !== "" && !target.includes("/")) {
      const lower = target.toLowerCase();
      const named = this.byName.get(lower) ?? [];
      if (named.length > 1 && !this.byPath.has(lower)) return [...new Set(named)].sort();
    }
    const one = this.resolve(link, fromPath);
    return one === null ? [] : [one];
  }

  /**
   * The link text Obsidian writes for a note ("shortest path when possible"): its name when no other
   * note has that name, else its vault path without `.md`, which names it alone.
   */
  linkText(path: string): string {
    if (!isMarkdown(path)) return path;
    const name = noteName(path);
    return (this.byName.get(name.toLowerCase())?.length ?? 0) > 1 ? path.slice(0, -3) : name;
  }

  /** The path a link from `fromPath` points at, or null when nothing matches. */
  resolve(link: Wikilink | string, fromPath: string): string | null {
    const target = (typeof link === "string" ? link : link.target).trim();
    if (target === "") return fromPath; // [[#heading]] points into the same note
    let relative: string | null = null;
    try {
      if (target.startsWith("./") || target.startsWith("../")) {
        const base = parentFolder(fromPath);
        relative = normalizeVaultPath(resolveDots(base, target));
      }
    } catch {
      return null; // points outside the vault
    }
    const lower = (relative ?? target.replace(/^\/+/, "")).toLowerCase();
    const direct = this.byPath.get(lower);
    if (direct) return direct;
    if (!lower.includes("/")) return this.byName.get(lower)?.[0] ?? null;
    const suffixName = basename(lower);
    const candidates = this.byName.get(suffixName) ?? [];
    return (
      candidates.find((path) => {
        const candidate = path.toLowerCase();
        return candidate.endsWith("/" + lower) || candidate.endsWith("/" + lower + ".md");
      }) ?? null
    );
  }
}

function resolveDots(base: string, target: string): string {
  const parts = base === "" ? [] : base.split("/");
  for (const part of target.split("/")) {
    if (part === "." || part === "") continue;
    if (part === "..") {
      if (parts.length === 0) throw new Error("outside the vault");
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}
