import { isValidTypeName } from "./schema/type-names";
import { embeddingDeviceSetting, type EmbeddingDeviceSetting } from "./embed/embed-device";
import { MODEL_CATALOG } from "./embed/model-catalog";
import { DEFAULT_MODEL_ID } from "./embed/model-source";
import { parseRunningSession, type RunningSession } from "./problems/running-session";
import { DEFAULT_PROMPTS, promptsProblem, reservedPropertyReason, type ReflectionPrompt } from "./reflection/prompts";
import { BUILT_IN_ENTRY_TYPES, type RecordKind } from "./schema/kinds";

/** Days without a session after which an open problem counts as stale, until settings say otherwise. */
export const DEFAULT_STALE_DAYS = 14;

/** A user-defined entry type; `fields` are extra text properties its capture form asks for. */
export interface CustomEntryType {
  name: string;
  fields: string[];
}

export interface LifeBetterSettings {
  folders: Record<RecordKind, string>;
  customEntryTypes: CustomEntryType[];
  /** The user's own work-session activity types, after the built-in ones (coding, reading, …). */
  customActivityTypes: string[];
  /** Folders LifeBetter does not read, check or index. */
  excludedFolders: string[];
  /** Remembered between captures. */
  lastEntryType: string;
  /** Spaced review of meta-skills: SM-2 by default, FSRS (ts-fsrs) when chosen. */
  scheduler: ReviewScheduler;
  /** Skill reviews a day, new ones included (decisions are not limited). */
  reviewsPerDay: number;
  /** Never-reviewed skills that may enter the review queue a day (within reviewsPerDay). */
  newSkillsPerDay: number;
  /** "" = the chosen catalogue model (embeddingModelId), downloaded once into the plugin folder; else a vault folder holding a model. */
  embeddingModel: string;
  /** Which sentence model of MODEL_CATALOG to download and use (English default or a multilingual one). */
  embeddingModelId: string;
  /** Off: the index is full text only (no model is downloaded or loaded). */
  semanticIndex: boolean;
  /** Workers that embed at once on the first index (0 = as many as the device has cores to spare). */
  embeddingWorkers: number;
  /** Where the model runs: WebGPU when the device offers it ("auto"), always WebGPU, or always WASM on the CPU. */
  embeddingDevice: EmbeddingDeviceSetting;
  /** Compute meaning only while the user is idle: typing or clicking pauses it until `idleSeconds` of quiet. */
  embedOnlyWhenIdle: boolean;
  /** Seconds without typing or clicking before paused meaning goes on (with embedOnlyWhenIdle). */
  idleSeconds: number;
  /** Scheduled backups: a dated export of every record (private ones too: it stays in this vault) into this folder. */
  backupFolder: string;
  /** Hours between backups; 0 turns them off. */
  backupIntervalHours: number;
  /** How many backups to keep; older ones go to the trash. */
  backupKeep: number;
  /** When the last backup was written (ms since the epoch), so a restart does not back up again at once. */
  lastBackupAt: number;
  /** How many notes the similar-notes sidebar lists. */
  similarResults: number;
  /** Similar notes: leave out notes the active note already links to (or that link to it). */
  hideLinked: boolean;
  /** Show `private: true` records in the similar-notes, search and capture panels. */
  showPrivate: boolean;
  /** An open problem without a work session for this many days shows as stale on the dashboard. */
  staleDays: number;
  /** The work session that is running, kept in data.json so quitting Obsidian does not lose it. */
  runningSession: RunningSession | null;
  /** Reflection prompts: a heading each, mirrored by a list property. */
  reflectionPrompts: ReflectionPrompt[];
  /** A vault note used as the reflection's template instead of the prompts ("" = none). */
  reflectionTemplate: string;
  /** True: the reflection is written into the daily (weekly, monthly) note; false: its own note beside it. */
  reflectionInPeriodicNote: boolean;
  /** "HH:mm" when to remind, while Obsidian is open; "" = no reminder. */
  reflectionTime: string;
  /** The weekday (0 = Sunday … 6 = Saturday) the weekly reflection is due. */
  weeklyReflectionDay: number;
  /** Habits ticked in the daily reflection; streaks and completion derive from the dailies. */
  habits: Habit[];
  /** Show the LifeBetter home when Obsidian starts. */
  openHomeOnStart: boolean;
}

/** A habit the daily reflection asks about, and how many days a week the user aims for. */
export interface Habit {
  name: string;
  targetPerWeek: number;
}

/** Bounds of the similar-notes count (a sidebar longer than this is a search, not a hint). */
export const SIMILAR_RESULTS_RANGE = { min: 1, max: 50 } as const;

