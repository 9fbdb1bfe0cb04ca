import { momentFormat } from "../../adapters/node/moment-format";
import { parseNote } from "../../core/codec/frontmatter";
import { listProperty } from "../../core/schema/property-readers";
import { reflectionModel, type ReflectionModel } from "../../core/reflection/reflection-model";
import { loadRecords } from "../../core/vault/records";
import { openReflection, type OpenedReflection } from "../../core/reflection/open-reflection";
import { readPeriodicConfigs } from "../../core/reflection/periodic-config";
import { isOpenablePeriod, OPENABLE_PERIODS } from "../../core/reflection/periods";
import { describeSync } from "../../core/reflection/sync-report";
import { openSubjectReflection, type ReflectionSubject } from "../../core/reflection/subject-reflection";
import type { AnswerSyncPlan } from "../../core/reflection/answers";
import { findProblem } from "../../core/problems/find-problem";
import { dayOf } from "../../core/dates/days";
import { CliError } from "../cli-error";
import { defineCommand, type Output } from "../command-kit";
import { dayOption } from "../option-values";
import { vaultFileReader, type VaultContext } from "../vault-context";

export const reflectUsage = `lifebetter reflect --vault DIR --period daily|weekly|monthly [--date YYYY-MM-DD] [--json]
lifebetter reflect --vault DIR --period problem --problem NAME|PATH|ID [--json]
lifebetter reflect --vault DIR --period adhoc [--json]
  Creates the period's reflection where the vault's daily (weekly, monthly) notes live, as the
  plugin does, or updates it: answers under the prompt headings and their list properties are
  brought in step (nothing is dropped), and problems / meta_skills_discovered list the problems
  worked on and the meta-skills discovered in the period. --date defaults to today (local time).
  problem: "Reflection on NAME YYYY-MM-DD" in the reflections folder (today's is updated if it
  exists); adhoc: a new "Reflection YYYY-MM-DD HH.mm".`;

const PERIODS = [...OPENABLE_PERIODS, "problem", "adhoc"] as const;

function promptsJson(sync: AnswerSyncPlan): unknown[] {
  return sync.prompts.map((outcome) => ({
    heading: outcome.prompt.heading,
    property: outcome.prompt.property,
    state: outcome.state,
    added_to_body: outcome.addedToBody,
    removed_from_body: outcome.removedFromBody,
    kept: outcome.kept,
  }));
}

function jsonResult(opened: OpenedReflection, model: ReflectionModel, properties: Record<string, unknown>): unknown {
  const { range } = opened.location;
  return {
    path: opened.path,
    created: opened.created,
    converted: opened.converted,
    period: range.period,
    date: range.day,
    period_start: range.start,
    period_end: range.end,
    periodic_note: opened.location.periodicPath,
    linked_from: opened.linkedFrom ?? null,
    prompts: promptsJson(opened.sync),
    problems: listProperty(properties, "problems"),
    meta_skills_discovered: listProperty(properties, "meta_skills_discovered"),
    values: model.values,
    habits: model.habits,
    context: model.context,
    digest: model.digest ?? null,
  };
}

function minutes(total: number): string {
  const hours = Math.floor(total / 60);
  return hours > 0 ? `${hours} h ${total % 60} min` : `${total} min`;
}

/** The problems and meta-skills the reflection links, as lines. */
function describeLinks(properties: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const problems = listProperty(properties, "problems");
  const skills = listProperty(properties, "meta_skills_discovered");
  if (problems.length > 0) lines.push(`problems: ${problems.join(", ")}`);
  if (skills.length > 0) lines.push(`meta_skills_discovered: ${skills.join(", ")}`);
  return lines;
}

