/** A property or type name as a sentence-case label: "expected_outcome" → "Expected outcome". */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
