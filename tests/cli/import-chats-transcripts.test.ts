import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { claudeCodeTranscript, codingSession } from "../support/claude-code-transcripts";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

let vault = "";
let projects = "";
afterEach(async () => {
  for (const dir of [vault, projects]) if (dir) await removeVault(dir);
  vault = projects = "";
});

interface Report {
  conversations: { created: number; alreadyImported: number; failed: number };
  questions: number;
  platforms: Record<string, number>;
  problems: { reason: string }[];
  stopped: string | null;
}

/** A ~/.claude/projects folder: two projects, three sessions, a sub-agent transcript beside one and one under subagents/. */
async function claudeProjects(): Promise<string> {
  const session = (id: string, topic: string) => claudeCodeTranscript(codingSession(2, topic), { sessionId: id, summary: `Fixing ${topic}` });
  return makeTempVault({
    "-home-ada-code-shop/1111-aaaa.jsonl": session("1111-aaaa", "checkout"),
    "-home-ada-code-shop/2222-bbbb.jsonl": session("2222-bbbb", "cart"),
    "-home-ada-code-shop/agent-3c4d.jsonl": session("agent-3c4d", "subagent"),
    "-home-ada-code-shop/2222-bbbb/subagents/agent-9f.jsonl": session("agent-9f", "nested"),
    "-home-ada-code-blog/3333-cccc.jsonl": session("3333-cccc", "feed"),
    "-home-ada-code-blog/notes.txt": "not a transcript",
  });
}

describe("lifebetter import-chats with Claude Code transcripts", () => {
  it("imports a transcript file, and the whole projects folder without sub-agents or duplicates", async () => {
    vault = await makeTempVault();
    projects = await claudeProjects();
    const one = await cli("import-chats", "--vault", vault, path.join(projects, "-home-ada-code-shop/1111-aaaa.jsonl"));
    expect(one.err).toBe("");
    expect(one.code).toBe(0);
    expect(one.out).toBe("Imported 1 conversations and 1 questions; 0 were already imported. Wrote 1 summary and linked 0 conversations to a problem.\n");
    const all = await cli("import-chats", "--vault", vault, projects, "--json");
    expect(all.code).toBe(0);
    const report = JSON.parse(all.out) as Report;
    expect(report.conversations).toEqual({ created: 2, alreadyImported: 1, failed: 0 });
    expect(report.platforms).toEqual({ "claude-code": 2 });
    const names = (await fs.readdir(path.join(vault, "LifeBetter/Conversations"))).sort();
    expect(names).toEqual(["2026-03-09 Fixing cart.md", "2026-03-09 Fixing checkout.md", "2026-03-09 Fixing feed.md"]);
    const before = await hashTree(vault);
    const again = JSON.parse((await cli("import-chats", "--vault", vault, projects, "--json")).out) as Report;
    expect(again.conversations).toEqual({ created: 0, alreadyImported: 3, failed: 0 });
    expect(await hashTree(vault)).toEqual(before);
  });

  it("names the file of a cut-short transcript (exit 1) and imports the others", async () => {
    vault = await makeTempVault();
    projects = await claudeProjects();
    const cut = path.join(projects, "-home-ada-code-blog/3333-cccc.jsonl");
    const text = await fs.readFile(cut, "utf8");
    await fs.writeFile(cut, text.slice(0, text.length - 30));
    const run = await cli("import-chats", "--vault", vault, projects);
    expect(run.code).toBe(1);
    expect(run.out).toContain("Imported 2 conversations");
    expect(run.out).toContain(`${cut}: The transcript's last line`);
  });

  it("exits 2 for a missing file, an empty folder or no FILE", async () => {
    vault = await makeTempVault();
    projects = await makeTempVault({ "readme.md": "nothing" });
    const missing = await cli("import-chats", "--vault", vault, path.join(projects, "nope.jsonl"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.jsonl");
    expect((await cli("import-chats", "--vault", vault, projects)).code).toBe(2);
    expect((await cli("import-chats", "--vault", vault)).code).toBe(2);
    expect(await hashTree(vault)).toEqual(new Map());
  });
});
