import { fieldsForType, type CaptureInput } from "../../core/capture/capture-entry";
import { entryTypes, type LifeBetterSettings } from "../../core/settings";

/**
 * What the user has typed so far, as typed: lists are still comma-separated text and type fields
 * keep values of every type visited, so switching the type back and forth loses nothing.
 */
export interface CaptureDraft {
  type?: string;
  text?: string;
  problem?: string;
  /** Comma-separated meta-skill names or links. */
  metaSkills?: string;
  /** Comma- or space-separated tags, with or without #. */
  tags?: string;
  mood?: number;
  energy?: number;
  stress?: number;
  context?: string;
  location?: string;
  /** Comma-separated feeling words. */
  feelings?: string;
  /** The entry this one replies to: a note name, `[[link]]` or path. */
  parent?: string;
  conversation?: string;
  fields?: Record<string, string>;
}

export const SCALES = ["mood", "energy", "stress"] as const;
export type Scale = (typeof SCALES)[number];

/** The type the form starts with: the requested one, else the last used one if it still exists. */
export function initialType(settings: LifeBetterSettings, requested?: string): string {
  const types = entryTypes(settings);
  if (requested && types.includes(requested)) return requested;
  return types.includes(settings.lastEntryType) ? settings.lastEntryType : "insight";
}

function splitList(text: string | undefined, separator: RegExp): string[] {
  return (text ?? "")
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Replaces the item being typed (after the last comma) with `value`, keeping the ones before it. */
export function replaceLastItem(text: string, value: string): string {
  const comma = text.lastIndexOf(",");
  return comma < 0 ? value : `${text.slice(0, comma + 1)} ${value}`;
}

/** The item being typed in a comma-separated list. */
export function lastItem(text: string): string {
  return text.slice(text.lastIndexOf(",") + 1).trim();
}

/** The core's capture input for this draft; the core validates it. Only the chosen type's fields go. */
export function draftToInput(draft: CaptureDraft, settings: LifeBetterSettings, source: string): CaptureInput {
  const type = draft.type ?? initialType(settings);
  const allowed = new Set(fieldsForType(type, settings).map((field) => field.property));
  const fields = Object.fromEntries(Object.entries(draft.fields ?? {}).filter(([property, value]) => allowed.has(property) && value.trim() !== ""));
  const input: CaptureInput = {
    type,
    text: draft.text ?? "",
    metaSkills: splitList(draft.metaSkills, /,/),
    tags: splitList(draft.tags, /[,\s]+/),
    fields,
    source,
  };
  if (draft.problem?.trim()) input.problem = draft.problem.trim();
  if (draft.context?.trim()) input.context = draft.context.trim();
  if (draft.location?.trim()) input.location = draft.location.trim();
  const feelings = splitList(draft.feelings, /,/);
  if (feelings.length > 0) input.feelings = feelings;
  if (draft.parent?.trim()) input.parent = draft.parent.trim();
  if (draft.conversation?.trim()) input.conversation = draft.conversation.trim();
  for (const scale of SCALES) {
    const value = draft[scale];
    if (value !== undefined) input[scale] = value;
  }
  return input;
}
