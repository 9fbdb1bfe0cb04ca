import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { CORPORA_ROOT, FIXTURE_VAULT, corporaAvailable } from "../support/corpora";
import { hashTree, removeVault } from "../support/temp-vault";

/** Our fixture vault, in both of its daily-note layouts (with a template, and in year/month folders). */
const FIXTURE = [
  {
    corpus: "fixture",
    root: FIXTURE_VAULT,
    settings: { folder: "Daily", format: "YYYY-MM-DD", template: "Templates/Daily template" },
    existing: "2026-03-14",
    fresh: "2026-03-17",
  },
  { corpus: "fixture", root: FIXTURE_VAULT, settings: { folder: "journal", format: "YYYY/MM/YYYY-MM-DD" }, existing: "2026-03-14", fresh: "2026-03-15" },
];

/** Real vaults with daily notes, and the Daily notes settings that name them (the corpora ship no .obsidian). */
const CORPORA = [
  {
    corpus: "vault-kepano",
    settings: { folder: "Daily", format: "YYYY-MM-DD", template: "Templates/Daily Note Template" },
    existing: "2023-09-12",
    fresh: "2023-09-13",
  },
  { corpus: "journal/aww-werther-demo", settings: { folder: "journal", format: "YYYY/MM/YYYY-MM-DD" }, existing: "2024-05-04", fresh: "2024-05-05" },
  { corpus: "journal/heatmap-calendar-example", settings: { folder: "daily notes", format: "YYYY-MM-DD" }, existing: "2022-01-01", fresh: "2030-01-01" },
  {
    corpus: "journal/dataview-example-vault",
    settings: { folder: "10 Example Data/dailys", format: "YYYY-MM-DD" },
    existing: "2022-01-02",
    fresh: "2021-02-18",
  },
].map((vault) => ({ ...vault, root: path.join(CORPORA_ROOT, vault.corpus) }));

/** The real vaults skip (with a printed note) where the corpora are absent. */
const noCorpora = !corporaAvailable();
const VAULTS = [...FIXTURE.map((vault) => ({ ...vault, skip: false })), ...CORPORA.map((vault) => ({ ...vault, skip: noCorpora }))];

const copies: string[] = [];
afterAll(async () => {
  for (const copy of copies) await removeVault(copy);
});

async function copyOf(source: string, settings: object): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-reflect-corpus-"));
  copies.push(root);
  await fs.cp(source, root, { recursive: true });
  await fs.mkdir(path.join(root, ".obsidian"), { recursive: true });
  await fs.writeFile(path.join(root, ".obsidian", "daily-notes.json"), JSON.stringify(settings));
  return root;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file);
}

describe.each(VAULTS)("reflections in $corpus ($settings.folder)", ({ root: source, settings, existing, fresh, skip }) => {
  it.skipIf(skip)("lands beside the daily notes and changes no existing file's bytes", async () => {
    const vault = await copyOf(source, settings);
    expect(existsSync(path.join(vault, dailyPath(existing)))).toBe(true);
    expect(existsSync(path.join(vault, dailyPath(fresh)))).toBe(false);
    const before = await hashTree(vault);

    const run = await cli("reflect", "--vault", vault, "--date", fresh, "--json");
    expect(run.err).toBe("");
    const result = JSON.parse(run.out) as { path: string; periodic_note: string };
    expect(result.periodic_note).toBe(dailyPath(fresh));
    expect(result.path).toBe(dailyPath(fresh).replace(/\.md$/, " reflection.md"));
    const after = await hashTree(vault);
    expect(changed(before, after)).toEqual([]);
    expect([...after.keys()].filter((file) => !before.has(file))).toEqual([result.path]);
  });

  it.skipIf(skip)("beside an existing daily note, only appends the link line to it", async () => {
    const vault = await copyOf(source, settings);
    const daily = dailyPath(existing);
    const original = await fs.readFile(path.join(vault, daily), "utf8");
    const before = await hashTree(vault);
    const run = await cli("reflect", "--vault", vault, "--date", existing, "--json");
    expect(JSON.parse(run.out)).toMatchObject({ linked_from: daily });
    expect(changed(before, await hashTree(vault))).toEqual([daily]);
    const now = await fs.readFile(path.join(vault, daily), "utf8");
    expect(now.startsWith(original)).toBe(true);
    expect(now.slice(original.length).trim()).toBe(`Reflection: [[${path.basename(daily, ".md")} reflection]]`);
  });

  function dailyPath(day: string): string {
    const name = settings.format === "YYYY/MM/YYYY-MM-DD" ? `${day.slice(0, 4)}/${day.slice(5, 7)}/${day}` : day;
    return `${settings.folder}/${name}.md`;
  }
});
