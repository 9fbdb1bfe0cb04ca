import { composeNote } from "../../src/core/codec/frontmatter";
import { loadSettings, type LifeBetterSettings } from "../../src/core/settings";

/** Settings with two habits, as a user who tracks them would have. */
export const REFLECTION_SETTINGS: LifeBetterSettings = loadSettings({
  habits: [
    { name: "Run", targetPerWeek: 3 },
    { name: "Read 20 minutes", targetPerWeek: 7 },
    { name: "No screens after 22:00", targetPerWeek: 5 },
  ],
});

const entry = (type: string, timestamp: string, text: string, extra: Record<string, unknown> = {}) =>
  composeNote({ kind: "entry", type, timestamp, ...extra }, `${text}\n`);

const dailyBody = (wins: string[]) =>
  `## What worked?\n\n## What didn't?\n\n## What did I learn?\n\n## Patterns noticed\n\n## Wins\n${wins.map((w) => `- ${w}\n`).join("")}\n## Gratitude\n\n## Tomorrow's focus\n\n## Action items\n`;

function daily(date: string, values: Record<string, unknown>, wins: string[] = []): string {
  return composeNote({ kind: "reflection", period: "daily", date, ...values, wins }, dailyBody(wins));
}

const sessions = `Fails one run in five.

## Sessions
| start | end | minutes | focus | energy | activity | distractions | outcome |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 2026-11-23T09:00:00 | 2026-11-23T10:00:00 | 60 | 6 | 6 | reading logs | | |
| 2026-11-24T09:00:00 | 2026-11-24T10:30:00 | 90 | 8 | 7 | bisecting | | found the race |
| 2026-11-24T14:00:00 | 2026-11-24T14:40:00 | 40 | 7 | 5 | fix | | |
`;

/** A week of a made-up user's notes: dailies with moods and habits, entries, a problem with sessions. */
export function reflectionVault(): Record<string, string> {
  return {
    "Journal/2026-11-23 reflection.md": daily("2026-11-23", { mood: 5, energy: 6, stress: 6, sleep_hours: 6.5, habits: ["Read 20 minutes"] }, [
      "Reproduced the flaky test",
    ]),
    "Journal/2026-11-24 reflection.md": daily("2026-11-24", { mood: 8, energy: 7, stress: 3, sleep_hours: 7.5, habits: ["Run", "Read 20 minutes"] }, [
      "Found the race in the fixture",
      "Ran 5 km",
    ]),
    "Journal/2026-11-22 reflection.md": daily("2026-11-22", { mood: 6, energy: 5, sleep_hours: 8, habits: ["Read 20 minutes", "Run"] }),
    "Journal/2026-11-25 reflection.md": daily(
      "2026-11-25",
      { mood: 7, energy: 8, stress: 4, sleep_hours: 8, habits: ["Read 20 minutes", "No screens after 22:00"] },
      ["Shipped the fix"],
    ),
    "LifeBetter/Problems/Flaky CI.md": composeNote({ kind: "problem", status: "active", priority: "urgent" }, sessions),
    "LifeBetter/Entries/2026-11-24 Why does the test hang.md": entry("question", "2026-11-24T09:10:00", "Why does the test hang only on CI?", {
      problem: "[[Flaky CI]]",
    }),
    "LifeBetter/Entries/2026-11-24 Fixtures share a port.md": entry("insight", "2026-11-24T10:20:00", "Fixtures share a port <img src=x onerror=alert(1)>"),
    "LifeBetter/Entries/2026-11-24 Bisect the fixtures.md": entry("attempt", "2026-11-24T11:00:00", "Bisect the fixtures", { outcome: "success" }),
    "LifeBetter/Entries/2026-11-20 Waiting for CI access.md": entry("blocker", "2026-11-20T16:00:00", "Waiting for CI access", { problem: "[[Flaky CI]]" }),
    "LifeBetter/Entries/2026-10-01 Take the new role.md": entry("decision", "2026-10-01T12:00:00", "Take the new role", {
      review_on: "2026-11-24",
      expected_outcome: "Less stress",
    }),
    "LifeBetter/Meta-skills/Divide and conquer.md": composeNote({ kind: "meta-skill", reviewed_on: ["2026-11-24"] }, "## What it is\nSplit the problem.\n"),
  };
}
