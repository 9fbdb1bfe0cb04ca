/** The capture modal while typing: three similar past notes under the text. */
import { loadSettings } from "../../src/core/settings";
import { CaptureModal } from "../../src/ui/capture/capture-modal";
import { showModal } from "./host/frame";
import { memoryHost } from "./memory-screens";

export async function render(root: HTMLElement): Promise<void> {
  const host = await memoryHost();
  const settings = loadSettings({ lastEntryType: "question" });
  const modal = new CaptureModal({ app: host.app, repo: host.repo, settings: () => settings, captured: () => Promise.resolve(), index: host.index });
  await showModal(root, modal);
  const text = "The integration tests failed again on CI, only the first run after a cache warm-up";
  const textEl = modal.contentEl.querySelector<HTMLTextAreaElement>("textarea");
  if (textEl) textEl.value = text;
  await modal.similar?.update(text);
}
