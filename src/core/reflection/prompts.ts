import { RECORD_KINDS } from "../schema/kinds";
import { COMMON_PROPERTIES, KIND_PROPERTIES, type PropertySpec } from "../schema/properties";

/** A reflection prompt: a heading in the note whose list items a list property mirrors. */
export interface ReflectionPrompt {
  heading: string;
  /** snake_case list property holding the answers (docs/data-model.md: what_worked, wins, …). */
  property: string;
}

/** docs/data-model.md's reflection list properties, in the order the default prompts use them. */
export const ANSWER_PROPERTIES = [
  "what_worked",
  "what_didnt_work",
  "what_learned",
  "patterns_noticed",
  "wins",
  "gratitude",
  "goals_for_next",
  "action_items",
] as const;

export const DEFAULT_PROMPTS: readonly ReflectionPrompt[] = [
  { heading: "What worked?", property: "what_worked" },
  { heading: "What didn't?", property: "what_didnt_work" },
  { heading: "What did I learn?", property: "what_learned" },
  { heading: "Patterns noticed", property: "patterns_noticed" },
  { heading: "Wins", property: "wins" },
  { heading: "Gratitude", property: "gratitude" },
  { heading: "Tomorrow's focus", property: "goals_for_next" },
  { heading: "Action items", property: "action_items" },
];

const PROPERTY_NAME = /^[a-z][a-z0-9_]*$/;

/** Keys with a meaning of their own although they are lists: answers written there would change it. */
const RESERVED_LISTS: Record<string, string> = {
  tags: "Obsidian's tags",
  aliases: "Obsidian's aliases",
  cssclasses: "Obsidian's CSS classes",
  habits: "the habits ticked in the daily reflection",
  reviewed_on: "the days a meta-skill was reviewed",
};

function describeSpec(spec: PropertySpec): string {
  switch (spec.type) {
    case "number":
      return spec.min !== undefined && spec.max !== undefined ? `a number from ${spec.min} to ${spec.max}` : "a number";
    case "text":
      return spec.oneOf ? `one of ${spec.oneOf.join(", ")}` : "text";
    case "checkbox":
      return "a checkbox";
    case "date":
    case "date-or-datetime":
      return "a date";
    case "datetime":
      return "a date and time";
    case "link":
      return "a link";
    case "links":
      return "a list of links";
    case "uuid":
      return "the record's id";
    case "list":
      return "a list";
  }
}

/**
 * Why a prompt's answers may not go into this property, or null. docs/data-model.md gives every property one
 * type across the vault: a prompt named Mood must not turn the number `mood` (or `kind`, which says
 * what a note is) into a list of answers. Reflection answer lists and free lists (feelings) are fine.
 */
export function reservedPropertyReason(property: string): string | null {
  if ((ANSWER_PROPERTIES as readonly string[]).includes(property)) return null;
  let meaning: string | undefined = RESERVED_LISTS[property];
  if (meaning === undefined && property === "type") meaning = "the type of an entry";
  if (meaning === undefined) {
    const specs = [COMMON_PROPERTIES[property], ...RECORD_KINDS.map((kind) => KIND_PROPERTIES[kind][property])].filter(
      (spec): spec is PropertySpec => spec !== undefined,
    );
    const other = specs.find((spec) => spec.type !== "list");
    if (!other) return null;
    meaning = describeSpec(other);
  }
  return `the property ${property} holds ${meaning} in LifeBetter's notes, so a list of answers cannot go there; give the prompt another property, such as ${property}_notes.`;
}

/**
 * Why a prompt list cannot be used, or null. Two prompts may not share a heading or a property (a
 * property would then mirror two sections), a property must be snake_case and not one of the schema's
 * own (see reservedPropertyReason).
 */
export function promptsProblem(prompts: readonly ReflectionPrompt[]): string | null {
  const headings = new Set<string>();
  const properties = new Set<string>();
  for (const prompt of prompts) {
    const heading = prompt.heading.trim();
    if (heading === "") return "Every prompt needs a heading.";
    if (!PROPERTY_NAME.test(prompt.property)) return `"${prompt.property}" is not a property name: use lower-case letters, digits and _ (such as what_worked).`;
    const reserved = reservedPropertyReason(prompt.property);
    if (reserved !== null) return `"${heading}": ${reserved}`;
    const key = heading.toLowerCase();
    if (headings.has(key)) return `The heading "${heading}" is used twice.`;
    if (properties.has(prompt.property)) return `The property ${prompt.property} is used by two prompts.`;
    headings.add(key);
    properties.add(prompt.property);
  }
  return null;
}

/** Prompts as settings text: one `Heading = property` a line. */
export function promptsToText(prompts: readonly ReflectionPrompt[]): string {
  return prompts.map((prompt) => `${prompt.heading} = ${prompt.property}`).join("\n");
}

/** Parses `Heading = property` lines; a line without `=` gets a property made from its heading. */
export function promptsFromText(text: string): ReflectionPrompt[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const eq = line.lastIndexOf("=");
      if (eq > 0) return { heading: line.slice(0, eq).trim(), property: line.slice(eq + 1).trim() };
      const property = line
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .replace(/^_+|_+$/g, "");
      return { heading: line, property: /^[a-z]/.test(property) ? property : `answer_${property}` };
    });
}
