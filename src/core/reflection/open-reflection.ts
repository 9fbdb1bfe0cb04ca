import { parseNote, updateProperties } from "../codec/frontmatter";
import { findSection } from "../codec/sections";
import { linkTo } from "../codec/wikilinks";
import { creationTimes, isoDateTime } from "../dates";
import { InvalidInputError, NoteExistsError, NoteParseError } from "../errors";
import { newId } from "../ids";
import type { Day } from "../review/days";
import type { LifeBetterSettings } from "../settings";
import { isMarkdown, noteName } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";
import { planAnswerSync, type AnswerLists, type AnswerSyncPlan } from "./answers";
import type { DateFormatter } from "./date-format";
import { findReflection } from "./find-reflection";
import { locateReflection, periodicTitle, type ReflectionLocation } from "./location";
import type { PeriodicConfigs } from "./periodic-config";
import { localDate, periodRange, type ReflectionPeriod } from "./periods";
import { reservedPropertyReason } from "./prompts";
import { fillTemplate, promptSections } from "./template";

/** What creating or updating a reflection needs from its surroundings (plugin or CLI). */
export interface ReflectionEnv {
  repo: NoteRepository;
  settings: LifeBetterSettings;
  configs: PeriodicConfigs;
  format: DateFormatter;
  now: Date;
}

export interface OpenedReflection {
  path: string;
  location: ReflectionLocation;
  /** True when this call created the note. */
  created: boolean;
  /** True when an existing note became a reflection (properties and prompt sections added). */
  converted: boolean;
  /** The periodic note a link to the reflection's own note was added to. */
  linkedFrom?: string;
  sync: AnswerSyncPlan;
}

/** The properties every reflection starts with (SCHEMA.md: Reflection). */
export function reflectionProperties(env: ReflectionEnv, location: ReflectionLocation): Record<string, unknown> {
  const { range } = location;
  const properties: Record<string, unknown> = { id: newId(), kind: "reflection", period: range.period, date: range.start };
  if (range.period !== "daily") {
    properties.period_start = range.start;
    properties.period_end = range.end;
  }
  Object.assign(properties, creationTimes(env.now));
  for (const prompt of env.settings.reflectionPrompts) if (reservedPropertyReason(prompt.property) === null) properties[prompt.property] = [];
  return properties;
}

/** A template note's text: the path as stored by Obsidian often leaves out ".md". */
async function readTemplate(repo: NoteRepository, path: string): Promise<string> {
  const candidates = isMarkdown(path) ? [path] : [`${path}.md`, path];
  for (const candidate of candidates) {
    if (await repo.exists(candidate)) return repo.read(candidate);
  }
  throw new InvalidInputError(`The template "${path}" does not exist; choose another in settings or clear it.`);
}

function templateValues(env: ReflectionEnv, location: ReflectionLocation) {
  return { date: localDate(location.range.start), now: env.now, title: periodicTitle(location), dateFormat: location.config.format };
}

/** The reflection's own content: the user's template (placeholders filled) or the prompt headings. */
async function reflectionContent(env: ReflectionEnv, location: ReflectionLocation): Promise<string> {
  if (env.settings.reflectionTemplate === "") return promptSections(env.settings.reflectionPrompts);
  const template = await readTemplate(env.repo, env.settings.reflectionTemplate);
  return fillTemplate(template, templateValues(env, location), env.format);
}

/** Adds properties to a note's text, keeping every key it has (a template's or the user's). */
function withProperties(text: string, properties: Record<string, unknown>, path: string): string {
  const result = updateProperties(text, (current) => {
    for (const [key, value] of Object.entries(properties)) if (!(key in current)) current[key] = value;
  });
  if ("problem" in result) throw new NoteParseError(path, `"${path}" was not changed: ${result.problem}`);
  return result.text;
}

/** The sections to add to a note that is not yet a reflection: those of the prompts it lacks. */
async function sectionsToAdd(env: ReflectionEnv, location: ReflectionLocation, body: string): Promise<string> {
  const prompts = env.settings.reflectionPrompts;
  const present = prompts.filter((prompt) => findSection(body, prompt.heading) !== undefined);
  if (present.length === 0) {
    const content = await reflectionContent(env, location);
    const parsed = parseNote(content);
    return parsed.ok ? parsed.parts.body : content;
  }
  return promptSections(prompts.filter((prompt) => !present.includes(prompt)));
}

function appendText(body: string, addition: string): string {
  if (addition.trim() === "") return body;
  const eol = body.includes("\r\n") ? "\r\n" : "\n";
  const text = addition.replace(/\r?\n/g, eol);
  if (body.trim() === "") return text;
  const separator = body.endsWith(eol + eol) ? "" : body.endsWith(eol) ? eol : eol + eol;
  return body + separator + text;
}

/** A new note for the location: in the periodic note (from its template) or on its own. */
async function newNoteText(env: ReflectionEnv, location: ReflectionLocation): Promise<string> {
  const properties = reflectionProperties(env, location);
  if (!location.inPeriodicNote) {
    const content = await reflectionContent(env, location);
    if (!parseNote(content).ok) throw new InvalidInputError(`The template "${env.settings.reflectionTemplate}" has properties LifeBetter cannot read; fix them, then try again.`);
    return withProperties(content, properties, location.path);
  }
  const template = location.config.template === "" ? "" : fillTemplate(await readTemplate(env.repo, location.config.template), templateValues(env, location), env.format);
  const base = withProperties(template, properties, location.path);
  const parsed = parseNote(base);
  const body = parsed.ok ? parsed.parts.body : "";
  return base.slice(0, base.length - body.length) + appendText(body, await sectionsToAdd(env, location, body));
}

