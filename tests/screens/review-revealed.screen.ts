/** The first card after Space: the note, the four grades with their intervals, effectiveness and recent uses. */
import { showReviewView } from "./review-screens";

export async function render(root: HTMLElement): Promise<void> {
  const view = await showReviewView(root);
  view.reveal();
  await view.whenIdle();
}
