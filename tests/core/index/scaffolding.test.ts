import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { NO_MODEL } from "../../../src/core/index/embedder-status";
import { detectClusters } from "../../../src/core/index/clusters";
import { NoteIndex } from "../../../src/core/index/note-index";
import { extractNote } from "../../../src/core/index/note-record";
import { ownTitle } from "../../../src/core/index/scaffolding";
import { problemBody } from "../../../src/core/problems/create-problem";
import { newSkillNote } from "../../../src/core/skills/new-skill";
import { testTimers } from "../../support/index-fixtures";

const file = (path: string) => ({ path, size: 100, mtime: Date.parse("2026-03-01T10:00:00Z"), ctime: 0 });
const SESSIONS =
  "\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n" +
  "| 2026-12-01T09:00:00Z | 2026-12-01T10:30:00Z | 90 | 7 | 4 | read kubelet logs | phone | found the leak |\n";

describe("only what the person wrote is indexed", () => {
  it("a problem keeps its description, milestones and the text columns of its sessions, not the template", () => {
    const body =
      problemBody("Pods get evicted under memory pressure.").replace("## Milestones\n", "## Milestones\n\n- [ ] raise the limit\n") +
      SESSIONS.split("\n").slice(3).join("\n");
    const note = extractNote(file("LifeBetter/Problems/Pods.md"), composeNote({ kind: "problem", status: "active" }, body));
    expect(note.fullText.body).toBe("Pods get evicted under memory pressure.\nraise the limit\nread kubelet logs phone found the leak");
    expect(note.record.headings).toEqual([]);
    expect(note.record.terms).not.toEqual(expect.arrayContaining(["minutes"]));
    expect(note.embedTexts.map((t) => t.text)).toEqual([note.fullText.body]);
  });

  it("an unfilled meta-skill or reflection is only template: no text, no vector", () => {
    const skill = extractNote(file("LifeBetter/Meta-skills/Rubber duck.md"), newSkillNote({ name: "Rubber duck" }, new Date("2026-12-01T00:00:00Z"), "x"));
    expect(skill.fullText.body).toBe("");
    expect(skill.fullText.headings).toBe("");
    const reflection = extractNote(file("Daily/2026-12-01.md"), composeNote({ kind: "reflection", period: "daily" }, "## What worked?\n\n## Wins\n\n"));
    expect(reflection.fullText).toMatchObject({ title: "", body: "", headings: "" });
    expect(reflection.embedTexts).toEqual([]);
  });

  it("an answered prompt keeps the answer; the same table in an ordinary note is kept as written", () => {
    const answered = extractNote(file("Daily/2026-12-01.md"), composeNote({ kind: "reflection" }, "## Wins\n\n- shipped the fix\n"));
    expect(answered.fullText.body).toBe("shipped the fix");
    const plain = extractNote(file("Notes/Time log.md"), `## Sessions\n${SESSIONS}`);
    expect(plain.record.headings).toEqual(["Sessions"]);
    expect(plain.fullText.body).toContain("minutes");
  });

  it("the date stem of an entry's, reflection's or conversation's file name is not its title words", () => {
    expect(ownTitle("2026-12-02 What should I cook", "entry")).toBe("What should I cook");
    expect(ownTitle("2026-12-02 2 Docker layers", "entry")).toBe("2 Docker layers");
    expect(ownTitle("2026-W49", "reflection")).toBe("");
    expect(ownTitle("2026-12-02", "reflection")).toBe("");
    expect(ownTitle("2026 taxes", "problem")).toBe("2026 taxes");
    expect(ownTitle("2026-12-02 notes", null)).toBe("2026-12-02 notes");
  });

  it("a cluster is labelled only by terms most of its notes share", () => {
    const index = new NoteIndex({ embedder: NO_MODEL, timers: testTimers });
    const texts = ["docker build cache", "docker cache layers", "docker compose file", "dinner docker", "dinner docker volume"];
    texts.forEach((text, i) => index.apply(file(`n${i}.md`), text));
    const [cluster] = detectClusters(index, [], 1);
    expect(cluster?.terms).toEqual(["docker"]);
  });
});
