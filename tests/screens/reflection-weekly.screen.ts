/** This week's reflection: the digest of the dailies (trends, wins, time per problem, habits) and context. */
import { composeNote } from "../../src/core/codec/frontmatter";
import { renderReflection } from "./reflection-screens";

export async function render(root: HTMLElement): Promise<void> {
  const text = composeNote(
    {
      kind: "reflection",
      period: "weekly",
      date: "2026-11-23",
      period_start: "2026-11-23",
      period_end: "2026-11-29",
      what_worked: ["Kept the habit", "Mornings for deep work"],
    },
    "## What went well\n- Kept the habit\n- Mornings for deep work\n\n## What didn't?\n\n## What did I learn?\n\n## Patterns noticed\n\n## Wins\n\n## Gratitude\n\n## Tomorrow's focus\n",
  );
  await renderReflection(root, "weekly", "Journal/2026-W48 reflection.md", text);
}
