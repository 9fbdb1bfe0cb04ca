import { format, getDay, getHours } from "date-fns";
import { parseWikilink } from "../codec/wikilinks";
import { compareForDashboard, summarize, type ProblemSummary } from "../problems/dashboard";
import { DEFAULT_STALE_DAYS } from "../settings";
import { listProperty, numberProperty, ruleNumberProperty, textProperty } from "../schema/property-readers";
import { parseMarkdownInSlices } from "../codec/sliced-parse";
import { BUILT_IN_ACTIVITY_TYPES } from "../problems/session-activity";
import { parseSessionsInSlices, type SessionRow } from "../problems/sessions-table";
import { skillsUsedBy } from "../problems/skill-usage";
import { datedAt } from "../schema/record-date";
import { isIsoDate, SCALE_1_TO_10 } from "../schema/values";
import type { VaultRecord, VaultRecords } from "../vault/records";

/** One work session row, with the problem it belongs to. Hours and weekdays are local time. */
export interface SessionPoint {
  problemPath: string;
  /** `problem.md#row 3`-style identity is not needed: evidence is the problem note. */
  date: string;
  hour: number;
  /** 0 = Sunday, as date-fns counts. */
  weekday: number;
  minutes: number;
  focus?: number;
  energy?: number;
  /** The typed activity (coding, reading, …) and the distractions count, when the row has them. */
  activityType?: string;
  distractions?: number;
}

/** One day as a daily reflection records it. */
export interface DayPoint {
  path: string;
  date: string;
  mood?: number;
  energy?: number;
  stress?: number;
  sleep?: number;
  habits: string[];
}

export interface EntryPoint {
  path: string;
  type: string;
  /** Local day it happened, when it has a date. */
  date?: string;
  time?: number;
  text: string;
  outcome?: string;
  approach?: string;
  timeSpent?: number;
  /** Paths of the meta-skill notes it links. */
  skills: string[];
  /** Decisions: satisfaction 1–10 and whether the person would decide the same, once reviewed. */
  satisfaction?: number;
  wouldDecideSame?: boolean;
}

export interface ProblemPoint extends ProblemSummary {
  /** Paths of the meta-skills it or its attempts used. */
  skills: string[];
}

/** A Pattern note already written: how proposals are matched to the user's decisions. */
export interface PatternNote {
  path: string;
  key: string;
  status: string;
  helpful?: number;
  feedback?: string;
  /** Paths its `evidence` links resolve to: a theme whose key moved is still recognised by them. */
  evidence: string[];
}

/** Everything the detectors read, taken once from the records. */
export interface PatternData {
  now: Date;
  sessions: SessionPoint[];
  days: DayPoint[];
  entries: EntryPoint[];
  problems: ProblemPoint[];
  /** Meta-skill note path → its name. */
  skills: Map<string, string>;
  /** Meta-skill note path → the days it was reviewed (`reviewed_on`), oldest first. */
  reviews: Map<string, string[]>;
  /** The habits of the settings with their weekly targets (none: no habit targets to compare with). */
  habitTargets: { name: string; targetPerWeek: number }[];
  notes: PatternNote[];
  /**
   * Entry path → its note vector, when the index has embedded the entries (the view asks the index;
   * the CLI and a vault without a model leave it out): themes are then read by meaning, not words.
   */
  vectors?: ReadonlyMap<string, readonly number[]>;
}

/** A date-like property as a Date (YAML may give a string or a Date). */
const day = (date: Date): string => format(date, "yyyy-MM-dd");

const scale = (properties: Record<string, unknown>, name: string): number | undefined => ruleNumberProperty(properties, name, SCALE_1_TO_10);

function dayOf(record: VaultRecord): DayPoint | null {
  const p = record.properties;
  const period = textProperty(p, "period") ?? "daily";
  if (period !== "daily") return null;
  const date = datedAt(p);
  if (!date) return null;
  const sleep = numberProperty(p, "sleep_hours");
  return {
    path: record.path,
    date: day(date),
    mood: scale(p, "mood"),
    energy: scale(p, "energy"),
    stress: scale(p, "stress"),
    sleep: sleep !== undefined && sleep >= 0 && sleep <= 24 ? sleep : undefined,
    habits: [...new Set(listProperty(p, "habits").map((habit) => habit.trim()))],
  };
}

function linkedSkills(vault: VaultRecords, record: VaultRecord, skills: Map<string, string>): string[] {
  return listProperty(record.properties, "meta_skills").flatMap((raw) => {
    const path = vault.resolver.resolve(parseWikilink(raw)?.target ?? raw.trim(), record.path);
    return path && skills.has(path) ? [path] : [];
  });
}

