/** The review view on its first card: the skill's name and "When would you use this?", the note hidden. */
import { showReviewView } from "./review-screens";

export async function render(root: HTMLElement): Promise<void> {
  await showReviewView(root);
}
