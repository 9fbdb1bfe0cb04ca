import type { Task } from "../codec/sections";
import { tasksIn } from "../codec/sections";
import { CONFIDENT } from "../patterns/confidence";
import { detectPatterns } from "../patterns/engine";
import { patternData } from "../patterns/pattern-data";
import type { PatternProposal } from "../patterns/pattern-types";
import type { ProblemSummary } from "../problems/dashboard";
import { linkedEntries } from "../problems/linked-entries";
import { overdueDays } from "../problems/milestones";
import { elapsedMinutes, type RunningSession } from "../problems/running-session";
import { hasReflectionContent } from "../reflection/reminder";
import { asDay, daysBetween, type Day } from "../dates/days";
import { buildReviewQueue } from "../review/queue";
import { PRIORITIES } from "../schema/kinds";
import type { LifeBetterSettings } from "../settings";
import { noteName } from "../vault/paths";
import type { VaultRecord, VaultRecords } from "../vault/records";
import { previousWeekDay, weekSummary, type WeekSummary } from "./week";

/** How many confident patterns the home shows. */
export const HOME_PATTERNS = 3;

export type ReflectionState = "not_started" | "started" | "done";

export interface NoteRef {
  path: string;
  title: string;
}

export interface HomeMilestone {
  text: string;
  due: Day | null;
  scheduled: Day | null;
  /** Days past due; 0 when not overdue. */
  overdueDays: number;
}

export interface HomeProblem extends NoteRef {
  status: string;
  priority: string | null;
  stale: boolean;
  /** Whole days since the last session (or since it started); null when unknown. */
  daysSinceWorked: number | null;
  nextMilestone: HomeMilestone | null;
  overdueMilestones: HomeMilestone[];
  openBlockers: NoteRef[];
}

/** An open task in an open problem's note. */
export interface NextAction extends HomeMilestone {
  problem: NoteRef;
  /** Under the problem's Milestones heading. */
  milestone: boolean;
}

export interface HomeSession {
  problem: NoteRef;
  start: string;
  minutes: number;
}

export interface HomeDecision extends NoteRef {
  reviewOn: Day | null;
  overdueDays: number;
}

export interface HomePattern {
  key: string;
  name: string;
  patternType: string;
  confidence: number;
  positive: boolean;
  suggestion: string;
  /** The Pattern note already written for it, when rated but not decided. */
  notePath: string | null;
}

/** What the home view and `lifebetter today` show. */
export interface HomeData {
  date: Day;
  /** Skill reviews in today's queue (after the daily limits). */
  reviewsDue: number;
  reflection: { path: string | null; state: ReflectionState };
  session: HomeSession | null;
  decisionsDue: HomeDecision[];
  /** Open problems: the most urgent first, then stale ones, then the longest untouched. */
  problems: HomeProblem[];
  nextActions: NextAction[];
  patterns: HomePattern[];
  week: WeekSummary;
  previousWeek: WeekSummary;
}

export interface HomeInput {
  /** Records of every kind. */
  vault: VaultRecords;
  settings: LifeBetterSettings;
  today: Day;
  /** The moment (stale days, the running session's minutes). */
  now: Date;
  runningSession: RunningSession | null;
  /** Where today's daily reflection is created (from the daily notes settings), when known. */
  reflectionPath?: string;
  /** Awaited between units of work, so a view can yield to the UI. */
  tick?: () => Promise<void>;
}

function milestoneOf(task: Task, today: Day): HomeMilestone {
  return { text: task.text, due: task.dates.due ?? null, scheduled: task.dates.scheduled ?? null, overdueDays: overdueDays(task, today) ?? 0 };
}

function reflectionOf(input: HomeInput): HomeData["reflection"] {
  const notes = input.vault.records.filter(
    (record) => record.kind === "reflection" && record.properties.period === "daily" && asDay(record.properties.date) === input.today,
  );
  // The note where the user keeps reflections wins over a stray copy elsewhere.
  const note = notes.find((record) => record.path === input.reflectionPath) ?? notes[0];
  if (!note) return { path: input.reflectionPath ?? null, state: "not_started" };
  return { path: note.path, state: hasReflectionContent(note.properties, note.body, input.settings) ? "done" : "started" };
}

function sessionOf(input: HomeInput): HomeSession | null {
  const running = input.runningSession;
  if (!running) return null;
  const byId = running.problemId ? input.vault.records.find((record) => record.kind === "problem" && record.properties.id === running.problemId) : undefined;
  const path = byId?.path ?? running.problemPath;
  return { problem: { path, title: noteName(path) }, start: running.start, minutes: elapsedMinutes(running, input.now) };
}

