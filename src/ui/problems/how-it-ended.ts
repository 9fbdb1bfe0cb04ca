import { listProperty, textProperty } from "../../core/schema/property-readers";
import { dateText } from "./durations";

/** One line on how a past problem ended, from its properties: status, when, and what worked or not. */
export function howItEnded(properties: Record<string, unknown>): string {
  const status = textProperty(properties, "status") ?? "active";
  const completed = textProperty(properties, "completed");
  const when = completed ? ` on ${dateText(completed)}` : "";
  const first = (name: string): string | undefined => listProperty(properties, name)[0];
  switch (status) {
    case "solved": {
      const worked = first("what_worked") ?? first("what_learned");
      return `Solved${when}${worked ? ` — worked: ${worked}` : ""}`;
    }
    case "abandoned": {
      const failed = first("what_didnt_work") ?? first("what_learned");
      return `Abandoned${when}${failed ? ` — didn't work: ${failed}` : ""}`;
    }
    case "blocked":
      return "Blocked, still open";
    default:
      return "Still open";
  }
}
