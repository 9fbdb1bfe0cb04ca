import type { LifeBetterSettings } from "../settings";
import { RECORD_KINDS } from "../schema/kinds";

/**
 * The `.base` files LifeBetter offers (Obsidian's core Bases plugin): plain data, written as YAML by
 * write-bases.ts. Records are picked by `kind`, the schema's contract, so they are found wherever the
 * user keeps them. Date properties go through `date()` because a vault may type them as text.
 */
export interface BaseView {
  type: "table" | "cards" | "list";
  name: string;
  filters?: BaseFilter;
  order: string[];
  sort?: { property: string; direction: "ASC" | "DESC" }[];
  groupBy?: { property: string; direction: "ASC" | "DESC" };
  summaries?: Record<string, string>;
  limit?: number;
}

export type BaseFilter = string | { and: BaseFilter[] } | { or: BaseFilter[] } | { not: BaseFilter[] };

export interface BaseFile {
  filters: BaseFilter;
  formulas?: Record<string, string>;
  properties?: Record<string, { displayName: string }>;
  views: BaseView[];
}

export interface NamedBase {
  /** File name, `.base` included. */
  name: string;
  base: BaseFile;
}

const NOT_PRIVATE = "private != true";
const OPEN = 'status != "solved" && status != "abandoned"';
/** Monday of this week (moment's "E" is the ISO weekday, 1 = Monday), as the reflections' weeks run. */
const THIS_MONDAY = 'today() - duration("1d") * (number(today().format("E")) - 1)';

function problems(settings: LifeBetterSettings): BaseFile {
  return {
    filters: { and: ['kind == "problem"'] },
    formulas: {
      time_vs_estimate: "if(estimate > 0, (time_spent / estimate).round(2))",
      priority_rank: 'if(priority == "urgent", 4, if(priority == "high", 3, if(priority == "medium", 2, if(priority == "low", 1, 0))))',
      last_activity: "if(last_worked, date(last_worked), if(started, date(started), file.ctime))",
      days_idle: "((today() - formula.last_activity) / 86400000).floor()",
    },
    properties: {
      "formula.time_vs_estimate": { displayName: "Time ÷ estimate" },
      "formula.days_idle": { displayName: "Days since worked" },
      time_spent: { displayName: "Time spent (min)" },
      estimate: { displayName: "Estimate (min)" },
    },
    views: [
      {
        type: "table",
        name: "Active by priority",
        filters: { and: [OPEN] },
        order: ["file.name", "status", "priority", "time_spent", "estimate", "formula.time_vs_estimate", "last_worked", "formula.days_idle", "target"],
        sort: [
          { property: "formula.priority_rank", direction: "DESC" },
          { property: "formula.days_idle", direction: "DESC" },
        ],
      },
      {
        type: "table",
        name: "Stale",
        filters: { and: [OPEN, `formula.days_idle >= ${settings.staleDays}`] },
        order: ["file.name", "priority", "last_worked", "formula.days_idle", "time_spent"],
        sort: [{ property: "formula.days_idle", direction: "DESC" }],
      },
      {
        type: "table",
        name: "Solved",
        filters: { and: ['status == "solved"'] },
        order: ["file.name", "completed", "time_spent", "estimate", "formula.time_vs_estimate", "category"],
        sort: [{ property: "completed", direction: "DESC" }],
        summaries: { "formula.time_vs_estimate": "Average", time_spent: "Sum" },
      },
    ],
  };
}

function entries(): BaseFile {
  return {
    filters: { and: ['kind == "entry"', NOT_PRIVATE] },
    formulas: { day: 'if(timestamp, date(timestamp), file.ctime).format("YYYY-MM-DD")' },
    properties: { "formula.day": { displayName: "Day" } },
    views: [
      {
        type: "table",
        name: "By type",
        order: ["file.name", "type", "formula.day", "problem", "outcome", "tags"],
        groupBy: { property: "type", direction: "ASC" },
        sort: [{ property: "timestamp", direction: "DESC" }],
      },
      {
        type: "table",
        name: "This week",
        filters: { and: [`if(timestamp, date(timestamp), file.ctime) >= ${THIS_MONDAY}`] },
        order: ["file.name", "type", "formula.day", "problem", "mood"],
        groupBy: { property: "type", direction: "ASC" },
        sort: [{ property: "timestamp", direction: "DESC" }],
      },
    ],
  };
}

function metaSkills(): BaseFile {
  return {
    filters: { and: ['kind == "meta-skill"', NOT_PRIVATE] },
    formulas: { success_rate: "if(uses_total > 0, (uses_success / uses_total).round(2))" },
    properties: { "formula.success_rate": { displayName: "Success rate" }, review_due: { displayName: "Review due" } },
    views: [
      {
        type: "table",
        name: "Due for review",
        // A skill never scheduled is due at once, as in the review queue.
        filters: { or: ["!review_due", "date(review_due) <= today()"] },
        order: ["file.name", "review_due", "review_count", "uses_total", "formula.success_rate"],
        sort: [{ property: "review_due", direction: "ASC" }],
      },
      {
        type: "table",
        name: "By success rate",
        order: ["file.name", "uses_total", "uses_success", "uses_failed", "formula.success_rate", "hours_to_solution", "last_used"],
        sort: [{ property: "formula.success_rate", direction: "DESC" }],
      },
    ],
  };
}

function reflections(): BaseFile {
  return {
    filters: { and: ['kind == "reflection"', NOT_PRIVATE] },
    properties: { sleep_hours: { displayName: "Sleep (h)" } },
    views: [
      {
        type: "table",
        name: "Mood and sleep",
        filters: { and: ['period == "daily"'] },
        order: ["date", "mood", "energy", "stress", "sleep_hours", "habits"],
        sort: [{ property: "date", direction: "DESC" }],
        summaries: { mood: "Average", energy: "Average", stress: "Average", sleep_hours: "Average" },
      },
      {
        type: "table",
        name: "Weeks and months",
        filters: { and: ['period != "daily"'] },
        order: ["file.name", "period", "period_start", "period_end", "mood", "energy"],
        sort: [{ property: "period_start", direction: "DESC" }],
      },
    ],
  };
}

export function lifeBetterBases(settings: LifeBetterSettings): NamedBase[] {
  return [
    { name: "Problems.base", base: problems(settings) },
    { name: "Entries.base", base: entries() },
    { name: "Meta-skills.base", base: metaSkills() },
    { name: "Reflections.base", base: reflections() },
  ];
}

/** The LifeBetter folder: the one the record folders share ("LifeBetter" by default), else "LifeBetter". */
export function lifeBetterFolder(settings: LifeBetterSettings): string {
  const folders = RECORD_KINDS.map((kind) => settings.folders[kind].split("/").filter((part) => part !== ""));
  const shared: string[] = [];
  for (let i = 0; folders.every((parts) => parts.length > i + 1 && parts[i] === folders[0]?.[i]); i++) shared.push(folders[0]?.[i] ?? "");
  return shared.length > 0 ? shared.join("/") : "LifeBetter";
}