function entryOf(vault: VaultRecords, record: VaultRecord, skills: Map<string, string>): EntryPoint {
  const p = record.properties;
  const when = datedAt(p) ?? undefined;
  return {
    path: record.path,
    type: textProperty(p, "type") ?? "",
    date: when ? day(when) : undefined,
    time: when?.getTime(),
    text: record.body,
    outcome: textProperty(p, "outcome"),
    approach: textProperty(p, "approach")?.toLowerCase(),
    timeSpent: numberProperty(p, "time_spent"),
    skills: linkedSkills(vault, record, skills),
    satisfaction: scale(p, "satisfaction"),
    wouldDecideSame: typeof p.would_decide_same === "boolean" ? p.would_decide_same : undefined,
  };
}

/** `reviewed_on` as ISO days (YAML may give strings or Dates). */
function reviewDays(record: VaultRecord): string[] {
  const value = record.properties.reviewed_on;
  const items: unknown[] = Array.isArray(value) ? value : [];
  return items
    .flatMap((item) =>
      item instanceof Date && !Number.isNaN(item.getTime()) ? [day(item)] : typeof item === "string" && isIsoDate(item.trim()) ? [item.trim()] : [],
    )
    .sort();
}

function sessionOf(problemPath: string, row: SessionRow): SessionPoint {
  const { startTime } = row;
  return {
    problemPath,
    date: day(startTime),
    hour: getHours(startTime),
    weekday: getDay(startTime),
    minutes: row.minutes,
    focus: row.focus,
    energy: row.energy,
    activityType: row.activityType,
    distractions: row.distractionCount,
  };
}

function patternNoteOf(vault: VaultRecords, record: VaultRecord): PatternNote | null {
  const p = record.properties;
  const key = textProperty(p, "pattern_key");
  if (!key) return null;
  return {
    path: record.path,
    key,
    status: textProperty(p, "status") ?? "detected",
    helpful: numberProperty(p, "helpful"),
    feedback: textProperty(p, "feedback"),
    evidence: listProperty(p, "evidence").flatMap((raw) => vault.resolver.resolve(parseWikilink(raw)?.target ?? raw.trim(), record.path) ?? []),
  };
}

/**
 * Reads sessions, daily reflections, entries, problems, skills and Pattern notes from records
 * loaded with every kind. `tick` is awaited between notes so a caller can yield to the UI.
 */
export async function patternData(
  vault: VaultRecords,
  now: Date,
  tick: () => Promise<void>,
  staleDays = DEFAULT_STALE_DAYS,
  habitTargets: readonly { name: string; targetPerWeek: number }[] = [],
  activityTypes: readonly string[] = BUILT_IN_ACTIVITY_TYPES,
): Promise<PatternData> {
  const skills = new Map<string, string>();
  const reviews = new Map<string, string[]>();
  for (const record of vault.records) {
    if (record.kind !== "meta-skill") continue;
    skills.set(record.path, record.name);
    reviews.set(record.path, reviewDays(record));
    await tick();
  }
  const data: PatternData = {
    now,
    sessions: [],
    days: [],
    entries: [],
    problems: [],
    skills,
    reviews,
    habitTargets: habitTargets.filter((h) => h.targetPerWeek > 0),
    notes: [],
  };
  for (const record of vault.records) {
    if (record.kind === "reflection") {
      const point = dayOf(record);
      if (point) data.days.push(point);
    } else if (record.kind === "entry") {
      data.entries.push(entryOf(vault, record, skills));
    } else if (record.kind === "problem") {
      // A problem's body is parsed once for its sessions and its milestones, with a tick between
      // steps. The parse grows with the note (about 0.5 ms a Sessions row measured), so a long
      // Sessions table is parsed in pieces of rows with ticks between them (sliced-parse.ts).
      const tree = await parseMarkdownInSlices(record.body, tick);
      await tick();
      const { rows } = await parseSessionsInSlices(record.body, tree, activityTypes, tick);
      await tick();
      for (const [i, row] of rows.entries()) {
        data.sessions.push(sessionOf(record.path, row));
        if (i % 100 === 99) await tick();
      }
      await tick();
      data.problems.push({ ...summarize(vault, record, now, staleDays, tree), skills: skillsUsedBy(vault, record).skills.map((skill) => skill.path) });
    } else if (record.kind === "pattern") {
      const note = patternNoteOf(vault, record);
      if (note) data.notes.push(note);
    }
    await tick();
  }
  data.problems.sort(compareForDashboard);
  data.days.sort((a, b) => a.date.localeCompare(b.date));
  return data;
}
