import type { ObsidianProtocolData } from "obsidian";
import { captureEntry, type CaptureInput, type CapturedEntry } from "../../core/capture/capture-entry";
import { InvalidInputError, errorMessage } from "../../core/errors";
import { BUILT_IN_ENTRY_TYPES } from "../../core/schema/kinds";
import type { PluginContext } from "../plugin-context";
import { draftToInput, type CaptureDraft } from "./capture-draft";
import { CaptureModal, type CaptureHost, type CaptureModalOptions } from "./capture-modal";
import { replyDraft } from "./capture-reply";
import { CAPTURE_URI_ACTION, parseCaptureUri } from "./capture-uri";
import { showCapturedNotice } from "./captured-notice";

/** What registration returns: the parts other code and tests reach. */
export interface CaptureFeature {
  open(options?: CaptureModalOptions): CaptureModal;
  /** obsidian://lifebetter-capture?type=insight&text=… : captures at once, or opens the form to fix it. */
  fromUri(params: ObsidianProtocolData): Promise<CapturedEntry | null>;
}

/**
 * "Capture entry", one quick command per built-in type, "Reply to this entry" (no default hotkeys)
 * and the obsidian://lifebetter-capture URI; provides `capture(draft)` to the other features.
 */
export function registerCapture(context: PluginContext): CaptureFeature {
  const { plugin, app } = context;
  const host: CaptureHost = {
    app,
    repo: context.repo,
    settings: context.settings,
    index: context.index,
    captured: async (entry: CapturedEntry, input: CaptureInput) => {
      showCapturedNotice(app, entry, input.type);
      const settings = context.settings();
      if (settings.lastEntryType === input.type) return;
      settings.lastEntryType = input.type;
      try {
        await context.saveSettings();
      } catch (error) {
        console.error("LifeBetter could not remember the last entry type", error);
      }
    },
  };

  const open = (options: CaptureModalOptions = {}): CaptureModal => {
    const modal = new CaptureModal(host, options);
    modal.open();
    return modal;
  };
  const openFromUri = (draft: CaptureDraft, message: string): void => void open({ draft, message, source: "uri" });

  const fromUri = async (params: ObsidianProtocolData): Promise<CapturedEntry | null> => {
    const settings = context.settings();
    const { draft, problems } = parseCaptureUri(params, settings);
    if (problems.length > 0 || !draft.text?.trim()) {
      openFromUri(draft, problems.join(" "));
      return null;
    }
    try {
      const input = draftToInput(draft, settings, "uri");
      const entry = await captureEntry(context.repo, input, settings);
      showCapturedNotice(app, entry, input.type);
      return entry;
    } catch (error) {
      const message = error instanceof InvalidInputError ? error.message : `The entry could not be saved: ${errorMessage(error)}`;
      openFromUri(draft, message);
      return null;
    }
  };

  plugin.addCommand({ id: "capture-entry", name: "Capture entry", callback: () => open() });
  for (const type of BUILT_IN_ENTRY_TYPES) {
    plugin.addCommand({ id: `capture-${type}`, name: `Capture ${type}`, callback: () => open({ draft: { type } }) });
  }
  plugin.addCommand({
    id: "reply-to-entry",
    name: "Reply to this entry",
    checkCallback: (checking) => {
      const draft = replyDraft(app, app.workspace.getActiveFile());
      if (!draft) return false;
      if (!checking) open({ draft });
      return true;
    },
  });
  plugin.registerObsidianProtocolHandler(CAPTURE_URI_ACTION, (params) => void fromUri(params));
  context.provide({ capture: (draft) => void open({ draft }) });
  return { open, fromUri };
}