export const REVIEW_SCHEDULERS = ["sm2", "fsrs"] as const;
export type ReviewScheduler = (typeof REVIEW_SCHEDULERS)[number];

export const DEFAULT_SETTINGS: LifeBetterSettings = {
  folders: {
    entry: "LifeBetter/Entries",
    problem: "LifeBetter/Problems",
    "meta-skill": "LifeBetter/Meta-skills",
    reflection: "LifeBetter/Reflections",
    pattern: "LifeBetter/Patterns",
    conversation: "LifeBetter/Conversations",
  },
  customEntryTypes: [],
  customActivityTypes: [],
  excludedFolders: [],
  lastEntryType: "insight",
  scheduler: "sm2",
  reviewsPerDay: 5,
  newSkillsPerDay: 2,
  embeddingModel: "",
  embeddingModelId: DEFAULT_MODEL_ID,
  semanticIndex: true,
  embeddingWorkers: 0,
  embeddingDevice: "auto",
  embedOnlyWhenIdle: false,
  idleSeconds: 10,
  backupFolder: "LifeBetter/Backups",
  backupIntervalHours: 24,
  backupKeep: 7,
  lastBackupAt: 0,
  similarResults: 10,
  hideLinked: false,
  showPrivate: false,
  staleDays: DEFAULT_STALE_DAYS,
  runningSession: null,
  reflectionPrompts: DEFAULT_PROMPTS.map((prompt) => ({ ...prompt })),
  reflectionTemplate: "",
  reflectionInPeriodicNote: false,
  reflectionTime: "21:00",
  weeklyReflectionDay: 0,
  habits: [],
  openHomeOnStart: false,
};

export { isValidTypeName };

/** Every entry type the user can choose: the built-in ones, then their own. */
export function entryTypes(settings: LifeBetterSettings): string[] {
  const custom = settings.customEntryTypes.map((type) => type.name).filter((name) => !(BUILT_IN_ENTRY_TYPES as readonly string[]).includes(name));
  return [...BUILT_IN_ENTRY_TYPES, ...custom];
}

