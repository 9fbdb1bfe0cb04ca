import { addDays, addMinutes, format } from "date-fns";
import { composeNote } from "../../src/core/codec/frontmatter";
import { seededRandom } from "./seeded-random";

/** Thursday: its week runs Monday 2026-11-23 to Sunday 2026-11-29, the previous one from 2026-11-16. */
export const HOME_TODAY = "2026-11-26";
export const WEEK_START = "2026-11-23";
export const PREVIOUS_WEEK_START = "2026-11-16";

/** One generated work session, as the test knows it independently of the code under test. */
export interface GeneratedSession {
  problem: string;
  start: Date;
  minutes: number;
  /** The activity cell: a type (coding, meeting, reading) or untyped free text ("work"). */
  activity: string;
}

/** Activity cells taken in turn by length (not from the random stream, so the rest of the vault stays as it was). */
const ACTIVITIES = ["coding: parser", "meeting", "work", "reading: docs"];
/** The type an activity cell names, as the test knows it; null for free text. */
export const activityTypeOf = (activity: string): string | null => (activity === "work" ? null : (activity.split(":")[0] ?? null));

export interface GeneratedDaily {
  date: string;
  mood: number;
  energy: number;
  sleep: number;
}

export interface HomeVault {
  files: Record<string, string>;
  sessions: GeneratedSession[];
  dailies: GeneratedDaily[];
  /** Entries by local day and type. */
  entries: { day: string; type: string }[];
}

const local = (date: Date) => format(date, "yyyy-MM-dd'T'HH:mm:ss");
const day = (date: Date) => format(date, "yyyy-MM-dd");

function sessionsTable(rows: GeneratedSession[]): string {
  const lines = rows.map((row) => `| ${local(row.start)} | ${local(addMinutes(row.start, row.minutes))} | ${row.minutes} | 7 | 6 | ${row.activity} | | |`);
  return `## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${lines.join("\n")}\n`;
}

/**
 * Three weeks of a made-up user's records around HOME_TODAY, generated from a seed: sessions on three
 * open problems and one solved, dailies, entries of several types, a due decision, due skills, a
 * blocker, milestones in Tasks and Dataview formats and loose tasks (next actions).
 */
