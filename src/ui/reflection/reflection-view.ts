import { TFile } from "obsidian";
import { parseNote } from "../../core/codec/frontmatter";
import { InvalidInputError, NoteParseError, errorMessage } from "../../core/errors";
import type { ReflectionPeriod } from "../../core/reflection/periods";
import { reflectionModel, reflectionRange } from "../../core/reflection/reflection-model";
import { setReflectionValues } from "../../core/reflection/values";
import { loadRecords } from "../../core/vault/records";
import { renderReflectionPanel } from "./reflection-panel";
import { openNote } from "../common/open-note";
import { RecordView, type RecordRead, type ViewLabel } from "../common/record-view";
import type { PluginContext } from "../plugin-context";

export const REFLECTION_VIEW_TYPE = "lifebetter-reflection";
/** Notes change in bursts: the panel is rebuilt once a burst is over. */
export const REFLECTION_REFRESH_MS = 600;

/** What the reflection panel needs from the plugin context (tests pass a small fake). */
export type ReflectionViewContext = Pick<PluginContext, "app" | "repo" | "settings" | "openReflection" | "newReflection">;

const CHOICES: { period: ReflectionPeriod; text: string }[] = [
  { period: "daily", text: "Today's reflection" },
  { period: "weekly", text: "This week's reflection" },
  { period: "monthly", text: "This month's reflection" },
];

/**
 * The reflection panel beside the note: it follows the active note, and for a reflection shows the
 * daily form (or the digest) and the context; for any other note, buttons to open a reflection.
 */
export class ReflectionView extends RecordView<ReflectionViewContext> {
  static readonly label: ViewLabel = { type: REFLECTION_VIEW_TYPE, title: "Reflection", icon: "notebook-pen" };
  /** The reflection on screen, or null. */
  shownPath: string | null = null;

  override async onOpen(): Promise<void> {
    this.contentEl.addClass("lifebetter-reflection-view");
    this.registerEvent(this.app.workspace.on("file-open", () => void this.refresh()));
    // The context comes from every record, so any record's change may show here; other notes' changes cannot.
    this.followRecords(REFLECTION_REFRESH_MS);
    await this.refresh();
  }

  /** Shows the active note's reflection (or the chooser). Settles once it is on screen. */
  refresh(): Promise<void> {
    return this.reread();
  }

  protected readFailed(error: unknown): void {
    this.showError(`The reflection could not be shown: ${errorMessage(error)}`);
  }

  protected async readRecords(read: RecordRead): Promise<void> {
    const file = this.app.workspace.getActiveFile();
    const text = file instanceof TFile && file.extension === "md" ? await this.host.repo.read(file.path).catch(() => null) : null;
    if (read.stale()) return;
    const parsed = text === null ? null : parseNote(text);
    const range = parsed?.ok && parsed.properties.kind === "reflection" ? reflectionRange(parsed.properties) : null;
    if (!file || !parsed?.ok || !range) {
      this.shownPath = null;
      this.renderChooser();
      return;
    }
    const settings = this.host.settings();
    const { records } = await loadRecords(this.host.repo, settings);
    if (read.stale()) return;
    this.recordPaths = new Set(records.map((record) => record.path));
    const model = reflectionModel({ path: file.path, properties: parsed.properties, body: parsed.parts.body }, range, records, settings);
    this.shownPath = file.path;
    // A redraw after a save must not take the keyboard away from the control being used.
    const focused = this.contentEl.contains(document.activeElement) ? document.activeElement?.id : undefined;
    renderReflectionPanel(this.contentEl, model, {
      setValues: async (values) => {
        try {
          await setReflectionValues(this.host.repo, file.path, values, new Date());
        } catch (error) {
          if (error instanceof InvalidInputError || error instanceof NoteParseError) return error.message;
          return `Not saved: ${errorMessage(error)}`;
        }
        await this.refresh();
        return null;
      },
      openNote: (path, how) => void openNote(this.app, path, how),
    });
    if (focused) this.contentEl.querySelector<HTMLElement>(`[id="${focused}"]`)?.focus();
  }

  private renderChooser(): void {
    const root = this.contentEl;
    root.empty();
    root.addClass("lifebetter-reflection");
    root.createDiv({ cls: "lifebetter-reflection-muted", text: "Open a reflection to see its form and the context of its day." });
    const buttons = root.createDiv({ cls: "lifebetter-reflection-choices" });
    for (const choice of CHOICES) {
      const button = buttons.createEl("button", { text: choice.text });
      button.addEventListener("click", () => void this.host.openReflection(choice.period));
    }
    buttons.createEl("button", { text: "New reflection" }).addEventListener("click", () => void this.host.newReflection());
  }

  private showError(message: string): void {
    this.contentEl.empty();
    this.contentEl.createDiv({ cls: "lifebetter-reflection-status is-error", text: message });
  }
}
