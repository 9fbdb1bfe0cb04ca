import type { AnswerSyncPlan, PromptSync } from "./answers";
import { reservedPropertyReason } from "./prompts";

function answers(count: number): string {
  return count === 1 ? "1 answer" : `${count} answers`;
}

/** One sentence for a prompt whose sync did something or needs the user's eye; null when in step. */
export function describePromptSync(outcome: PromptSync): string | null {
  const { heading, property } = outcome.prompt;
  switch (outcome.state) {
    case "in-step":
      return null;
    case "body-to-property":
      return `${property}: copied from the list under "${heading}"`;
    case "property-to-body":
    case "merged": {
      const parts: string[] = [];
      if (outcome.addedToBody.length > 0) parts.push(`${answers(outcome.addedToBody.length)} from ${property} added under "${heading}"`);
      if (outcome.removedFromBody.length > 0) parts.push(`${answers(outcome.removedFromBody.length)} removed from "${heading}" (removed from ${property})`);
      return parts.join("; ");
    }
    case "heading-missing":
      if (outcome.kept.length === 0) return `"${heading}" is not in the note (renamed or removed?); ${property} is empty`;
      return `"${heading}" is not in the note (renamed or removed?): ${property} keeps its ${answers(outcome.kept.length)}; add the heading back to edit them in the note`;
    case "unreadable-property":
      return `${property} holds something other than a list of text, so it was left as it is; fix it in the Properties panel`;
    case "schema-property":
      return `"${heading}" was not synced: ${reservedPropertyReason(property) ?? ""}`;
  }
}

export function describeSync(plan: AnswerSyncPlan): string[] {
  return plan.prompts.map(describePromptSync).filter((line): line is string => line !== null);
}
