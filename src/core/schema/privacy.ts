/**
 * The one rule for "is this note private?". Privacy fails closed: a `private` property (any case of
 * the key: `Private`, `PRIVATE`) marks the note private unless its value is clearly false. Export,
 * the index (similar notes, search, capture suggestions) and the CLI all ask this function.
 */

/** Spellings that clearly mean "not private"; anything else a person could have meant as yes. */
const CLEARLY_FALSE = new Set(["false", "no", "0", "off", ""]);

/** The keys of these properties that name the private property, in any case (`private`, `Private`). */
export function privateKeys(properties: Record<string, unknown>): string[] {
  return Object.keys(properties).filter((key) => key.trim().toLowerCase() === "private");
}

/** True unless the value is clearly false: `false`, `no`, `0`, `off`, empty, nothing. */
export function isPrivateValue(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (value === true) return true;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") return !CLEARLY_FALSE.has(value.trim().toLowerCase());
  if (Array.isArray(value)) return value.length > 0; // `[true]`, `[false]`: a list was never "clearly false"
  return true; // nested properties: someone meant something; keep it out
}

/** Whether a note with these properties is private (see the module comment). */
export function isPrivate(properties: Record<string, unknown>): boolean {
  return privateKeys(properties).some((key) => isPrivateValue(properties[key]));
}

/**
 * Why this note's privacy is spelled oddly (a key other than `private`, a value other than a
 * checkbox), with the canonical value to write instead; null when it is written as expected.
 */
export function oddPrivateSpelling(properties: Record<string, unknown>): { key: string; value: unknown; canonical: boolean } | null {
  for (const key of privateKeys(properties)) {
    const value = properties[key];
    if (key === "private" && (typeof value === "boolean" || value === null)) continue;
    return { key, value, canonical: isPrivate(properties) };
  }
  return null;
}
