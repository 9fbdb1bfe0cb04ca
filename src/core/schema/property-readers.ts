/**
 * Typed reads of frontmatter values a user may have edited by hand: a wrong type reads as "not set"
 * rather than throwing, so one odd note never breaks a view or a command.
 */

export function textProperty(properties: Record<string, unknown>, name: string): string | undefined {
  const value = properties[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function numberProperty(properties: Record<string, unknown>, name: string): number | undefined {
  const value = properties[name];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A list of strings; a lone string counts as a one-item list (a common hand edit). */
export function listProperty(properties: Record<string, unknown>, name: string): string[] {
  const value = properties[name];
  if (typeof value === "string") return value.trim() === "" ? [] : [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}