/** A whole number ≥ 0 from saved data, or the default when missing or unusable. */
function dailyLimit(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** A similar-notes count from saved data or the settings field, or the default when unusable. */
export function similarCount(value: unknown): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= SIMILAR_RESULTS_RANGE.min && n <= SIMILAR_RESULTS_RANGE.max ? n : DEFAULT_SETTINGS.similarResults;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A valid "HH:mm" reminder time, or "" (off). */
export function isReminderTime(value: string): boolean {
  return value === "" || TIME.test(value);
}

function prompts(value: unknown, warn: (message: string) => void): ReflectionPrompt[] {
  if (!Array.isArray(value)) return DEFAULT_SETTINGS.reflectionPrompts.map((prompt) => ({ ...prompt }));
  const list = value.flatMap((item: unknown) => {
    if (!item || typeof item !== "object") return [];
    const { heading, property } = item as Record<string, unknown>;
    if (typeof heading !== "string" || typeof property !== "string") return [];
    // Saved before settings refused it, or typed into data.json: ignored, never synced into a schema property.
    const reserved = reservedPropertyReason(property.trim());
    if (reserved !== null) {
      warn(`the reflection prompt "${heading.trim()} = ${property.trim()}" is ignored: ${reserved}`);
      return [];
    }
    return [{ heading: heading.trim(), property: property.trim() }];
  });
  // A list that would mirror two sections into one property is not used: the defaults are.
  const problem = promptsProblem(list);
  if (problem === null) return list;
  warn(`the reflection prompts are ignored (${problem}); the default prompts are used`);
  return DEFAULT_SETTINGS.reflectionPrompts.map((prompt) => ({ ...prompt }));
}

function habits(value: unknown): Habit[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  return value.flatMap((item: unknown) => {
    if (!item || typeof item !== "object") return [];
    const { name, targetPerWeek } = item as Record<string, unknown>;
    if (typeof name !== "string" || name.trim() === "" || seen.has(name.trim())) return [];
    seen.add(name.trim());
    const target = typeof targetPerWeek === "number" && Number.isInteger(targetPerWeek) && targetPerWeek >= 1 && targetPerWeek <= 7 ? targetPerWeek : 7;
    return [{ name: name.trim(), targetPerWeek: target }];
  });
}

/**
 * Settings from saved plugin data (data.json), tolerating missing or wrong-typed fields so an old or
 * hand-edited file never breaks the plugin: anything unusable falls back to the default. `warn` hears
 * about what was ignored that the user would miss (a reflection prompt).
 */
export function loadSettings(raw: unknown, warn: (message: string) => void = () => undefined): LifeBetterSettings {
  const data = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const folders = { ...DEFAULT_SETTINGS.folders };
  const rawFolders = data.folders && typeof data.folders === "object" ? (data.folders as Record<string, unknown>) : {};
  for (const kind of Object.keys(folders) as RecordKind[]) {
    const folder = rawFolders[kind];
    if (typeof folder === "string" && folder.trim() !== "") folders[kind] = folder.trim().replace(/^\/+|\/+$/g, "");
  }
  const customEntryTypes: CustomEntryType[] = Array.isArray(data.customEntryTypes)
    ? data.customEntryTypes.flatMap((item: unknown) => {
        if (!item || typeof item !== "object") return [];
        const { name, fields } = item as Record<string, unknown>;
        return typeof name === "string" && isValidTypeName(name) ? [{ name, fields: stringList(fields) }] : [];
      })
    : [];
  return {
    folders,
    customEntryTypes,
    customActivityTypes: [...new Set(stringList(data.customActivityTypes).filter(isValidTypeName))],
    excludedFolders: stringList(data.excludedFolders),
    lastEntryType: typeof data.lastEntryType === "string" ? data.lastEntryType : DEFAULT_SETTINGS.lastEntryType,
    scheduler: (REVIEW_SCHEDULERS as readonly unknown[]).includes(data.scheduler) ? (data.scheduler as ReviewScheduler) : DEFAULT_SETTINGS.scheduler,
    reviewsPerDay: dailyLimit(data.reviewsPerDay, DEFAULT_SETTINGS.reviewsPerDay),
    newSkillsPerDay: dailyLimit(data.newSkillsPerDay, DEFAULT_SETTINGS.newSkillsPerDay),
    embeddingModel: typeof data.embeddingModel === "string" ? data.embeddingModel.trim().replace(/^\/+|\/+$/g, "") : DEFAULT_SETTINGS.embeddingModel,
    embeddingModelId: MODEL_CATALOG.some((model) => model.id === data.embeddingModelId) ? (data.embeddingModelId as string) : DEFAULT_SETTINGS.embeddingModelId,
    semanticIndex: typeof data.semanticIndex === "boolean" ? data.semanticIndex : DEFAULT_SETTINGS.semanticIndex,
    embeddingWorkers: dailyLimit(data.embeddingWorkers, DEFAULT_SETTINGS.embeddingWorkers),
    embeddingDevice: embeddingDeviceSetting(data.embeddingDevice),
    embedOnlyWhenIdle: data.embedOnlyWhenIdle === true,
    idleSeconds: Math.max(1, dailyLimit(data.idleSeconds, DEFAULT_SETTINGS.idleSeconds)),
    backupFolder:
      typeof data.backupFolder === "string" && data.backupFolder.trim() !== ""
        ? data.backupFolder.trim().replace(/^\/+|\/+$/g, "")
        : DEFAULT_SETTINGS.backupFolder,
    backupIntervalHours: dailyLimit(data.backupIntervalHours, DEFAULT_SETTINGS.backupIntervalHours),
    backupKeep: Math.max(1, dailyLimit(data.backupKeep, DEFAULT_SETTINGS.backupKeep)),
    lastBackupAt: typeof data.lastBackupAt === "number" && Number.isFinite(data.lastBackupAt) ? data.lastBackupAt : 0,
    similarResults: similarCount(data.similarResults),
    hideLinked: typeof data.hideLinked === "boolean" ? data.hideLinked : DEFAULT_SETTINGS.hideLinked,
    showPrivate: typeof data.showPrivate === "boolean" ? data.showPrivate : DEFAULT_SETTINGS.showPrivate,
    staleDays: typeof data.staleDays === "number" && Number.isInteger(data.staleDays) && data.staleDays >= 1 ? data.staleDays : DEFAULT_SETTINGS.staleDays,
    runningSession: parseRunningSession(data.runningSession),
    reflectionPrompts: prompts(data.reflectionPrompts, warn),
    reflectionTemplate: typeof data.reflectionTemplate === "string" ? data.reflectionTemplate.trim().replace(/^\/+/, "") : "",
    reflectionInPeriodicNote: data.reflectionInPeriodicNote === true,
    reflectionTime:
      typeof data.reflectionTime === "string" && isReminderTime(data.reflectionTime.trim()) ? data.reflectionTime.trim() : DEFAULT_SETTINGS.reflectionTime,
    weeklyReflectionDay:
      typeof data.weeklyReflectionDay === "number" &&
      Number.isInteger(data.weeklyReflectionDay) &&
      data.weeklyReflectionDay >= 0 &&
      data.weeklyReflectionDay <= 6
        ? data.weeklyReflectionDay
        : DEFAULT_SETTINGS.weeklyReflectionDay,
    habits: habits(data.habits),
    openHomeOnStart: data.openHomeOnStart === true,
  };
}