/** The context and digest as short lines for the terminal. */
function describeModel(model: ReflectionModel): string[] {
  const { context, digest } = model;
  const lines: string[] = [];
  if (context.entriesByType.length > 0) lines.push(`Entries: ${context.entriesByType.map((group) => `${group.entries.length} ${group.type}`).join(", ")}`);
  for (const problem of context.problems) lines.push(`Worked on ${problem.title}: ${minutes(problem.minutes)}`);
  if (context.skillsReviewed.length > 0) lines.push(`Skills reviewed: ${context.skillsReviewed.map((skill) => skill.title).join(", ")}`);
  if (context.openBlockers.length > 0) lines.push(`Open blockers: ${context.openBlockers.map((blocker) => blocker.title).join(", ")}`);
  if (context.decisionsDue.length > 0) lines.push(`Decisions to review: ${context.decisionsDue.map((decision) => decision.title).join(", ")}`);
  if (digest) {
    lines.push(`Daily reflections: ${digest.reflected} of ${digest.days} days`);
    for (const [name, trend] of [
      ["Mood", digest.mood],
      ["Energy", digest.energy],
      ["Sleep", digest.sleep],
    ] as const) {
      if (trend.average !== null) lines.push(`${name}: average ${trend.average.toFixed(1)}${trend.direction ? `, ${trend.direction}` : ""}`);
    }
    if (digest.wins.length > 0) lines.push(`Wins: ${digest.wins.map((win) => win.text).join("; ")}`);
  }
  for (const habit of digest?.habits ?? []) lines.push(`${habit.name}: ${habit.done} of ${habit.target} days, streak ${habit.streak}`);
  for (const habit of model.habits) lines.push(`${habit.name}: ${habit.done ? "done" : "not yet"}, streak ${habit.streak}`);
  return lines;
}

/** `--period problem|adhoc`: a reflection of its own, dated now. */
async function subjectReflection(period: "problem" | "adhoc", values: { date?: string; problem?: string }, vault: VaultContext): Promise<Output> {
  if (values.date !== undefined) throw new CliError(`--date is for daily, weekly and monthly reflections; a ${period} reflection is dated today.`);
  if (period === "problem" && (values.problem ?? "").trim() === "") throw new CliError("Missing --problem: the problem's note name, [[link]], path or id.");
  if (period === "adhoc" && values.problem !== undefined) throw new CliError("--problem goes with --period problem.");
  const configs = await readPeriodicConfigs(vaultFileReader(vault.root), vault.configDir, vault.settings);
  const env = { repo: vault.repo, settings: vault.settings, configs, format: momentFormat, now: new Date() };
  let subject: ReflectionSubject = { period: "adhoc" };
  if (period === "problem") {
    // A problem that is not there, or a name that fits several, is a usage error: nothing is written.
    const records = await loadRecords(vault.repo, vault.settings);
    subject = { period, problem: findProblem(records, values.problem ?? ""), vault: records };
  }
  const opened = await openSubjectReflection(env, subject);
  const parsed = parseNote(await vault.repo.read(opened.path));
  const properties = parsed.ok ? parsed.properties : {};
  return {
    json: {
      path: opened.path,
      created: opened.created,
      period: opened.period,
      date: opened.date,
      period_start: properties.period_start ?? null,
      period_end: properties.period_end ?? null,
      problems: listProperty(properties, "problems"),
      meta_skills_discovered: listProperty(properties, "meta_skills_discovered"),
      prompts: promptsJson(opened.sync),
    },
    text: [
      `${opened.created ? "Created" : "Updated"} ${opened.path} (${period} reflection, ${opened.date})`,
      ...describeSync(opened.sync),
      ...describeLinks(properties),
    ],
  };
}

export const reflectCommand = defineCommand({
  usage: reflectUsage,
  options: { period: { type: "string" }, date: { type: "string" }, problem: { type: "string" } },
  run: async ({ values }, vault) => {
    const period = values.period ?? "daily";
    if (period === "problem" || period === "adhoc") return subjectReflection(period, values, vault);
    if (!isOpenablePeriod(period)) throw new CliError(`--period must be one of ${PERIODS.join(", ")}, not "${period}".`);
    if (values.problem !== undefined) throw new CliError("--problem goes with --period problem.");
    const day = dayOption("date", values.date) ?? dayOf(new Date());
    const configs = await readPeriodicConfigs(vaultFileReader(vault.root), vault.configDir, vault.settings);
    const opened = await openReflection({ repo: vault.repo, settings: vault.settings, configs, format: momentFormat, now: new Date() }, period, day);
    const { records } = await loadRecords(vault.repo, vault.settings);
    const parsed = parseNote(await vault.repo.read(opened.path));
    const note = parsed.ok ? { path: opened.path, properties: parsed.properties, body: parsed.parts.body } : { path: opened.path, properties: {}, body: "" };
    const model = reflectionModel(note, opened.location.range, records, vault.settings);
    const verb = opened.created ? "Created" : opened.converted ? "Added the reflection to" : "Updated";
    const lines = [`${verb} ${opened.path} (${period}, ${opened.location.range.start} to ${opened.location.range.end})`];
    if (opened.linkedFrom) lines.push(`Linked from ${opened.linkedFrom}`);
    lines.push(...describeSync(opened.sync), ...describeLinks(note.properties), ...describeModel(model));
    return { json: jsonResult(opened, model, note.properties), text: lines };
  },
});
