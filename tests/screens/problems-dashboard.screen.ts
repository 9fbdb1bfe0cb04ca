/** The problems dashboard: active, blocked, solved and abandoned groups, one stale goal. */
import { ProblemsDashboardView } from "../../src/ui/problems/problems-dashboard-view";
import { problemsScreenSetup, showView } from "./host/problems";

export async function render(root: HTMLElement): Promise<void> {
  const { host, leaf } = problemsScreenSetup();
  await showView(root, new ProblemsDashboardView(leaf(), host));
}
