import { fieldsForType } from "../../core/capture/capture-entry";
import { TYPE_FIELDS } from "../../core/schema/entry-fields";
import { entryTypes, type LifeBetterSettings } from "../../core/settings";
import { errorMessage } from "../../core/errors";
import { SCALE_1_TO_10, typedNumber } from "../../core/schema/values";
import { SCALES, initialType, type CaptureDraft } from "./capture-draft";

/** The URI action: obsidian://lifebetter-capture?type=insight&text=… */
export const CAPTURE_URI_ACTION = "lifebetter-capture";

/** What a capture URI asked for, and what was wrong with it (in words for the user). */
export interface UriCapture {
  draft: CaptureDraft;
  problems: string[];
}

// `action` and `vault` are Obsidian's own parameters, not ours.
const OBSIDIAN_PARAMS = new Set(["action", "vault"]);
const TEXT_PARAMS = {
  text: "text",
  problem: "problem",
  tags: "tags",
  meta_skills: "metaSkills",
  context: "context",
  location: "location",
  feelings: "feelings",
  parent: "parent",
  conversation: "conversation",
} as const;

/**
 * Reads the URI's parameters into a draft. Values the core can judge (a mood of 11, an unknown field
 * value) are kept as given so the core's own message explains them; only what cannot be held at all
 * (an unknown type, a mood that is not a number, an unknown parameter) is reported here.
 */
export function parseCaptureUri(params: Record<string, string | undefined>, settings: LifeBetterSettings): UriCapture {
  const problems: string[] = [];
  const draft: CaptureDraft = {};
  const requestedType = params.type?.trim();
  if (requestedType && !entryTypes(settings).includes(requestedType)) {
    problems.push(`Unknown entry type "${requestedType}"; choose one of: ${entryTypes(settings).join(", ")}.`);
  }
  draft.type = initialType(settings, requestedType);
  const typeFields = new Set(fieldsForType(draft.type, settings).map((field) => field.property));
  const anyTypeField = new Set([
    ...Object.values(TYPE_FIELDS).flatMap((fields) => fields.map((field) => field.property)),
    ...settings.customEntryTypes.flatMap((type) => type.fields),
  ]);

  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined || OBSIDIAN_PARAMS.has(name) || name === "type") continue;
    if (name in TEXT_PARAMS) {
      draft[TEXT_PARAMS[name as keyof typeof TEXT_PARAMS]] = raw;
    } else if ((SCALES as readonly string[]).includes(name)) {
      try {
        draft[name as (typeof SCALES)[number]] = typedNumber(name, raw, SCALE_1_TO_10);
      } catch (error) {
        problems.push(errorMessage(error));
      }
    } else if (typeFields.has(name) || anyTypeField.has(name)) {
      draft.fields = { ...draft.fields, [name]: raw };
      if (!typeFields.has(name)) problems.push(`"${name}" is not a field of ${draft.type} entries.`);
    } else {
      problems.push(`"${name}" is not a capture parameter, so it was not used.`);
    }
  }
  return { draft, problems };
}
