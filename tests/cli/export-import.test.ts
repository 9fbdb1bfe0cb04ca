import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { chatGptConversation, claudeConversation, dialogue } from "../support/chat-exports";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeVault(root);
});
const vault = async (files: Record<string, string> = {}): Promise<string> => {
  const root = await makeTempVault(files);
  roots.push(root);
  return root;
};

describe("lifebetter export / import", () => {
  it("exports to a file, imports into an empty vault, and exports the same records again", async () => {
    const source = await vault({
      "LifeBetter/Entries/a.md": composeNote({ id: ID, kind: "entry", type: "insight", tags: ["x"] }, "Body with ünïcode\r\nand CRLF\n"),
      "LifeBetter/Problems/p.md": composeNote({ id: crypto.randomUUID(), kind: "problem", status: "active" }, "Problem\n"),
      "LifeBetter/Entries/secret.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", private: true }, "secret\n"),
    });
    const out = path.join(source, ".export.json");
    const exported = await cli("export", "--vault", source, "--out", out);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/Exported 2 records to .*\(1 private left out/);
    const target = await vault();
    const dry = await cli("import", "--vault", target, out, "--dry-run");
    expect(dry.out).toContain("would create LifeBetter/Entries/a.md");
    expect(dry.out).toContain("Dry run: would create 2, update 0, skipped 0, 0 errors.");
    expect((await hashTree(target)).size).toBe(0);
    const imported = await cli("import", "--vault", target, out);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("Created 2, updated 0, skipped 0, 0 errors.");
    const first = JSON.parse((await cli("export", "--vault", source)).out) as { records: unknown[] };
    const second = JSON.parse((await cli("export", "--vault", target)).out) as { records: unknown[] };
    expect(second.records).toEqual(first.records);
    const again = await cli("import", "--vault", target, out);
    expect(again.out).toContain("Created 0, updated 0, skipped 2, 0 errors.");
  });

  it("dates each record by its own date, created only as the fallback", async () => {
    const written = "2026-12-02T09:30:00+01:00";
    const source = await vault({
      "november.md": composeNote(
        {
          id: crypto.randomUUID(),
          kind: "reflection",
          period: "monthly",
          date: "2026-11-01",
          period_start: "2026-11-01",
          period_end: "2026-11-30",
          created: written,
        },
        "## Wins\n",
      ),
      "chat.md": composeNote({ id: crypto.randomUUID(), kind: "conversation", platform: "chatgpt", started: "2025-06-10T08:00:00Z", created: written }, "Hi\n"),
      "today.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", created: written }, "Undated entry\n"),
    });
    const paths = async (...range: string[]): Promise<string[]> =>
      (JSON.parse((await cli("export", "--vault", source, ...range)).out) as { records: { path: string }[] }).records.map((r) => r.path);
    expect(await paths("--since", "2026-11-01", "--until", "2026-12-01")).toEqual(["november.md"]);
    expect(await paths("--until", "2026-01-01")).toEqual(["chat.md"]);
    expect(await paths("--since", "2026-12-01")).toEqual(["today.md"]);
  });

  it("filters by kind and date, and refuses an unknown kind, a bad date and an existing --out file", async () => {
    const source = await vault({
      "e.md": composeNote({ id: ID, kind: "entry", type: "insight", timestamp: "2026-03-01T10:00:00Z" }, "x\n"),
      "p.md": composeNote({ id: crypto.randomUUID(), kind: "problem", started: "2025-01-01" }, "y\n"),
    });
    const byKind = JSON.parse((await cli("export", "--vault", source, "--kind", "problem")).out) as { records: { path: string }[] };
    expect(byKind.records.map((r) => r.path)).toEqual(["p.md"]);
    const since = JSON.parse((await cli("export", "--vault", source, "--since", "2026-01-01")).out) as { records: { path: string }[] };
    expect(since.records.map((r) => r.path)).toEqual(["e.md"]);
    expect((await cli("export", "--vault", source, "--kind", "note")).err).toMatch(/Unknown kind "note"/);
    expect((await cli("export", "--vault", source, "--since", "yesterday")).err).toMatch(/not a date/);
    const out = path.join(source, "taken.json");
    await fs.writeFile(out, "mine");
    const refused = await cli("export", "--vault", source, "--out", out);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/already exists/);
    expect(await fs.readFile(out, "utf8")).toBe("mine");
  });

  it("import refuses a file that is not an export with one clear line and a non-zero exit", async () => {
    const target = await vault();
    const bad = path.join(target, ".bad.json");
    await fs.writeFile(bad, '{"records": [');
    const run = await cli("import", "--vault", target, bad);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^lifebetter import: The file is not valid JSON/);
    expect((await cli("import", "--vault", target)).err).toMatch(/Missing FILE/);
  });
});

describe("lifebetter import-chats", () => {
  it("detects ChatGPT and Claude exports, prints a summary, and a second import creates nothing", async () => {
    const target = await vault();
    const file = path.join(target, ".conversations.json");
    await fs.writeFile(file, JSON.stringify([chatGptConversation("g", "GPT chat", dialogue(4)), claudeConversation("c", "Claude chat", dialogue(2))]));
    const first = await cli("import-chats", "--vault", target, file);
    expect(first.code).toBe(0);
    expect(first.out).toContain("Imported 2 conversations and 3 questions; 0 were already imported.");
    const before = await hashTree(target);
    const second = await cli("import-chats", "--vault", target, file, "--json");
    const report = JSON.parse(second.out) as { conversations: { created: number; alreadyImported: number }; questions: number };
    expect(report.conversations).toEqual({ created: 0, alreadyImported: 2, failed: 0 });
    expect(await hashTree(target)).toEqual(before);
  });

  it("a cut-short file exits 1 and says so", async () => {
    const target = await vault();
    const file = path.join(target, ".cut.json");
    await fs.writeFile(file, JSON.stringify([claudeConversation("c", "Kept", dialogue(2)), claudeConversation("d", "Lost", dialogue(2))]).slice(0, -40));
    const run = await cli("import-chats", "--vault", target, file);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Imported 1 conversations[\s\S]*not complete JSON after/);
  });
});