const priorityRank = (priority: string | undefined): number => (PRIORITIES as readonly string[]).indexOf(priority ?? "");

/** Most urgent first, then stale, then the longest untouched, then by name. */
function compareOpen(a: ProblemSummary, b: ProblemSummary): number {
  return (
    priorityRank(b.priority) - priorityRank(a.priority) ||
    Number(b.stale) - Number(a.stale) ||
    (b.daysSinceWorked ?? -1) - (a.daysSinceWorked ?? -1) ||
    a.title.localeCompare(b.title) ||
    a.path.localeCompare(b.path)
  );
}

/** The dashboard's rows, as the pattern engine already summed them up (same moment, same stale days). */
function openProblems(problems: readonly ProblemSummary[]): ProblemSummary[] {
  return problems.filter((problem) => problem.status === "active" || problem.status === "blocked").sort(compareOpen);
}

function homeProblem(input: HomeInput, byPath: ReadonlyMap<string, VaultRecord>, summary: ProblemSummary): HomeProblem {
  const record = byPath.get(summary.path);
  const blockers = record ? linkedEntries(input.vault, record).filter((entry) => entry.open) : [];
  return {
    path: summary.path,
    title: summary.title,
    status: summary.status,
    priority: summary.priority ?? null,
    stale: summary.stale,
    daysSinceWorked: summary.daysSinceWorked ?? null,
    nextMilestone: summary.nextMilestone ? milestoneOf(summary.nextMilestone, input.today) : null,
    overdueMilestones: summary.overdueMilestones.map((task) => milestoneOf(task, input.today)),
    openBlockers: blockers.map((entry) => ({ path: entry.path, title: noteName(entry.path) })),
  };
}

/** Overdue and dated first (earliest due), then undated, each in the problems' order. */
function compareActions(a: NextAction & { order: number }, b: NextAction & { order: number }): number {
  const due = (action: NextAction) => action.due ?? action.scheduled ?? "9999-99-99";
  return due(a).localeCompare(due(b)) || a.order - b.order;
}

function nextActions(input: HomeInput, byPath: ReadonlyMap<string, VaultRecord>, problems: readonly ProblemSummary[]): NextAction[] {
  const actions: (NextAction & { order: number })[] = [];
  problems.forEach((summary, index) => {
    const record = byPath.get(summary.path);
    if (!record) return;
    const milestones = new Set(summary.milestoneTasks.map((task) => task.offset));
    tasksIn(record.body).forEach((task, position) => {
      if (task.checked || task.text === "") return;
      actions.push({
        ...milestoneOf(task, input.today),
        problem: { path: summary.path, title: summary.title },
        milestone: milestones.has(task.offset),
        order: index * 100_000 + position,
      });
    });
  });
  return actions.sort(compareActions).map(({ order: _order, ...action }) => action);
}

function homePattern(proposal: PatternProposal): HomePattern {
  return {
    key: proposal.key,
    name: proposal.name,
    patternType: proposal.pattern_type,
    confidence: proposal.confidence,
    positive: proposal.positive,
    suggestion: proposal.suggestion,
    notePath: proposal.notePath ?? null,
  };
}

/** Everything the home shows for `today`, computed from the records alone. */
export async function homeData(input: HomeInput): Promise<HomeData> {
  const { vault, settings, today } = input;
  const tick = input.tick ?? (() => Promise.resolve());
  const queue = buildReviewQueue(vault.records, settings, today);
  const data = await patternData(vault, input.now, tick, settings.staleDays);
  const report = await detectPatterns(data, tick);
  const open = openProblems(data.problems);
  const byPath = new Map(vault.records.map((record) => [record.path, record]));
  return {
    date: today,
    reviewsDue: queue.items.filter((item) => item.kind === "skill").length,
    reflection: reflectionOf(input),
    session: sessionOf(input),
    decisionsDue: queue.items
      .filter((item) => item.kind === "decision")
      .map((item) => ({
        path: item.path,
        title: item.name,
        reviewOn: item.due,
        overdueDays: item.due === null ? 0 : Math.max(0, daysBetween(item.due, today)),
      })),
    problems: open.map((summary) => homeProblem(input, byPath, summary)),
    nextActions: nextActions(input, byPath, open),
    // Confident proposals the user has neither decided on nor rated.
    patterns: report.proposals
      .filter((proposal) => proposal.confidence >= CONFIDENT && proposal.helpful === undefined)
      .slice(0, HOME_PATTERNS)
      .map(homePattern),
    week: weekSummary(vault.records, data, today),
    previousWeek: weekSummary(vault.records, data, previousWeekDay(today)),
  };
}
