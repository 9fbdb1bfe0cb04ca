/** True when the record's `private` checkbox is ticked (a hand-typed "true" counts too: better safe). */
export function isPrivate(properties: Record<string, unknown>): boolean {
  const value = properties.private;
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}
