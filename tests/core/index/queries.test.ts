import { describe, expect, it } from "vitest";
import { FakeEmbedder } from "../../support/fake-embedder";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

const entry = (type: string, problem: string, date: string, tags: string, body: string) =>
  `---\nkind: entry\ntype: ${type}\nproblem: "[[${problem}]]"\ntimestamp: ${date}\ntags: [${tags}]\n---\n${body}\n`;

function vault(): MemoryVault {
  return new MemoryVault({
    "P/Ship v2.md": "---\nkind: problem\nstatus: active\n---\nShip version two of the scheduler.",
    "P/Old release.md": "---\nkind: problem\nstatus: solved\n---\nShip version one of the scheduler.",
    "E/1.md": entry("blocker", "Ship v2", "2026-01-10T09:00:00Z", "ci", "scheduler tests fail on ci"),
    "E/2.md": entry("insight", "Ship v2", "2026-02-10T09:00:00Z", "ci/flaky", "scheduler tests are flaky"),
    "E/3.md": entry("insight", "Other", "2026-02-11T09:00:00Z", "home", "scheduler for the garden watering"),
    "S/Bisect.md": "---\nkind: meta-skill\nuses_total: 10\nuses_success: 9\n---\nBisect failing tests to find the commit.",
    "S/Retry.md": "---\nkind: meta-skill\nuses_total: 10\nuses_success: 1\n---\nRetry failing tests to find the flaky commit.",
    "S/Unused.md": "---\nkind: meta-skill\n---\nPlant seeds in spring.",
    "Linked.md": "scheduler tests fail, see [[1]]",
  });
}

