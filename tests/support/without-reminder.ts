/** Saved plugin data with the daily reflection reminder off unless the test sets it: the reminder follows the real clock. */
export function withoutReminder(data: unknown): unknown {
  if (data === undefined) return { reflectionTime: "" };
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  return { reflectionTime: "", ...data };
}
