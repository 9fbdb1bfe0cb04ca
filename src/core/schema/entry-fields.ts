import { ATTEMPT_OUTCOMES } from "./kinds";
import type { PropertySpec } from "./properties";
import { MINUTES } from "./values";

/** A field the capture form shows only for one entry type. */
export interface TypeField {
  property: string;
  label: string;
  spec: PropertySpec;
}

/** Type-specific capture fields of the built-in types (docs/data-model.md "attempt only", …). */
export const TYPE_FIELDS: Record<string, TypeField[]> = {
  attempt: [
    { property: "approach", label: "Approach", spec: { type: "text" } },
    { property: "outcome", label: "Outcome", spec: { type: "text", oneOf: ATTEMPT_OUTCOMES } },
    { property: "time_spent", label: "Time spent (minutes)", spec: MINUTES },
  ],
  blocker: [{ property: "resolution", label: "Resolution", spec: { type: "text" } }],
  decision: [
    { property: "expected_outcome", label: "Expected outcome", spec: { type: "text" } },
    { property: "review_on", label: "Review on (YYYY-MM-DD)", spec: { type: "date" } },
  ],
};
