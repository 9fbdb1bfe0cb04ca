import { InvalidInputError, errorMessage } from "../../core/errors";
import { Setting } from "obsidian";

/**
 * Small form rows the problem modals share. Each labels its control (aria-label) with the visible
 * name, so tests and screen readers find it by what the user reads.
 */

export function textRow(containerEl: HTMLElement, name: string, desc: string, initial: string, changed: (value: string) => void): HTMLInputElement {
  let input!: HTMLInputElement;
  new Setting(containerEl)
    .setName(name)
    .setDesc(desc)
    .addText((text) => {
      input = text.inputEl;
      input.setAttribute("aria-label", name);
      text.setValue(initial);
      input.addEventListener("input", () => changed(input.value));
    });
  return input;
}

export function textAreaRow(containerEl: HTMLElement, name: string, desc: string, initial: string, changed: (value: string) => void): HTMLTextAreaElement {
  let input!: HTMLTextAreaElement;
  new Setting(containerEl)
    .setName(name)
    .setDesc(desc)
    .setClass("lifebetter-textarea-row")
    .addTextArea((text) => {
      input = text.inputEl;
      input.rows = 3;
      input.setAttribute("aria-label", name);
      text.setValue(initial);
      input.addEventListener("input", () => changed(input.value));
    });
  return input;
}

/** A 1–10 slider that always has a value, shown beside its name ("7 of 10"). */
export function scaleRow(containerEl: HTMLElement, name: string, initial: number, changed: (value: number) => void): HTMLInputElement {
  const setting = new Setting(containerEl).setName(name).setClass("lifebetter-scale-row");
  const describe = (value: number): void => {
    setting.descEl.setText(`${value} of 10`);
  };
  let input!: HTMLInputElement;
  setting.addSlider((slider) => {
    slider.setLimits(1, 10, 1);
    input = slider.sliderEl;
    input.value = String(initial);
    input.setAttribute("aria-label", name);
    input.addEventListener("input", () => {
      const value = Number(input.value);
      describe(value);
      changed(value);
    });
  });
  describe(initial);
  return input;
}

/** The lines of a text area as list items, blank lines and list markers dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim())
    .filter((line) => line !== "");
}

/** The modal's error line: role=alert so it is read out, empty until something is refused. */
export function errorLine(containerEl: HTMLElement): HTMLElement {
  return containerEl.createDiv({ cls: "lifebetter-form-error", attr: { role: "alert" } });
}

/**
 * A form's save: one at a time, the modal closed on success, a refusal shown in the error line (a
 * refused input as the core words it, anything else after `failure`). Nothing typed is lost.
 */
export class FormSave {
  private busy = false;
  errorEl: HTMLElement | null = null;

  constructor(private readonly failure: string) {}

  async run(action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await action();
      return true;
    } catch (error) {
      this.errorEl?.setText(error instanceof InvalidInputError ? error.message : `${this.failure}: ${errorMessage(error)}`);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
