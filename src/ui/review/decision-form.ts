import type { DecisionAnswer } from "../../core/review/decision-review";
import type { DecisionQueueItem } from "../../core/review/queue";
import { isValidNumber, ruleText, SCALE_1_TO_10 } from "../../core/schema/values";
import { keyHint } from "./card-parts";

export interface DecisionFormOptions {
  item: DecisionQueueItem;
  /** Saves the answer; resolves to a message to show when it was refused (nothing written), else null. */
  submit(answer: DecisionAnswer): Promise<string | null>;
}

export interface DecisionForm {
  focus(): void;
}

/** What the form holds, read as the core wants it; a message instead when something is missing. */
function readAnswer(outcome: string, satisfaction: string, same: string): DecisionAnswer | string {
  if (outcome.trim() === "") return "Say how the decision turned out.";
  const rating = Number(satisfaction);
  if (satisfaction.trim() === "" || !isValidNumber(rating, SCALE_1_TO_10)) return `Rate your satisfaction with ${ruleText(SCALE_1_TO_10)}.`;
  if (same !== "yes" && same !== "no") return "Choose whether you would decide the same again.";
  return { actualOutcome: outcome, satisfaction: rating, wouldDecideSame: same === "yes" };
}

/**
 * "How did it turn out?": the actual outcome, satisfaction 1–10 and whether you would decide the
 * same. Tab moves between fields; Enter in a field (Ctrl/Cmd+Enter in the text) saves.
 */
export function renderDecisionForm(containerEl: HTMLElement, options: DecisionFormOptions): DecisionForm {
  const form = containerEl.createEl("form", { cls: "lifebetter-review-decision-form" });
  form.createEl("h3", { text: "How did it turn out?" });
  const errorEl = form.createDiv({ cls: "lifebetter-review-error", attr: { role: "alert" } });

  const outcomeLabel = form.createEl("label", { cls: "lifebetter-review-outcome" });
  outcomeLabel.createSpan({ text: "What actually happened" });
  const outcome = outcomeLabel.createEl("textarea", { attr: { rows: "3", "aria-label": "What actually happened" } });

  const row = form.createDiv({ cls: "lifebetter-review-decision-row" });
  const ratingLabel = row.createEl("label", { text: "Satisfaction (1–10) " });
  const satisfaction = ratingLabel.createEl("input", { attr: { type: "number", min: "1", max: "10", step: "1", "aria-label": "Satisfaction" } });
  const sameLabel = row.createEl("label", { text: "Would you decide the same again? " });
  const same = sameLabel.createEl("select", { attr: { "aria-label": "Would you decide the same again?" } });
  same.createEl("option", { text: "Choose", value: "" });
  same.createEl("option", { text: "Yes", value: "yes" });
  same.createEl("option", { text: "No", value: "no" });

  const buttons = form.createDiv({ cls: "lifebetter-review-buttons" });
  // A plain button: Enter in a one-line field still submits the form natively.
  const save = buttons.createEl("button", { cls: "mod-cta", text: "Save outcome ", attr: { type: "button" } });
  keyHint(save, "Enter");

  let saving = false;
  const submit = async (): Promise<void> => {
    if (saving) return;
    const answer = readAnswer(outcome.value, satisfaction.value, same.value);
    if (typeof answer === "string") {
      errorEl.setText(answer);
      return;
    }
    saving = true;
    save.disabled = true;
    const refused = await options.submit(answer);
    saving = false;
    save.disabled = false;
    errorEl.setText(refused ?? "");
  };
  save.addEventListener("click", () => void submit());
  form.addEventListener("submit", (evt) => {
    evt.preventDefault();
    void submit();
  });
  outcome.addEventListener("keydown", (evt) => {
    if (evt.key === "Enter" && (evt.ctrlKey || evt.metaKey) && !evt.isComposing) {
      evt.preventDefault();
      void submit();
    }
  });
  // A select does not submit on Enter by itself.
  same.addEventListener("keydown", (evt) => {
    if (evt.key === "Enter" && !evt.isComposing) {
      evt.preventDefault();
      void submit();
    }
  });
  return { focus: () => outcome.focus() };
}
