import { describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { patternVault } from "../support/pattern-vault";
import { makeTempVault, removeVault } from "../support/temp-vault";

async function withVault(files: Record<string, string>, run: (vault: string) => Promise<void>): Promise<void> {
  const vault = await makeTempVault(files);
  try {
    await run(vault);
  } finally {
    await removeVault(vault);
  }
}

interface Row {
  name: string;
  pattern_type: string;
  confidence: number;
  positive: boolean;
  evidence: string[];
  suggestion: string;
}

describe("lifebetter patterns", () => {
  it("prints {name, pattern_type, confidence, positive, evidence, suggestion} best first", () =>
    withVault(patternVault(1).files, async (vault) => {
      const run = await cli("patterns", "--vault", vault, "--json");
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      const rows = JSON.parse(run.out) as Row[];
      const confidences = rows.map((r) => r.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      const sleep = rows.find((r) => r.name.startsWith("Mood is lower after nights under"));
      expect(sleep).toMatchObject({ pattern_type: "emotional", positive: false });
      expect(sleep!.evidence.every((path) => path.startsWith("LifeBetter/Reflections/"))).toBe(true);
      expect(new Set(rows.map((r) => r.pattern_type))).toEqual(new Set(["temporal", "emotional", "problem-solving", "behavioral", "thinking"]));

      const text = await cli("patterns", "--vault", vault);
      expect(text.out).toContain("[thinking] You ask many questions about");
      expect(text.out).toMatch(/Evidence \(\d+\): LifeBetter\//);
    }));

  it("says there is not enough data yet in a near-empty vault, and refuses a bad --stale-days", () =>
    withVault({ "a.md": composeNote({ kind: "entry", type: "insight" }, "One note.\n") }, async (vault) => {
      const run = await cli("patterns", "--vault", vault);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^No patterns yet/);
      expect(JSON.parse((await cli("patterns", "--vault", vault, "--json")).out)).toEqual([]);
      const bad = await cli("patterns", "--vault", vault, "--stale-days", "soon");
      expect(bad.code).toBe(2);
      expect(bad.err).toContain("--stale-days");
    }));
});

describe("lifebetter clusters --kind entry --type question", () => {
  it("clusters only the questions", () =>
    withVault(
      {
        "q1.md": composeNote({ kind: "entry", type: "question" }, "How do I sync notes between devices?\n"),
        "q2.md": composeNote({ kind: "entry", type: "question" }, "Why does sync between devices duplicate notes?\n"),
        "q3.md": composeNote({ kind: "entry", type: "question" }, "Which bread flour rises best in a cold kitchen?\n"),
        "i1.md": composeNote({ kind: "entry", type: "insight" }, "Sync notes between devices with git.\n"),
        "plain.md": "Devices and notes and sync.\n",
      },
      async (vault) => {
        const run = await cli("clusters", "--vault", vault, "--kind", "entry", "--type", "question", "--k", "2", "--json");
        expect(run.code).toBe(0);
        const clusters = JSON.parse(run.out) as { size: number; notes: { path: string }[] }[];
        expect(clusters.flatMap((c) => c.notes.map((n) => n.path)).sort()).toEqual(["q1.md", "q2.md", "q3.md"]);
        const none = await cli("clusters", "--vault", vault, "--kind", "entry", "--type", "blocker", "--json");
        expect(JSON.parse(none.out)).toEqual([]);
        expect((await cli("clusters", "--vault", vault, "--kind", "entries")).code).toBe(2);
      },
    ));
});
