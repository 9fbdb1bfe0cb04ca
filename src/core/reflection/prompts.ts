/** A reflection prompt: a heading in the note whose list items a list property mirrors. */
export interface ReflectionPrompt {
  heading: string;
  /** snake_case list property holding the answers (SCHEMA.md: what_worked, wins, …). */
  property: string;
}

/** SCHEMA.md's reflection list properties, in the order the default prompts use them. */
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
];

const PROPERTY_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Why a prompt list cannot be used, or null. Two prompts may not share a heading or a property (a
 * property would then mirror two sections), and a property must be snake_case.
 */
export function promptsProblem(prompts: readonly ReflectionPrompt[]): string | null {
  const headings = new Set<string>();
  const properties = new Set<string>();
  for (const prompt of prompts) {
    const heading = prompt.heading.trim();
    if (heading === "") return "Every prompt needs a heading.";
    if (!PROPERTY_NAME.test(prompt.property)) return `"${prompt.property}" is not a property name: use lower-case letters, digits and _ (such as what_worked).`;
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
      const property = line.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
      return { heading: line, property: /^[a-z]/.test(property) ? property : `answer_${property}` };
    });
}
