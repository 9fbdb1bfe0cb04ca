import { parseNote, updateProperties, type NoteEdit } from "../codec/frontmatter";
import { findSection } from "../codec/sections";
import { linkTo } from "../codec/wikilinks";
import { creationTimes, isoDateTime } from "../dates/timestamps";
import { InvalidInputError, NoteExistsError, NoteParseError, UnusableFileError } from "../errors";
import { newId } from "../ids";
import type { Day } from "../dates/days";
import type { LifeBetterSettings } from "../settings";
import { isMarkdown, noteName } from "../vault/paths";
import { loadRecords, type VaultRecords } from "../vault/records";
import type { NoteRepository } from "../vault/repository";
import { planAnswerSync, type AnswerLists, type AnswerSyncPlan } from "./answers";
import type { DateFormatter } from "../dates/date-format";
import { findReflection } from "./find-reflection";
import { locateReflection, periodicTitle, type ReflectionLocation } from "./location";
import type { PeriodicConfigs } from "./periodic-config";
import { localDate, periodRange, type ReflectionPeriod } from "./periods";
import { reservedPropertyReason } from "./prompts";
import { applyLinks, reflectionLinks, type ReflectionLinks } from "./reflection-links";
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

/** The properties every reflection starts with (docs/data-model.md: Reflection). */
export function reflectionProperties(env: ReflectionEnv, location: ReflectionLocation): Record<string, unknown> {
  const { range } = location;
  const properties: Record<string, unknown> = { id: newId(), kind: "reflection", period: range.period, date: range.start };
  if (range.period !== "daily") {
    properties.period_start = range.start;
    properties.period_end = range.end;
  }
  Object.assign(properties, creationTimes(env.now), answerProperties(env.settings));
  return properties;
}

/** An empty list per prompt whose property may hold answers. */
export function answerProperties(settings: LifeBetterSettings): Record<string, string[]> {
  const properties: Record<string, string[]> = {};
  for (const prompt of settings.reflectionPrompts) if (reservedPropertyReason(prompt.property) === null) properties[prompt.property] = [];
  return properties;
}

/** A template note's text: the path as stored by Obsidian often leaves out ".md". */
export async function readTemplate(repo: NoteRepository, path: string): Promise<string> {
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
export function withProperties(text: string, properties: Record<string, unknown>, path: string): string {
  const result = updateProperties(text, (current) => {
    for (const [key, value] of Object.entries(properties)) if (!(key in current)) current[key] = value;
  });
  if ("problem" in result) throw new NoteParseError(path, `"${path}" was not changed: ${result.problem}`);
  return result.text;
}

/** The sections to add to a note that is not yet a reflection: those of the prompts it lacks. */
function sectionsToAdd(env: ReflectionEnv, body: string, fullContent: string | undefined): string {
  const prompts = env.settings.reflectionPrompts;
  const present = prompts.filter((prompt) => findSection(body, prompt.heading) !== undefined);
  if (present.length === 0 && fullContent !== undefined) {
    const parsed = parseNote(fullContent);
    return parsed.ok ? parsed.parts.body : fullContent;
  }
  return promptSections(prompts.filter((prompt) => !present.includes(prompt)));
}

/** Whether a note has none of the prompts' sections, so it gets the whole template (or all prompt headings). */
function hasNoPromptSection(env: ReflectionEnv, body: string): boolean {
  return env.settings.reflectionPrompts.every((prompt) => findSection(body, prompt.heading) === undefined);
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
    if (!parseNote(content).ok)
      throw new UnusableFileError(`The template "${env.settings.reflectionTemplate}" has properties LifeBetter cannot read; fix them, then try again.`);
    return withProperties(content, properties, location.path);
  }
  const template =
    location.config.template === "" ? "" : fillTemplate(await readTemplate(env.repo, location.config.template), templateValues(env, location), env.format);
  const base = withProperties(template, properties, location.path);
  const parsed = parseNote(base);
  const body = parsed.ok ? parsed.parts.body : "";
  const fullContent = hasNoPromptSection(env, body) ? await reflectionContent(env, location) : undefined;
  return base.slice(0, base.length - body.length) + appendText(body, sectionsToAdd(env, body, fullContent));
}

function refuseOtherKind(location: ReflectionLocation, kind: unknown): void {
  if (kind !== undefined && kind !== null && typeof kind !== "string") {
    // Such as `kind: []`, written by a reflection prompt named Kind before settings refused it.
    throw new UnusableFileError(
      `"${location.path}" has kind: ${JSON.stringify(kind)}, which is not a record kind, so it was not changed. Set its kind property back to reflection (lifebetter check lists such notes), then try again.`,
    );
  }
  if (kind !== undefined && kind !== null && kind !== "" && kind !== "reflection") {
    throw new UnusableFileError(
      `"${location.path}" is already a LifeBetter ${typeof kind === "string" ? kind : "record"} note, so the reflection was not written into it.`,
    );
  }
}

/** The links a reflection should hold, computed before its edit (which may run more than once). */
interface PreparedLinks {
  links: ReflectionLinks;
  vault: VaultRecords;
}

