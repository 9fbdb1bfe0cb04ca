import { isRecordId } from "../ids";
import type { RecordKind } from "../schema/kinds";
import { propertySpec } from "../schema/properties";
import { privateKeys } from "../schema/privacy";
import { checkValue, MAX_INTERVAL_DAYS } from "../schema/values";
import { asDay, daysBetween, type Day } from "../dates/days";
import { entryTypes, type LifeBetterSettings } from "../settings";
import type { Finding } from "./findings";
import { checkPrivacySpelling } from "./privacy-rules";

/** Property findings for one LifeBetter record: missing id, wrong types, values out of range. */
export function checkRecordProperties(
  path: string,
  kind: RecordKind,
  properties: Record<string, unknown>,
  settings: LifeBetterSettings,
  /** The user's day, for rules relative to it (a review due beyond the longest interval). */
  today?: Day,
): Finding[] {
  const findings: Finding[] = [];
  if (properties.id === undefined || properties.id === null || properties.id === "") {
    findings.push({
      path,
      code: "missing-id",
      severity: "warning",
      property: "id",
      message: "the record has no id, so it cannot be found again once its links break",
      fix: { action: "new-id", description: "give this note an id" },
    });
  } else if (!isRecordId(properties.id)) {
    findings.push({
      path,
      code: "invalid-value",
      severity: "error",
      property: "id",
      message: `id must be a UUID v4, found ${JSON.stringify(properties.id)}`,
      fix: { action: "new-id", description: "replace it with a new id" },
    });
  }
  if (kind === "entry") {
    const types = entryTypes(settings);
    const type = properties.type;
    if (typeof type !== "string" || !types.includes(type)) {
      findings.push({
        path,
        code: "invalid-value",
        severity: "error",
        property: "type",
        message: `type must be one of ${types.join(", ")}, found ${JSON.stringify(type ?? null)}`,
      });
    }
  }
  findings.push(...checkPrivacySpelling(path, properties));
  const privacy = new Set(privateKeys(properties)); // reported above, with the meaning LifeBetter gives them
  for (const [name, value] of Object.entries(properties)) {
    if (name === "id" || name === "type" || privacy.has(name)) continue;
    const spec = propertySpec(kind, name);
    if (!spec) continue; // keys LifeBetter does not know are the user's business
    const problem = checkValue(name, value, spec);
    if (!problem) continue;
    findings.push({
      path,
      code: "invalid-value",
      severity: "error",
      property: name,
      message: problem.message,
      fix:
        problem.repaired === undefined
          ? undefined
          : { action: "set", property: name, value: problem.repaired, description: `set ${name} to ${JSON.stringify(problem.repaired)}` },
    });
  }
  const due = kind === "meta-skill" ? asDay(properties.review_due) : null;
  if (due !== null && today !== undefined && daysBetween(today, due) > MAX_INTERVAL_DAYS) {
    findings.push({
      path,
      code: "invalid-value",
      severity: "error",
      property: "review_due",
      message: `review_due ${due} is more than ${MAX_INTERVAL_DAYS} days (the longest review interval) after today, so the skill would never come up`,
      fix: { action: "set", property: "review_due", value: today, description: `set review_due to today (${today}) so the next review schedules it again` },
    });
  }
  return findings;
}
