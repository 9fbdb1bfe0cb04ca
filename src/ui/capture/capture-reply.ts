import type { App, TFile } from "obsidian";
import { LinkResolver } from "../../core/vault/link-resolver";
import type { CaptureDraft } from "./capture-draft";

/**
 * The capture form for "Reply to this entry": `parent` is the entry (by the shortest link that names
 * it) and the reply starts in the same problem. Null when the note is not an entry.
 */
export function replyDraft(app: App, file: TFile | null): CaptureDraft | null {
  if (!file) return null;
  const frontmatter = app.metadataCache.getFileCache(file)?.frontmatter;
  if (frontmatter?.kind !== "entry") return null;
  // The same link text the core writes, so the field shows what the note will hold.
  const links = new LinkResolver(app.vault.getFiles().map((candidate) => candidate.path));
  const draft: CaptureDraft = { parent: links.linkText(file.path) };
  if (typeof frontmatter.problem === "string" && frontmatter.problem.trim() !== "") draft.problem = frontmatter.problem;
  return draft;
}