/** The problems and meta-skills of the reflection's period, from the records as they are now. */
async function prepareLinks(repo: NoteRepository, settings: LifeBetterSettings, properties: Record<string, unknown>): Promise<PreparedLinks> {
  const vault = await loadRecords(repo, settings, ["problem", "entry", "meta-skill"]);
  return { links: reflectionLinks(properties, vault), vault };
}

/**
 * Brings answers and list properties in step, and the period's links, within one edit; `updated` is
 * set when a property changes. The returned plan's `properties` include the links written.
 */
function applyAnswerSync(
  note: NoteEdit,
  path: string,
  settings: LifeBetterSettings,
  now: Date,
  base: AnswerLists | undefined,
  links: PreparedLinks | undefined,
): AnswerSyncPlan {
  const plan = planAnswerSync(note.body, note.properties, settings.reflectionPrompts, base);
  note.body = plan.body;
  const written: Record<string, string[]> = { ...plan.properties };
  Object.assign(note.properties, plan.properties);
  if (links) for (const name of applyLinks(note.properties, links.links, links.vault, path)) written[name] = links.links[name] ?? [];
  if (Object.keys(written).length > 0) note.properties.updated = isoDateTime(now);
  return { ...plan, properties: written };
}

/**
 * Makes an existing note a reflection when it is not one yet (its keys kept, missing prompt sections
 * appended), then brings answers and list properties in step: one write, on the note as it is then.
 */
async function convertAndSync(
  env: ReflectionEnv,
  location: ReflectionLocation,
  path: string,
  base?: AnswerLists,
): Promise<{ converted: boolean; sync: AnswerSyncPlan }> {
  const parsed = parseNote(await env.repo.read(path));
  if (!parsed.ok) throw new NoteParseError(path, `"${path}" was not changed: ${parsed.problem}`);
  refuseOtherKind(location, parsed.properties.kind);
  // The template is read before the edit (an edit cannot wait on a read); needed only for a note without prompt sections.
  const fullContent =
    parsed.properties.kind !== "reflection" && hasNoPromptSection(env, parsed.parts.body) ? await reflectionContent(env, location) : undefined;
  const properties = reflectionProperties(env, location);
  const links = await prepareLinks(env.repo, env.settings, { ...properties, ...parsed.properties, kind: "reflection" });
  let converted = false;
  let sync: AnswerSyncPlan | undefined;
  await env.repo.updateNote(path, (note) => {
    converted = note.properties.kind !== "reflection";
    if (converted) {
      refuseOtherKind(location, note.properties.kind);
      for (const [key, value] of Object.entries(properties)) if (!(key in note.properties)) note.properties[key] = structuredClone(value);
      note.body = appendText(note.body, sectionsToAdd(env, note.body, fullContent));
    }
    sync = applyAnswerSync(note, path, env.settings, env.now, base, links);
  });
  if (!sync) throw new Error(`"${path}" was not changed.`);
  return { converted, sync };
}

/**
 * Brings answers and list properties in step on disk, with `problems` and `meta_skills_discovered`
 * (see reflectionLinks), in one write of body and properties (with `updated`) when something changes. `base` is what both held after the last sync, when the caller
 * knows it (the plugin does; the CLI does not and so never drops an answer).
 */
export async function syncAnswers(repo: NoteRepository, path: string, settings: LifeBetterSettings, now: Date, base?: AnswerLists): Promise<AnswerSyncPlan> {
  // A note that cannot be parsed gets no links: the edit below refuses it and says why.
  const parsed = parseNote(await repo.read(path));
  const links = parsed.ok && parsed.properties.kind === "reflection" ? await prepareLinks(repo, settings, parsed.properties) : undefined;
  let plan: AnswerSyncPlan | undefined;
  await repo.updateNote(path, (note) => {
    plan = applyAnswerSync(note, path, settings, now, base, links);
  });
  if (!plan) throw new Error(`"${path}" was not changed.`);
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

/** Whether the note at `path` is a reflection; throws for a note it cannot parse (it is never rewritten). */
async function isReflection(repo: NoteRepository, path: string): Promise<boolean> {
  if (!(await repo.exists(path))) return false;
  const parsed = parseNote(await repo.read(path));
  if (!parsed.ok) throw new NoteParseError(path, `"${path}" was not changed: ${parsed.problem}`);
  return parsed.properties.kind === "reflection";
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
  if (!(await isReflection(env.repo, path))) {
    // A reflection for the period may already exist in another folder: update that one, never make a second.
    const elsewhere = await findReflection(env.repo, env.settings, location.range);
    if (elsewhere !== null) path = elsewhere;
  }
  if (!(await env.repo.exists(path))) {
    try {
      await env.repo.create(path, await newNoteText(env, location));
      created = true;
    } catch (error) {
      if (!(error instanceof NoteExistsError)) throw error; // created meanwhile: update it below
    }
  }
  const base = baseOf?.(path);
  const { converted, sync } = created
    ? { converted: false, sync: await syncAnswers(env.repo, path, env.settings, env.now, base) }
    : await convertAndSync(env, location, path, base);
  const linkedFrom = await linkFromPeriodicNote(env.repo, location, path);
  return { path, location, created, converted, linkedFrom, sync };
}
