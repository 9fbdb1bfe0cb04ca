/** "Search by meaning" with a question typed: five notes (private ones hidden), the second selected by the arrow key. */
import { SearchByMeaningModal } from "../../src/ui/index/search-modal";
import { showModal } from "./host/frame";
import { memoryHost } from "./memory-screens";

export async function render(root: HTMLElement): Promise<void> {
  const modal = new SearchByMeaningModal(await memoryHost());
  await showModal(root, modal);
  const query = modal.contentEl.querySelector<HTMLInputElement>(".lifebetter-search-query");
  if (!query) throw new Error("no search field");
  query.value = "why do tests fail only on CI";
  query.dispatchEvent(new Event("input"));
  // The results come after the typing pause, as they do for a user.
  await new Promise((resolve) => setTimeout(resolve, 400));
  await modal.search();
  modal.contentEl.querySelectorAll(".lifebetter-result")[1]?.dispatchEvent(new MouseEvent("mousemove", { bubbles: true }));
}
