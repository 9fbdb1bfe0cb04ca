import { isIsoDate } from "../schema/values";

/**
 * Dates on a Markdown task line as the Tasks plugin writes them (`📅 2026-12-01`, emoji format) or
 * as Dataview inline fields (`[due:: 2026-12-01]`, Tasks' Dataview format). The list item itself is
 * found with remark (see sections.ts); only the date tokens on its first line are matched here.
 */
export interface TaskDates {
  due?: string;
  scheduled?: string;
  start?: string;
  created?: string;
  /** When it was ticked (✅ / `completion::`). */
  done?: string;
  cancelled?: string;
}

export type TaskDateName = keyof TaskDates;

/** Tasks' emoji signifier of each date. */
export const TASK_EMOJI: Record<TaskDateName, string> = {
  due: "📅",
  scheduled: "⏳",
  start: "🛫",
  created: "➕",
  done: "✅",
  cancelled: "❌",
};

/** Tasks' Dataview field name of each date. */
export const DATAVIEW_FIELD: Record<TaskDateName, string> = {
  due: "due",
  scheduled: "scheduled",
  start: "start",
  created: "created",
  done: "completion",
  cancelled: "cancelled",
};

const NAMES = Object.keys(TASK_EMOJI) as TaskDateName[];
// Tasks also reads the emoji with a variation selector (U+FE0F) after it.
const emojiToken = (name: TaskDateName) => new RegExp(`(^|\\s)${TASK_EMOJI[name]}\\uFE0F?\\s*(\\d{4}-\\d{2}-\\d{2})(?=\\s|$)`, "u");
// Dataview's bracketed `[key:: value]` and parenthesised `(key:: value)` inline fields.
const fieldToken = (name: TaskDateName) => new RegExp(`(\\s?)[[(]${DATAVIEW_FIELD[name]}::\\s*(\\d{4}-\\d{2}-\\d{2})\\s*[\\])]`, "iu");

/** The first line of a task (dates only count there, as in Tasks). */
function firstLine(line: string): string {
  const end = line.search(/\r?\n/);
  return end === -1 ? line : line.slice(0, end);
}

/** The dates written on a task line, in either format; an impossible date (2026-02-30) is ignored. */
export function readTaskDates(line: string): TaskDates {
  const text = firstLine(line);
  const dates: TaskDates = {};
  for (const name of NAMES) {
    const value = emojiToken(name).exec(text)?.[2] ?? fieldToken(name).exec(text)?.[2];
    if (value !== undefined && isIsoDate(value)) dates[name] = value;
  }
  return dates;
}

/** A task's text without its date tokens, for display. */
export function withoutDateTokens(text: string): string {
  let result = text;
  for (const name of NAMES) {
    result = result.replace(new RegExp(emojiToken(name).source, "gu"), "$1").replace(new RegExp(fieldToken(name).source, "giu"), "$1");
  }
  return result.replace(/\s{2,}/g, " ").trim();
}

/** What a user reads as the task: its text without date tokens and without a trailing block id (`^id`). */
export function taskText(text: string): string {
  return withoutDateTokens(text)
    .replace(/\s+\^[A-Za-z0-9-]+$/, "")
    .trim();
}

/** Whether a line writes its dates as Dataview fields rather than Tasks emoji. */
export function usesDataviewDates(line: string): boolean {
  const text = firstLine(line);
  return NAMES.some((name) => fieldToken(name).test(text));
}

// A block id (`^abc-1`) stays the last thing on the line, as Tasks keeps it.
const BLOCK_ID = /(\s+\^[A-Za-z0-9-]+)$/;

/**
 * The first line of a task with date `name` set to `day`: a date already written (either format) is
 * replaced where it stands; a new one goes at the end in the line's format (`📅 day`, or `[due:: day]`
 * on a line that uses Dataview fields), before a trailing block id. Every other byte stays as written.
 */
export function setTaskDate(line: string, name: TaskDateName, day: string): string {
  // Only the date's digits change in a token already there (its emoji, brackets and spacing stay).
  const newDate = (token: string) => token.replace(/\d{4}-\d{2}-\d{2}/, day);
  for (const token of [emojiToken(name), fieldToken(name)]) if (token.test(line)) return line.replace(token, newDate);
  const body = line.replace(/\s+$/, "");
  const trailing = line.slice(body.length);
  const token = usesDataviewDates(body) ? `[${DATAVIEW_FIELD[name]}:: ${day}]` : `${TASK_EMOJI[name]} ${day}`;
  const block = BLOCK_ID.exec(body);
  const head = block ? body.slice(0, block.index) : body;
  return `${head} ${token}${block?.[1] ?? ""}${trailing}`;
}

/** The first line of a task with its done date added, as Tasks writes it when it ticks a task. */
export function addDoneDate(line: string, day: string): string {
  return setTaskDate(line, "done", day);
}

/** The first line of a task without its done date (when it is unticked). */
export function removeDoneDate(line: string): string {
  return line.replace(emojiToken("done"), "").replace(fieldToken("done"), "");
}
