/** The similar-notes sidebar for a problem note: six notes, one linked by a property, one by the index, one picking a link type. */
import { SimilarNotesView } from "../../src/ui/index/similar-notes-view";
import { memoryHost } from "./memory-screens";

export async function render(root: HTMLElement): Promise<void> {
  const host = await memoryHost({ showPrivate: true });
  const leaf = host.app.workspace.getRightLeaf(false);
  if (!leaf) throw new Error("no sidebar leaf");
  const view = new SimilarNotesView(leaf, host);
  // A sidebar pane, as the host page styles one.
  view.containerEl.addClass("workspace-leaf-content");
  view.contentEl.addClass("view-content");
  root.appendChild(view.containerEl);
  view.load();
  await view.onOpen();
  root.querySelector<HTMLButtonElement>('[data-path$="Why does the cache race the runner.md"] .lifebetter-connect')?.click();
}
