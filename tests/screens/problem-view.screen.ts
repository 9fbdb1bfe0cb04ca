/** The problem view of "Ship v2": milestones, a timeline with two open blockers first, sessions. */
import { ProblemItemView } from "../../src/ui/problems/problem-view";
import { SHIP, problemsScreenSetup, showView } from "./host/problems";

export async function render(root: HTMLElement): Promise<void> {
  const { host, sessions, leaf } = problemsScreenSetup();
  const view = new ProblemItemView(leaf(), host, sessions);
  view.path = SHIP;
  await showView(root, view);
}
