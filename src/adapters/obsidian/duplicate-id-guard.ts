import { TFile, type App } from "obsidian";
import { splitIdHolders } from "../../core/check/id-keeper";
import { isoDateTime } from "../../core/dates/timestamps";
import { errorMessage } from "../../core/errors";
import { isRecordId, newId } from "../../core/ids";
import { isRecordKind } from "../../core/schema/kinds";
import { isInFolders } from "../../core/vault/paths";
import type { NoteRepository } from "../../core/vault/repository";

export interface DuplicateIdGuardOptions {
  /** Read on every event, so changes in settings apply at once. */
  excludedFolders: () => readonly string[];
  notify: (message: string) => void;
  now?: () => Date;
}

/**
 * Keeps record ids unique while Obsidian runs. A copied note (file explorer, sync, a template that
 * kept an id) carries the id of its original; the newer file gets a new id, like `check --fix` does.
 * The map id → path comes from the metadata cache and follows creates, renames, deletes and edits.
 */
export class DuplicateIdGuard {
  private readonly pathById = new Map<string, string>();
  private readonly idByPath = new Map<string, string>();
  // A note being re-identified: the create and the metadata events of one copy must not both fix it.
  private readonly fixing = new Set<string>();

  constructor(
    private readonly app: App,
    private readonly repo: NoteRepository,
    private readonly options: DuplicateIdGuardOptions,
  ) {}

  /**
   * Reads every record's id. Ids already shared when Obsidian starts are left to "Check vault"; the
   * oldest holder takes the map slot so later copies are judged against the original.
   */
  start(): void {
    for (const file of this.app.vault.getMarkdownFiles()) {
      const id = this.recordId(file);
      if (!id) continue;
      this.idByPath.set(file.path, id);
      const holder = this.holder(id);
      if (!holder || splitIdHolders([holderOf(holder), holderOf(file)])?.keeper.path === file.path) {
        this.pathById.set(id, file.path);
      }
    }
  }

  /** The path that holds `id`, for tests and diagnostics. */
  pathOf(id: string): string | undefined {
    return this.pathById.get(id);
  }

  /** A note was created, or its properties were (re)read: record its id, fix it if it is a copy's. */
  async noteChanged(file: TFile): Promise<void> {
    const id = this.recordId(file);
    const previous = this.idByPath.get(file.path);
    if (previous !== undefined && previous !== id) this.forget(file.path);
    if (!id) return;
    this.idByPath.set(file.path, id);
    const holder = this.holder(id);
    if (!holder || holder.path === file.path) {
      this.pathById.set(id, file.path);
      return;
    }
    const split = splitIdHolders([holderOf(holder), holderOf(file)]);
    const copy = split?.copies[0];
    if (!split || !copy) return;
    this.pathById.set(id, split.keeper.path);
    await this.reidentify(copy.path, id, split.keeper.path);
  }

  renamed(file: TFile, oldPath: string): void {
    const id = this.idByPath.get(oldPath);
    if (id === undefined) return;
    this.idByPath.delete(oldPath);
    this.idByPath.set(file.path, id);
    if (this.pathById.get(id) === oldPath) this.pathById.set(id, file.path);
  }

  deleted(path: string): void {
    this.forget(path);
  }

  private forget(path: string): void {
    const id = this.idByPath.get(path);
    this.idByPath.delete(path);
    if (id === undefined || this.pathById.get(id) !== path) return;
    this.pathById.delete(id);
    // Another note may still hold the id (a duplicate from before start): it takes the slot.
    for (const [otherPath, otherId] of this.idByPath) {
      if (otherId === id) {
        this.pathById.set(id, otherPath);
        break;
      }
    }
  }

  /** The live file holding `id`, if the map's entry is still true. */
  private holder(id: string): TFile | null {
    const path = this.pathById.get(id);
    const file = path === undefined ? null : this.app.vault.getAbstractFileByPath(path);
    return file instanceof TFile && this.recordId(file) === id ? file : null;
  }

  private recordId(file: TFile): string | null {
    if (file.extension !== "md" || isInFolders(file.path, this.options.excludedFolders())) return null;
    const frontmatter: unknown = this.app.metadataCache.getFileCache(file)?.frontmatter;
    if (!frontmatter || typeof frontmatter !== "object") return null;
    const { kind, id } = frontmatter as Record<string, unknown>;
    return isRecordKind(kind) && isRecordId(id) ? id : null;
  }

  private async reidentify(path: string, sharedId: string, keeperPath: string): Promise<void> {
    if (this.fixing.has(path)) return;
    this.fixing.add(path);
    try {
      const fresh = newId();
      const stamp = isoDateTime(this.options.now?.() ?? new Date());
      // Only if the note still carries the shared id when it is written.
      const changed = await this.repo.updateProperties(path, (properties) => {
        if (properties.id !== sharedId) return;
        properties.id = fresh;
        properties.updated = stamp;
      });
      if (!changed) return;
      this.forget(path);
      this.idByPath.set(path, fresh);
      this.pathById.set(fresh, path);
      this.options.notify(`"${path}" had the same id as "${keeperPath}", so it looks like a copy: it got a new id.`);
    } catch (error) {
      this.options.notify(`"${path}" has the same id as "${keeperPath}" but could not get a new one: ${errorMessage(error)}`);
    } finally {
      this.fixing.delete(path);
    }
  }
}

function holderOf(file: TFile): { path: string; ctime: number } {
  return { path: file.path, ctime: file.stat.ctime > 0 ? file.stat.ctime : file.stat.mtime };
}
