/** Today's reflection in the sidebar: the form (mood, energy, stress set; sleep; habits) and the day's context. */
import { reflectionVault } from "../support/reflection-vault";
import { renderReflection } from "./reflection-screens";

export async function render(root: HTMLElement): Promise<void> {
  const path = "Journal/2026-11-24 reflection.md";
  const text = reflectionVault()[path] ?? "";
  await renderReflection(root, "daily", path, text);
}
