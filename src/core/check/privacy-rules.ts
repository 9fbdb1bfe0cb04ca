import { oddPrivateSpelling } from "../schema/privacy";
import type { Finding } from "./findings";

/**
 * A `private` property spelled other than as a checkbox (`private: yes`, `Private: true`, `private: 1`).
 * LifeBetter already treats it as private unless it is clearly false (schema/privacy), but other
 * tools may not: the fix writes the checkbox Obsidian shows, with the same meaning.
 */
export function checkPrivacySpelling(path: string, properties: Record<string, unknown>): Finding[] {
  const odd = oddPrivateSpelling(properties);
  if (!odd) return [];
  const meaning = odd.canonical ? "private" : "not private";
  const written = `${odd.key}: ${JSON.stringify(odd.value)}`;
  return [
    {
      path,
      code: "invalid-value",
      severity: "warning",
      property: odd.key,
      message: `${written} is read as ${meaning}; write it as the checkbox private: ${String(odd.canonical)} so every tool reads it the same way`,
      fix: {
        action: "set",
        property: "private",
        value: odd.canonical,
        ...(odd.key !== "private" ? { replaces: odd.key } : {}),
        description: `set private to ${String(odd.canonical)}${odd.key !== "private" ? ` in place of ${odd.key}` : ""}`,
      },
    },
  ];
}
