import { describe, expect, it } from "vitest";
import { isReflectionWritten, reminderKey, remindersDue } from "../../../src/core/reflection/reminder";
import { loadSettings } from "../../../src/core/settings";

const settings = loadSettings({ reflectionTime: "21:00", weeklyReflectionDay: 0 });

describe("reminders", () => {
  it("daily from the reflection time on (local clock), weekly on the chosen weekday, monthly on the last day", () => {
    expect(remindersDue(new Date(2026, 10, 24, 20, 59), settings, new Set())).toEqual([]);
    expect(remindersDue(new Date(2026, 10, 24, 21, 0), settings, new Set())).toEqual(["daily"]);
    expect(remindersDue(new Date(2026, 10, 29, 22, 0), settings, new Set())).toEqual(["daily", "weekly"]);
    expect(remindersDue(new Date(2026, 10, 30, 21, 30), settings, new Set())).toEqual(["daily", "monthly"]);
  });

  it("once a day each, and never when turned off", () => {
    const now = new Date(2026, 10, 24, 21, 30);
    expect(remindersDue(now, settings, new Set([reminderKey("daily", now)]))).toEqual([]);
    expect(remindersDue(now, { ...settings, reflectionTime: "" }, new Set())).toEqual([]);
  });

  it("a reflection counts as written once it has an answer or a value", () => {
    const empty = "---\nkind: reflection\nwins: []\n---\n## Wins\n\n## Gratitude\n";
    expect(isReflectionWritten(empty, settings)).toBe(false);
    expect(isReflectionWritten(empty.replace("## Wins\n", "## Wins\n- Ran\n"), settings)).toBe(true);
    expect(isReflectionWritten(empty.replace("wins: []", "wins: [Ran]"), settings)).toBe(true);
    expect(isReflectionWritten(empty.replace("wins: []", "sleep_hours: 7"), settings)).toBe(true);
  });
});
