/** "New problem", filled in as a user would before pressing Create problem. */
import { NewProblemModal } from "../../src/ui/problems/new-problem-modal";
import { control, typeInto } from "../support/problems-ui";
import { showModal } from "./host/frame";
import { problemsScreenSetup } from "./host/problems";

export async function render(root: HTMLElement): Promise<void> {
  const { host } = problemsScreenSetup();
  const modal = new NewProblemModal(host, () => {});
  await showModal(root, modal);
  const form = modal.contentEl;
  typeInto(control(form, "Title"), "Slow checkout page");
  typeInto(control<HTMLTextAreaElement>(form, "Description"), "The checkout page takes 6 s to load on phones. 结账很慢 🐢");
  typeInto(control<HTMLSelectElement>(form, "Priority"), "urgent");
  typeInto(control(form, "Target date"), "2026-12-15");
  typeInto(control(form, "Estimate (minutes)"), "90");
  typeInto(control(form, "Category"), "work");
}
