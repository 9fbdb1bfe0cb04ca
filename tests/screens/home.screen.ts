/** The LifeBetter home over a generated vault: today (reviews, reflection, a running session, decisions, problems, next actions) and the week table. */
import { HOME_TODAY, homeVault } from "../support/home-vault";
import { homeSetup } from "../support/home-ui";
import { HomeView } from "../../src/ui/home/home-view";
import { showView } from "./host/problems";

export async function render(root: HTMLElement): Promise<void> {
  const { host, leaf } = homeSetup(homeVault(7).files, {
    session: { problemPath: "LifeBetter/Problems/Flaky CI.md", start: `${HOME_TODAY}T11:05:00` },
    reflectionPath: `LifeBetter/Reflections/${HOME_TODAY} reflection.md`,
  });
  const view = new HomeView(leaf(), host);
  await showView(root, view);
  // The generated vault's day, at noon, whatever day the picture is taken.
  await view.refresh(new Date(2026, 10, 26, 12, 0, 0));
}