describe("queries", () => {
  it("filters by kind, type, tags (with nested tags), date range and problem", async () => {
    const index = memoryIndex(vault(), new FakeEmbedder());
    await index.open();
    const paths = async (options: Parameters<typeof index.searchByMeaning>[1]) => (await index.searchByMeaning("scheduler", options)).map((r) => r.path).sort();
    expect(await paths({ kind: "problem" })).toEqual(["P/Old release.md", "P/Ship v2.md"]);
    expect(await paths({ type: "insight" })).toEqual(["E/2.md", "E/3.md"]);
    expect(await paths({ tags: ["ci"] })).toEqual(["E/1.md", "E/2.md"]);
    expect(await paths({ since: "2026-02-01", until: "2026-02-10T23:00:00Z", kind: "entry" })).toEqual(["E/2.md"]);
    expect(await paths({ problem: "[[Ship v2]]" })).toEqual(["E/1.md", "E/2.md"]);
  });

  it("findSimilar can hide notes linked either way, and says what is shared", async () => {
    const index = memoryIndex(vault(), new FakeEmbedder());
    await index.open();
    const all = (await index.findSimilar("E/1.md", { minScore: 0 })).map((r) => r.path);
    expect(all).toContain("Linked.md");
    expect(all).not.toContain("E/1.md");
    const unlinked = await index.findSimilar("E/1.md", { excludeLinked: true, minScore: 0 });
    expect(unlinked.map((r) => r.path)).not.toContain("Linked.md");
    expect(unlinked.map((r) => r.path)).not.toContain("P/Ship v2.md");
    expect(unlinked.find((r) => r.path === "E/2.md")?.reasons).toContain("same problem: [[ship v2]]");
  });

  it("a similar question entry says which conversation it was asked in: its problem, else its title", async () => {
    const notes = new MemoryVault({
      "E/1.md": "---\nkind: entry\ntype: blocker\n---\nscheduler tests fail on ci",
      "E/2.md": '---\nkind: entry\ntype: question\nconversation: "[[2026-01-05 Flaky scheduler]]"\n---\nwhy do scheduler tests fail on ci?',
      "E/3.md": '---\nkind: entry\ntype: question\nconversation: "[[2026-01-06 CI chat]]"\n---\nscheduler tests fail on ci, why?',
      "C/2026-01-05 Flaky scheduler.md": '---\nkind: conversation\nproblem: "[[Ship v2]]"\n---\n## You\n\n```\nwhy do scheduler tests fail on ci?\n```\n',
      "C/2026-01-06 CI chat.md": "---\nkind: conversation\n---\n## You\n\n```\nunrelated words here\n```\n",
    });
    const index = memoryIndex(notes, new FakeEmbedder());
    await index.open();
    const all = await index.findSimilar("E/1.md", { minScore: 0 });
    expect(all.find((r) => r.path === "E/2.md")?.reasons).toContain("asked in a conversation about [[ship v2]]");
    expect(all.find((r) => r.path === "E/3.md")?.reasons).toContain('asked in a conversation about "CI chat"');
    expect(all.find((r) => r.path === "C/2026-01-05 Flaky scheduler.md")?.reasons ?? []).not.toContainEqual(expect.stringContaining("asked in"));
  });

  it("similar notes say which are linked already, share a problem, are private, and of which entry type", async () => {
    const notes = new MemoryVault({
      "E/1.md": '---\nkind: entry\ntype: blocker\nproblem: "[[Ship v2]]"\nrelated: ["[[E/2]]"]\n---\nscheduler tests fail on ci',
      "E/2.md": '---\nkind: entry\ntype: insight\nproblem: "[[Ship v2]]"\n---\nscheduler tests fail on ci again',
      "E/3.md": "---\nkind: entry\ntype: question\nprivate: true\n---\nscheduler tests fail on ci, privately",
    });
    const index = memoryIndex(notes, new FakeEmbedder());
    await index.open();
    const all = await index.findSimilar("E/1.md", { minScore: 0 });
    const second = all.find((r) => r.path === "E/2.md");
    expect(second).toMatchObject({ type: "insight", linked: true });
    expect(second?.reasons).toContain("same problem: [[ship v2]]");
    expect(all.find((r) => r.path === "E/3.md")).toMatchObject({ type: "question", private: true });
    expect(all.find((r) => r.path === "E/3.md")?.linked).toBeUndefined();
    const shown = await index.findSimilar("E/1.md", { minScore: 0, hidePrivate: true });
    expect(shown.map((r) => r.path)).toEqual(["E/2.md"]);
    const found = await index.searchByMeaning("scheduler", { hidePrivate: true });
    expect(found.map((r) => r.path).sort()).toEqual(["E/1.md", "E/2.md"]);
  });

  it("suggests relevant meta-skills, the one that worked more often first, and never an irrelevant one", async () => {
    const index = memoryIndex(vault(), new FakeEmbedder());
    await index.open();
    const skills = await index.suggestMetaSkills("failing tests find the commit");
    expect(skills.map((s) => s.path)).toEqual(["S/Bisect.md", "S/Retry.md"]);
    expect(skills[0]?.reasons).toContain("worked 90% of the time");
  });

  it("finds similar problems by note or by description, with how they ended", async () => {
    const index = memoryIndex(vault(), new FakeEmbedder());
    await index.open();
    const byNote = await index.findSimilarProblems("Ship v2");
    expect(byNote.map((r) => r.path)).toEqual(["P/Old release.md"]);
    expect(byNote[0]?.reasons).toContain("status: solved");
    expect((await index.findSimilarProblems("ship the scheduler"))[0]?.kind).toBe("problem");
  });

  it("clusters notes with k-means and labels each cluster by its telling terms", async () => {
    const index = memoryIndex(vault(), new FakeEmbedder());
    await index.open();
    const clusters = index.detectClusters([], 3);
    expect(clusters.reduce((n, c) => n + c.notes.length, 0)).toBe(9);
    expect(clusters.every((c) => c.centroid.length === 64)).toBe(true);
    const withTests = clusters.find((c) => c.notes.some((n) => n.path === "E/1.md"));
    expect(withTests?.terms.length).toBeGreaterThan(0);
    // Without a model, the same call clusters by terms.
    const noModel = memoryIndex(vault(), null);
    await noModel.open();
    expect(noModel.detectClusters(["E/1.md", "E/2.md", "S/Unused.md"], 2).reduce((n, c) => n + c.notes.length, 0)).toBe(3);
  });

  it("gives the note vectors the pattern engine reads themes from, and none without a model", async () => {
    const index = memoryIndex(vault(), new FakeEmbedder());
    await index.open();
    const vectors = index.noteVectors(["E/1.md", "E/2.md", "Missing.md"]);
    expect(Object.keys(vectors)).toEqual(["E/1.md", "E/2.md"]);
    expect(vectors["E/1.md"]).toHaveLength(64);
    expect(vectors["E/1.md"]).not.toEqual(vectors["E/2.md"]);
    const noModel = memoryIndex(vault(), null);
    await noModel.open();
    expect(noModel.noteVectors(["E/1.md"])).toEqual({});
  });
});