/** Makes an existing note a reflection: its keys are kept, missing prompt sections appended. */
async function convert(env: ReflectionEnv, location: ReflectionLocation, kind: unknown): Promise<boolean> {
  if (kind === "reflection") return false;
  if (kind !== undefined && kind !== null && typeof kind !== "string") {
    // Such as `kind: []`, written by a reflection prompt named Kind before settings refused it.
    throw new InvalidInputError(
      `"${location.path}" has kind: ${JSON.stringify(kind)}, which is not a record kind, so it was not changed. Set its kind property back to reflection (lifebetter check lists such notes), then try again.`,
    );
  }
  if (kind !== undefined && kind !== null && kind !== "") {
    throw new InvalidInputError(`"${location.path}" is already a LifeBetter ${typeof kind === "string" ? kind : "record"} note, so the reflection was not written into it.`);
  }
  const properties = reflectionProperties(env, location);
  await env.repo.updateProperties(location.path, (current) => {
    for (const [key, value] of Object.entries(properties)) if (!(key in current)) current[key] = value;
    current.updated = properties.updated; // written by the plugin now, whatever it said before
  });
  const text = await env.repo.read(location.path);
  const parsed = parseNote(text);
  const addition = parsed.ok ? await sectionsToAdd(env, location, parsed.parts.body) : "";
  await env.repo.updateBody(location.path, (body) => appendText(body, addition));
  return true;
}

/**
 * Brings answers and list properties in step on disk: the body edit first, then the properties (with
 * `updated`), each only when something changes. `base` is what both held after the last sync, when
 * the caller knows it (the plugin does; the CLI does not and so never drops an answer).
 */
export async function syncAnswers(repo: NoteRepository, path: string, settings: LifeBetterSettings, now: Date, base?: AnswerLists): Promise<AnswerSyncPlan> {
  const text = await repo.read(path);
  const parsed = parseNote(text);
  if (!parsed.ok) throw new NoteParseError(path, `"${path}" was not changed: ${parsed.problem}`);
  const plan = planAnswerSync(parsed.parts.body, parsed.properties, settings.reflectionPrompts, base);
  if (plan.body !== parsed.parts.body) {
    // Planned again on the body as it is when written, in case it changed since it was read.
    await repo.updateBody(path, (body) => planAnswerSync(body, parsed.properties, settings.reflectionPrompts, base).body);
  }
  if (Object.keys(plan.properties).length > 0) {
    await repo.updateProperties(path, (properties) => {
      Object.assign(properties, plan.properties);
      properties.updated = isoDateTime(now);
    });
  }
  return plan;
}

/** In its own note, the reflection is linked from the periodic note when that note exists. */
async function linkFromPeriodicNote(repo: NoteRepository, location: ReflectionLocation, path: string): Promise<string | undefined> {
  if (path === location.periodicPath || !(await repo.exists(location.periodicPath))) return undefined;
  const name = noteName(path);
  const text = await repo.read(location.periodicPath);
  if (text.includes(`[[${name}]]`) || text.includes(`[[${name}|`)) return undefined;
  const changed = await repo.updateBody(location.periodicPath, (body) => appendText(body, `Reflection: ${linkTo(name)}\n`));
  return changed ? location.periodicPath : undefined;
}

/** The kind of the note at `path`, or undefined when there is none; throws for a note it cannot parse. */
async function kindAt(repo: NoteRepository, path: string): Promise<{ kind: unknown } | undefined> {
  if (!(await repo.exists(path))) return undefined;
  const parsed = parseNote(await repo.read(path));
  if (!parsed.ok) throw new NoteParseError(path, `"${path}" was not changed: ${parsed.problem}`);
  return { kind: parsed.properties.kind };
}

/**
 * "Open today's reflection" and `lifebetter reflect`: creates the period's reflection where the user's
 * daily (weekly, monthly) notes live, or updates it, then brings answers and properties in step. A
 * reflection for the period that already exists elsewhere is the one updated: never a second one.
 */
export async function openReflection(
  env: ReflectionEnv,
  period: ReflectionPeriod,
  day: Day,
  /** What the note held after its last sync, by path, when the caller remembers it (the plugin). */
  baseOf?: (path: string) => AnswerLists | undefined,
): Promise<OpenedReflection> {
  const location = locateReflection(periodRange(period, day), env.configs, env.settings.reflectionInPeriodicNote, env.format);
  let path = location.path;
  let created = false;
  let converted = false;
  let existing = await kindAt(env.repo, path);
  if (existing?.kind !== "reflection") {
    const elsewhere = await findReflection(env.repo, env.settings, location.range);
    if (elsewhere !== null) {
      path = elsewhere;
      existing = { kind: "reflection" };
    }
  }
  if (!existing) {
    try {
      await env.repo.create(path, await newNoteText(env, location));
      created = true;
    } catch (error) {
      if (!(error instanceof NoteExistsError)) throw error; // created meanwhile: update it below
      existing = await kindAt(env.repo, path);
    }
  }
  if (!created) converted = await convert(env, location, existing?.kind);
  const sync = await syncAnswers(env.repo, path, env.settings, env.now, baseOf?.(path));
  const linkedFrom = await linkFromPeriodicNote(env.repo, location, path);
  return { path, location, created, converted, linkedFrom, sync };
}
