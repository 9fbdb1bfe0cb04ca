/** A due decision in the review: what was expected, and "How did it turn out?". */
import { showReviewView } from "./review-screens";

export async function render(root: HTMLElement): Promise<void> {
  await showReviewView(root, "decision");
}
