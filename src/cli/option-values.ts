import { asDay, type Day } from "../core/dates/days";
import { requireNumber, typedNumber } from "../core/schema/values";
import type { PropertySpec } from "../core/schema/property-spec";
import { CliError } from "./cli-error";

/*
 * Option values with a rule of the schema (core/schema/values), read from the text typed on the
 * command line: the rule and its wording come from there, so the CLI and the core say the same thing.
 */

/** `--NAME N` as a number keeping `spec` (a 1–10 scale, a 1–5 rating); undefined when not given. */
export function numberOption(name: string, raw: string | undefined, spec: PropertySpec): number | undefined {
  const value = typedNumber(`--${name}`, raw, spec);
  requireNumber(`--${name}`, value, spec);
  return value;
}

/** `--NAME YYYY-MM-DD`, a real calendar day; undefined when not given. */
export function dayOption(name: string, raw: string | undefined): Day | undefined {
  if (raw === undefined) return undefined;
  const day = asDay(raw);
  if (!day) throw new CliError(`--${name} must be a date like 2026-11-24, not "${raw}".`);
  return day;
}
