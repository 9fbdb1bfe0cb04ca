/** A skill whose ease was edited by hand into "high": shown first, due, with a warning. */
import { showReviewView } from "./review-screens";

export async function render(root: HTMLElement): Promise<void> {
  await showReviewView(root, "warning");
}
