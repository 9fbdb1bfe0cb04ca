import { afterEach, describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { loadReview, reviewSnapshot } from "../../../src/core/review/load-review";
import { skillCard } from "../../../src/core/skills/skill-card";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { LinkResolver } from "../../../src/core/vault/link-resolver";
import { makeTempVault, removeVault } from "../../support/temp-vault";
import { record } from "./records";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

const skill = (due: string) => `---\nkind: meta-skill\nreview_due: ${due}\nreview_count: 1\ninterval_days: 1\nease: 2.5\n---\n## When to use\n\nStuck.\n`;

describe("loading a review from the notes", () => {
  it("reads every record fresh, skipping excluded folders and notes it cannot read or parse", async () => {
    root = await makeTempVault({
      "Skills/Duck.md": skill("2026-03-09"),
      "Archive/Old skill.md": skill("2026-03-01"),
      "Skills/Latin1.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
      "Skills/Broken.md": "---\nkind: meta-skill\nease: [\n---\n",
      "Plain note.md": "no frontmatter [[Duck]]\n",
      "Entries/e.md": "---\nkind: entry\ntype: attempt\ntimestamp: 2026-03-09T10:00:00Z\n---\nTried [[Duck]].\n",
    });
    const repo = new NodeNoteRepository(root);
    const snapshot = await loadReview(repo, { ...DEFAULT_SETTINGS, excludedFolders: ["Archive"] }, "2026-03-10");
    expect(snapshot.records.map((record) => record.path)).toEqual(["Entries/e.md", "Skills/Duck.md"]);
    expect(snapshot.queue.items.map((item) => item.path)).toEqual(["Skills/Duck.md"]);
    const duck = snapshot.records.find((record) => record.path === "Skills/Duck.md")!;
    const card = skillCard(duck, snapshot.backlinks());
    expect(card).toMatchObject({ name: "Duck", whenToUse: "Stuck." });
    expect(card.examples.map((example) => example.path)).toEqual(["Entries/e.md"]); // the plain note is not a record
    expect(snapshot.backlinks()).toBe(snapshot.backlinks()); // built once
  });

  it("rebuilds queue and summary from records in memory, reusing the backlinks it is given", () => {
    const duck = record("Skills/Duck.md", { kind: "meta-skill", review_due: "2026-03-09", review_count: 1, interval_days: 1, ease: 2.5 });
    const entry = record("Entries/e.md", { kind: "entry", type: "attempt" }, "Tried [[Duck]].");
    const resolver = new LinkResolver([duck.path, entry.path]);
    const first = reviewSnapshot({ records: [entry, duck], resolver }, DEFAULT_SETTINGS, "2026-03-10");
    const links = first.backlinks();
    expect(links.get("Skills/Duck.md")?.map((linking) => linking.path)).toEqual(["Entries/e.md"]);
    // The skill was graded: due later, reviewed today. Its links did not change.
    const graded = { ...duck, properties: { ...duck.properties, review_due: "2026-03-16", review_count: 2, reviewed_on: ["2026-03-10"] } };
    const next = reviewSnapshot({ records: [entry, graded], resolver }, DEFAULT_SETTINGS, "2026-03-10", first.backlinks);
    expect(next.queue.items).toEqual([]);
    expect(next.summary.doneToday).toBe(1);
    expect(next.backlinks()).toBe(links);
  });
});
