import type { CustomEntryType } from "../../core/settings";
import { BUILT_IN_ENTRY_TYPES } from "../../core/schema/kinds";
import { COMMON_PROPERTIES, KIND_PROPERTIES } from "../../core/schema/properties";
import { isValidTypeName } from "../../core/settings";

// Custom fields become properties of the entry note: snake_case like every other LifeBetter property.
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
// A custom field may not take over a property the entry already has a meaning for.
const RESERVED = new Set(["type", ...Object.keys(COMMON_PROPERTIES), ...Object.keys(KIND_PROPERTIES.entry)]);

/** The field names of "a, b,c" in order, without blanks or repeats. */
export function parseFieldList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((field) => field.trim())
        .filter((field) => field !== ""),
    ),
  ];
}

/** What is wrong with a custom type as typed in settings, or null when it can be saved. */
export function customTypeProblem(type: CustomEntryType, others: readonly CustomEntryType[]): string | null {
  if (type.name === "") return "Give the type a name.";
  if (!isValidTypeName(type.name)) {
    return `"${type.name}" is not a valid type name: use lowercase letters, digits and -, starting with a letter.`;
  }
  if ((BUILT_IN_ENTRY_TYPES as readonly string[]).includes(type.name)) return `"${type.name}" is already a built-in type.`;
  if (others.some((other) => other.name === type.name)) return `There is already a type named "${type.name}".`;
  for (const field of type.fields) {
    if (!FIELD_NAME.test(field)) {
      return `"${field}" is not a valid field name: use lowercase letters, digits and _, starting with a letter.`;
    }
    if (RESERVED.has(field)) return `"${field}" is already an entry property; choose another field name.`;
  }
  return null;
}
