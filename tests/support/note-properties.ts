import { parseNote } from "../../src/core/codec/frontmatter";

/** The properties of a note's text (none for a missing note); a note that cannot be parsed fails the test. */
export function propertiesOf(text: string | undefined): Record<string, unknown> {
  const parsed = parseNote(text ?? "");
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties;
}