export function homeVault(seed = 7): HomeVault {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const first = new Date(2026, 10, 9, 0, 0, 0); // Monday 2026-11-09, local time
  const problems = ["Flaky CI", "Learn Rust", "Tax return"];
  const sessions: GeneratedSession[] = [];
  const dailies: GeneratedDaily[] = [];
  const entries: HomeVault["entries"] = [];
  const files: Record<string, string> = {};
  const typed = (session: GeneratedSession): GeneratedSession => ({ ...session, activity: ACTIVITIES[session.minutes % ACTIVITIES.length] ?? "work" });
  for (let offset = 0; offset < 18; offset++) {
    const date = addDays(first, offset);
    for (let n = pick(3); n > 0; n--) {
      sessions.push(
        typed({
          problem: problems[pick(problems.length)] ?? "Flaky CI",
          start: addMinutes(date, (8 + n * 3) * 60 + pick(50)),
          minutes: 15 + pick(100),
          activity: "",
        }),
      );
    }
    if (random() < 0.7) {
      const daily = { date: day(date), mood: 1 + pick(10), energy: 1 + pick(10), sleep: 5 + pick(8) / 2 };
      dailies.push(daily);
      files[`Journal/${daily.date} reflection.md`] = composeNote(
        { kind: "reflection", period: "daily", date: daily.date, mood: daily.mood, energy: daily.energy, sleep_hours: daily.sleep },
        "## What worked?\n- Focus in the morning\n",
      );
    }
    const type = ["insight", "question", "emotion", "reading"][pick(4)] ?? "insight";
    if (random() < 0.8) {
      const at = addMinutes(date, 12 * 60 + pick(300));
      entries.push({ day: day(at), type });
      files[`LifeBetter/Entries/${day(at)} ${type} ${offset}.md`] = composeNote({ kind: "entry", type, timestamp: local(at) }, `A ${type}.\n`);
    }
  }
  const bodies: Record<string, string> = {
    "Flaky CI":
      "Fails one run in five.\n\n## Milestones\n- [x] Reproduce ✅ 2026-11-12\n- [ ] Find the race 📅 2026-11-20 ^race\n- [ ] Ship the fix [due:: 2026-12-05]\n\n## Next\n- [ ] Ask Ana about the fixtures ⏳ 2026-11-25\n- [ ] Read the runner docs\n",
    "Learn Rust": "## Milestones\n- [ ] Finish the book 📅 2026-12-31\n",
    "Tax return": "Nothing planned yet.\n",
  };
  const properties: Record<string, Record<string, unknown>> = {
    "Flaky CI": { priority: "urgent", started: "2026-11-09" },
    "Learn Rust": { priority: "low", started: "2026-11-09" },
    "Tax return": { priority: "high", started: "2026-10-01" },
  };
  problems.forEach((problem, index) => {
    const rows = sessions.filter((session) => session.problem === problem);
    files[`LifeBetter/Problems/${problem}.md`] = composeNote(
      // Fixed ids: the screenshot page is not a secure context, so it has no crypto.randomUUID.
      {
        id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`,
        kind: "problem",
        status: "active",
        ...properties[problem],
        ...(rows.length > 0 ? { last_worked: local(rows[rows.length - 1]!.start) } : {}),
      },
      `${bodies[problem] ?? ""}\n${rows.length > 0 ? sessionsTable(rows) : ""}`,
    );
  });
  // Solved this week and last week, with estimates: accuracy 1.5 this week, 0.5 and 1.0 last week.
  files["LifeBetter/Problems/Move flat.md"] = composeNote(
    { kind: "problem", status: "solved", completed: "2026-11-24T18:00:00", estimate: 120, time_spent: 180 },
    "Done.\n",
  );
  files["LifeBetter/Problems/Fix bike.md"] = composeNote(
    { kind: "problem", status: "solved", completed: "2026-11-17", estimate: 60, time_spent: 30 },
    "Done.\n",
  );
  files["LifeBetter/Problems/Paint door.md"] = composeNote(
    { kind: "problem", status: "solved", completed: "2026-11-20", estimate: 90, time_spent: 90 },
    "Done.\n",
  );
  files["LifeBetter/Meta-skills/Divide and conquer.md"] = composeNote(
    { kind: "meta-skill", review_due: "2026-11-20", reviewed_on: ["2026-11-13"], review_count: 1 },
    "Split it.\n",
  );
  files["LifeBetter/Meta-skills/Rubber duck.md"] = composeNote(
    { kind: "meta-skill", review_due: "2026-12-20", reviewed_on: ["2026-11-13"], review_count: 1 },
    "Explain it.\n",
  );
  // Attempts with skills: this week one success and one failure with Divide and conquer.
  const attempt = (name: string, timestamp: string, outcome: string, skill: string) => {
    entries.push({ day: timestamp.slice(0, 10), type: "attempt" });
    files[`LifeBetter/Entries/${name}.md`] = composeNote(
      { kind: "entry", type: "attempt", timestamp, outcome, problem: "[[Flaky CI]]", meta_skills: [`[[${skill}]]`] },
      `${name}.\n`,
    );
  };
  attempt("Bisect", "2026-11-24T10:00:00", "success", "Divide and conquer");
  attempt("Split fixtures", "2026-11-25T10:00:00", "failed", "Divide and conquer");
  attempt("Explain to duck", "2026-11-18T10:00:00", "success", "Rubber duck");
  entries.push({ day: "2026-11-21", type: "blocker" });
  files["LifeBetter/Entries/Waiting for access.md"] = composeNote(
    { kind: "entry", type: "blocker", timestamp: "2026-11-21T09:00:00", problem: "[[Flaky CI]]" },
    "Waiting.\n",
  );
  entries.push({ day: "2026-10-01", type: "decision" });
  files["LifeBetter/Entries/Take the role.md"] = composeNote(
    { kind: "entry", type: "decision", timestamp: "2026-10-01T12:00:00", review_on: "2026-11-25", expected_outcome: "Less stress" },
    "Take it.\n",
  );
  return { files, sessions, dailies, entries };
}
