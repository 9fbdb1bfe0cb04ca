import { Modal, Setting, type App } from "obsidian";
import { differenceInMinutes, format, isValid, parse, parseISO } from "date-fns";
import type { RunningSession, SessionDetails } from "../../core/problems/running-session";
import { InvalidInputError } from "../../core/errors";
import { noteName } from "../../core/vault/paths";
import { humanize } from "../common/labels";
import { dateText, minutesText } from "./durations";
import { FormSave, errorLine, scaleRow, textAreaRow, textRow } from "./form-fields";
import type { WorkSessions } from "./work-sessions";

const LOCAL_INPUT = "yyyy-MM-dd'T'HH:mm";
const SCALE_START = 5;

export interface SessionStopOptions {
  /** Recovered at start-up: the real end is probably earlier than now, so say so. */
  recovered?: boolean;
}

/**
 * "Stop work session": asks focus and energy (1–10), activity, distractions and outcome, and when it
 * ended (now unless changed), then writes the row. Refused input is shown and the session keeps running.
 */
export class SessionStopModal extends Modal {
  private readonly details: SessionDetails = { focus: SCALE_START, energy: SCALE_START };
  /** Set when the user changes the end; otherwise the session ends when Save is pressed. */
  private chosenEnd: Date | null = null;
  private durationEl: HTMLElement | null = null;
  private readonly saver = new FormSave("The session could not be saved");

  constructor(
    app: App,
    private readonly sessions: WorkSessions,
    private readonly session: RunningSession,
    private readonly options: SessionStopOptions = {},
  ) {
    super(app);
  }

  override onOpen(): void {
    const { contentEl, session } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-session-stop");
    this.setTitle("Stop work session");
    contentEl.createEl("p", {
      cls: "lifebetter-session-summary",
      text: `"${noteName(session.problemPath)}" since ${dateText(session.start)}.`,
    });
    this.durationEl = contentEl.createEl("p", { cls: "lifebetter-session-duration" });
    this.saver.errorEl = errorLine(contentEl);

    const endSetting = new Setting(contentEl)
      .setName("Ended")
      .setDesc(this.options.recovered ? "Obsidian was closed while it ran: set when you really stopped." : "Now, unless you stopped earlier.");
    endSetting.controlEl.createEl("input", { type: "datetime-local", attr: { "aria-label": "Ended" } }, (input) => {
      input.value = format(new Date(), LOCAL_INPUT);
      input.min = format(parseISO(session.start), LOCAL_INPUT);
      input.addEventListener("input", () => {
        const value = parse(input.value, LOCAL_INPUT, new Date());
        this.chosenEnd = isValid(value) ? value : null;
        this.showDuration();
      });
    });

    scaleRow(contentEl, "Focus", SCALE_START, (value) => (this.details.focus = value));
    scaleRow(contentEl, "Energy", SCALE_START, (value) => (this.details.energy = value));
    new Setting(contentEl)
      .setName("Activity type")
      .setDesc("The kind of work (add your own types in the settings)")
      .addDropdown((dropdown) => {
        dropdown.selectEl.setAttribute("aria-label", "Activity type");
        dropdown.addOption("", "Not set");
        for (const type of this.sessions.activityTypes()) dropdown.addOption(type, humanize(type));
        dropdown.selectEl.addEventListener("change", () => {
          const value = dropdown.selectEl.value;
          this.details.activityType = value === "" ? undefined : value;
        });
      });
    textRow(contentEl, "Activity", "What you did, in your words", "", (value) => (this.details.activity = value));
    new Setting(contentEl)
      .setName("Distractions count")
      .setDesc("How many times you were pulled away (empty: not counted)")
      .addText((text) => {
        text.inputEl.type = "number";
        text.inputEl.min = "0";
        text.inputEl.step = "1";
        text.inputEl.setAttribute("aria-label", "Distractions count");
        text.inputEl.addEventListener("input", () => {
          const raw = text.inputEl.value.trim();
          this.details.distractionCount = raw === "" ? undefined : Number(raw);
        });
      });
    textRow(contentEl, "Distractions", "What pulled you away, if anything", "", (value) => (this.details.distractions = value));
    textAreaRow(contentEl, "Outcome", "Where you got to", "", (value) => (this.details.outcome = value));

    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    buttons.createEl("button", { cls: "mod-cta", text: "Save session" }).addEventListener("click", () => void this.save());
    buttons.createEl("button", { cls: "mod-warning", text: "Discard session" }).addEventListener("click", () => void this.discard());
    buttons.createEl("button", { text: "Keep running" }).addEventListener("click", () => this.close());
    this.showDuration();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** Writes the session; resolves to whether it was written (the modal then closes). */
  save(): Promise<boolean> {
    return this.saver.run(async () => {
      const end = this.end();
      if (end.getTime() > Date.now() + 60_000) throw new InvalidInputError("The end is in the future; a session can only be logged once it has ended.");
      await this.sessions.finish(this.details, end);
      this.close();
    });
  }

  private async discard(): Promise<void> {
    await this.sessions.discard();
    this.close();
  }

  private end(): Date {
    return this.chosenEnd ?? new Date();
  }

  private showDuration(): void {
    const minutes = differenceInMinutes(this.end(), parseISO(this.session.start));
    this.durationEl?.setText(minutes < 0 ? "The end is before the start." : `${minutesText(minutes)} of work.`);
  }
}
