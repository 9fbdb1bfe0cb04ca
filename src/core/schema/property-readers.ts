import type { PropertySpec } from "./property-spec";
import { isValidNumber } from "./values";

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

/**
 * A number that keeps its rule (schema/values: a 1–10 scale, hours of sleep); one that breaks it
 * (`mood: 42`, typed by hand, which check reports) reads as not set, so it never skews an average.
 */
export function ruleNumberProperty(properties: Record<string, unknown>, name: string, spec: PropertySpec): number | undefined {
  const value = numberProperty(properties, name);
  return isValidNumber(value, spec) ? value : undefined;
}

/** A list of strings; a lone string counts as a one-item list (a common hand edit). */
export function listProperty(properties: Record<string, unknown>, name: string): string[] {
  const value = properties[name];
  if (typeof value === "string") return value.trim() === "" ? [] : [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}
