import { BUILT_IN_ENTRY_TYPES, type RecordKind } from "./schema/kinds";

/** A user-defined entry type; `fields` are extra text properties its capture form asks for. */
export interface CustomEntryType {
  name: string;
  fields: string[];
}

export interface LifeBetterSettings {
  folders: Record<RecordKind, string>;
  customEntryTypes: CustomEntryType[];
  /** Folders LifeBetter does not read, check or index. */
  excludedFolders: string[];
  /** Remembered between captures. */
  lastEntryType: string;
}

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
  excludedFolders: [],
  lastEntryType: "insight",
};

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;

export function isValidTypeName(name: string): boolean {
  return TYPE_NAME.test(name);
}

/** Every entry type the user can choose: the built-in ones, then their own. */
export function entryTypes(settings: LifeBetterSettings): string[] {
  const custom = settings.customEntryTypes.map((type) => type.name).filter((name) => !(BUILT_IN_ENTRY_TYPES as readonly string[]).includes(name));
  return [...BUILT_IN_ENTRY_TYPES, ...custom];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * Settings from saved plugin data (data.json), tolerating missing or wrong-typed fields so an old or
 * hand-edited file never breaks the plugin: anything unusable falls back to the default.
 */
export function loadSettings(raw: unknown): LifeBetterSettings {
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
    excludedFolders: stringList(data.excludedFolders),
    lastEntryType: typeof data.lastEntryType === "string" ? data.lastEntryType : DEFAULT_SETTINGS.lastEntryType,
  };
}
