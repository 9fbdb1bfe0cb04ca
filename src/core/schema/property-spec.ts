// The shape of a property's rule, on its own so that the rules (values.ts) and the table of
// properties (properties.ts) can both name it without importing each other.

/** Obsidian property types as docs/data-model.md uses them, plus links (wikilinks stored as text). */
export type PropertyType = "text" | "list" | "number" | "checkbox" | "date" | "datetime" | "date-or-datetime" | "link" | "links" | "uuid";

export interface PropertySpec {
  type: PropertyType;
  /** Allowed values for text properties. */
  oneOf?: readonly string[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** A list that may be written as one comma-separated text (tags). */
  commaSeparated?: boolean;
}
