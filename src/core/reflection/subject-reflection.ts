import { format as formatDate } from "date-fns";
import { parseNote } from "../codec/frontmatter";
import { linkTo } from "../codec/wikilinks";
import { creationTimes } from "../dates/timestamps";
import { NoteExistsError, NoteParseError, UnusableFileError } from "../errors";
import { newId } from "../ids";
import { asDay, dayOf, type Day } from "../dates/days";
import { joinVaultPath, noteName } from "../vault/paths";
import type { VaultRecord, VaultRecords } from "../vault/records";
import type { AnswerLists, AnswerSyncPlan } from "./answers";
import { answerProperties, readTemplate, syncAnswers, withProperties, type ReflectionEnv } from "./open-reflection";
import { localDate } from "./periods";
import { fillTemplate, promptSections } from "./template";

/** A reflection that is not tied to a calendar period: on one problem, or whenever the user wants one. */
export type ReflectionSubject = { period: "problem"; problem: VaultRecord; vault: VaultRecords } | { period: "adhoc" };

export interface OpenedSubjectReflection {
  path: string;
  period: ReflectionSubject["period"];
  date: Day;
  /** True when this call created the note; false when the day's reflection on the problem was updated. */
  created: boolean;
  sync: AnswerSyncPlan;
}

/** `Reflection on Ship v2 2026-11-24`, or `Reflection 2026-11-24 21.05` (no colon: not allowed in file names). */
export function subjectReflectionName(subject: ReflectionSubject, now: Date): string {
  return subject.period === "problem" ? `Reflection on ${subject.problem.name} ${dayOf(now)}` : `Reflection ${formatDate(now, "yyyy-MM-dd HH.mm")}`;
}

function subjectProperties(env: ReflectionEnv, subject: ReflectionSubject): Record<string, unknown> {
  const day = dayOf(env.now);
  const properties: Record<string, unknown> = { id: newId(), kind: "reflection", period: subject.period, date: day };
  if (subject.period === "problem") {
    // The reflection looks back over the problem's life: the skills discovered since it started.
    const started = asDay(subject.problem.properties.started) ?? asDay(subject.problem.properties.created);
    properties.period_start = started !== null && started <= day ? started : day;
    properties.period_end = day;
    properties.problems = [linkTo(subject.vault.resolver.linkText(subject.problem.path))];
  }
  return Object.assign(properties, creationTimes(env.now), answerProperties(env.settings));
}

async function noteText(env: ReflectionEnv, subject: ReflectionSubject, path: string): Promise<string> {
  const { settings } = env;
  let content = promptSections(settings.reflectionPrompts);
  if (settings.reflectionTemplate !== "") {
    const template = await readTemplate(env.repo, settings.reflectionTemplate);
    content = fillTemplate(template, { date: localDate(dayOf(env.now)), now: env.now, title: noteName(path), dateFormat: "YYYY-MM-DD" }, env.format);
    if (!parseNote(content).ok)
      throw new UnusableFileError(`The template "${settings.reflectionTemplate}" has properties LifeBetter cannot read; fix them, then try again.`);
  }
  return withProperties(content, subjectProperties(env, subject), path);
}

/** Whether the note at `path` is the day's reflection on this problem (kept and updated, never doubled). */
async function sameProblemReflection(env: ReflectionEnv, path: string): Promise<boolean> {
  const parsed = parseNote(await env.repo.read(path));
  if (!parsed.ok) throw new NoteParseError(path, `"${path}" was not changed: ${parsed.problem}`);
  if (parsed.properties.kind === "reflection" && parsed.properties.period === "problem") return true;
  throw new UnusableFileError(`"${path}" already exists and is not a reflection on the problem, so it was not changed; rename it, then try again.`);
}

/**
 * "Reflect on this problem", "New reflection", `lifebetter reflect --period problem|adhoc`: a
 * reflection of its own in the reflections folder, with the prompts, its answers and links brought
 * in step as for any reflection. The day's reflection on a problem is updated when it exists; an
 * ad-hoc one is always new (a second in the same minute gets " 2").
 */
export async function openSubjectReflection(
  env: ReflectionEnv,
  subject: ReflectionSubject,
  baseOf?: (path: string) => AnswerLists | undefined,
): Promise<OpenedSubjectReflection> {
  const name = subjectReflectionName(subject, env.now);
  const folder = env.settings.folders.reflection;
  let path = joinVaultPath(folder, `${name}.md`);
  let created = false;
  for (let n = 2; !created; n++) {
    if (await env.repo.exists(path)) {
      if (subject.period === "problem" && (await sameProblemReflection(env, path))) break;
      path = joinVaultPath(folder, `${name} ${n}.md`);
      continue;
    }
    try {
      await env.repo.create(path, await noteText(env, subject, path));
      created = true;
    } catch (error) {
      if (!(error instanceof NoteExistsError)) throw error; // created meanwhile: look again
    }
  }
  const sync = await syncAnswers(env.repo, path, env.settings, env.now, baseOf?.(path));
  return { path, period: subject.period, date: dayOf(env.now), created, sync };
}
