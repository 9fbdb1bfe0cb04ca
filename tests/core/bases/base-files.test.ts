import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lifeBetterBases, lifeBetterFolder } from "../../../src/core/bases/base-files";
import { baseYaml, writeBases } from "../../../src/core/bases/write-bases";
import { isRecordKind } from "../../../src/core/schema/kinds";
import { propertySpec } from "../../../src/core/schema/properties";
import { loadSettings } from "../../../src/core/settings";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

// From Obsidian's Bases syntax: file properties, view types, default summaries, global functions.
const FILE_PROPERTIES = ["backlinks", "ctime", "embeds", "ext", "file", "folder", "links", "mtime", "name", "path", "properties", "size", "tags"];
const VIEW_TYPES = ["table", "cards", "list", "map"];
const SUMMARIES = ["Average", "Min", "Max", "Sum", "Range", "Median", "Stddev", "Earliest", "Latest", "Checked", "Unchecked", "Empty", "Filled", "Unique"];
const GLOBAL_FUNCTIONS = [
  "escapeHTML",
  "date",
  "duration",
  "file",
  "html",
  "if",
  "image",
  "icon",
  "link",
  "list",
  "max",
  "min",
  "now",
  "number",
  "today",
  "random",
];
const VIEW_KEYS = ["type", "name", "filters", "order", "sort", "groupBy", "summaries", "limit"];

type Json = Record<string, unknown>;

/** Every property an expression names (`note.x`, `x`, `file.x`, `formula.x`), string literals ignored. */
function namesIn(expression: string): { names: string[]; functions: string[] } {
  const code = expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const names: string[] = [];
  const functions: string[] = [];
  for (const match of code.matchAll(/(?<![.\w])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(\s*\()?/g)) {
    const chain = match[1] ?? "";
    if (chain === "true" || chain === "false" || chain === "null") continue;
    const parts = chain.split(".");
    if (match[2]) {
      if (parts.length === 1) functions.push(chain);
      else names.push(parts.slice(0, -1).join(".")); // a method called on a property
    } else {
      names.push(chain);
    }
  }
  return { names, functions };
}

function filterStrings(filter: unknown): string[] {
  if (typeof filter === "string") return [filter];
  if (filter && typeof filter === "object") return Object.values(filter as Json).flatMap((list) => (Array.isArray(list) ? list.flatMap(filterStrings) : []));
  return [];
}

/** What is wrong with a parsed base: unknown properties, formulas, functions, view types or summaries. */
function problemsOf(base: Json): string[] {
  const problems: string[] = [];
  const kind = /kind == "([^"]+)"/.exec(filterStrings(base.filters).join(" "))?.[1];
  if (!isRecordKind(kind)) return [`no kind filter: ${JSON.stringify(base.filters)}`];
  const formulas = (base.formulas ?? {}) as Record<string, string>;
  const check = (name: string, where: string) => {
    const [head, ...rest] = name.split(".");
    if (head === "formula") {
      if (!(rest.join(".") in formulas)) problems.push(`${where}: no formula ${name}`);
    } else if (head === "file") {
      if (!FILE_PROPERTIES.includes(rest[0] ?? "")) problems.push(`${where}: no file property ${name}`);
    } else {
      const property = head === "note" ? rest.join(".") : name;
      const known = property === "kind" || (kind === "entry" && property === "type") || propertySpec(kind, property) !== undefined;
      if (!known) problems.push(`${where}: ${property} is not a ${kind} property in the schema`);
    }
  };
  const checkExpression = (expression: string, where: string) => {
    const { names, functions } = namesIn(expression);
    names.forEach((name) => check(name, where));
    for (const fn of functions) if (!GLOBAL_FUNCTIONS.includes(fn)) problems.push(`${where}: no function ${fn}()`);
  };
  filterStrings(base.filters).forEach((f) => checkExpression(f, "filters"));
  for (const [name, formula] of Object.entries(formulas)) checkExpression(formula, `formula ${name}`);
  for (const name of Object.keys(base.properties ?? {})) check(name, "properties");
  for (const view of base.views as Json[]) {
    const where = `view ${String(view.name)}`;
    for (const key of Object.keys(view)) if (!VIEW_KEYS.includes(key)) problems.push(`${where}: unknown key ${key}`);
    if (!VIEW_TYPES.includes(view.type as string)) problems.push(`${where}: unknown type ${String(view.type)}`);
    filterStrings(view.filters).forEach((f) => checkExpression(f, where));
    (view.order as string[]).forEach((name) => check(name, `${where} order`));
    for (const sort of (view.sort ?? []) as Json[]) {
      check(sort.property as string, `${where} sort`);
      if (!["ASC", "DESC"].includes(sort.direction as string)) problems.push(`${where}: sort direction ${String(sort.direction)}`);
    }
    if (view.groupBy) check((view.groupBy as Json).property as string, `${where} groupBy`);
    for (const [name, summary] of Object.entries((view.summaries ?? {}) as Json)) {
      check(name, `${where} summaries`);
      if (!SUMMARIES.includes(summary as string)) problems.push(`${where}: unknown summary ${String(summary)}`);
    }
  }
  return problems;
}

describe("the LifeBetter bases", () => {
  const settings = loadSettings({ staleDays: 9 });

  it.each(lifeBetterBases(settings).map((b) => [b.name, b] as const))(
    "%s parses as YAML and names only schema properties and its own formulas",
    (_name, { base }) => {
      const parsed = parse(baseYaml(base)) as Json;
      expect(parsed).toEqual(JSON.parse(JSON.stringify(base)));
      expect(problemsOf(parsed)).toEqual([]);
      expect((parsed.views as Json[]).length).toBeGreaterThan(0);
    },
  );

  it("the checker itself catches a misspelt property, a missing formula and an unknown function", () => {
    const bad = {
      filters: { and: ['kind == "problem"', "statuss == 1"] },
      formulas: { a: "formula.b + nope(estimate)" },
      views: [{ type: "table", name: "x", order: ["file.nam"] }],
    };
    expect(problemsOf(bad)).toEqual([
      "filters: statuss is not a problem property in the schema",
      "formula a: no formula formula.b",
      "formula a: no function nope()",
      "view x order: no file property file.nam",
    ]);
  });

  it("has the views the issue asks for: stale days from settings, private entries filtered out, a time ÷ estimate and a success-rate formula", () => {
    const bases = Object.fromEntries(lifeBetterBases(settings).map((b) => [b.name, b.base]));
    expect(bases["Problems.base"]?.views.map((v) => v.name)).toEqual(["Active by priority", "Stale", "Solved"]);
    expect(JSON.stringify(bases["Problems.base"]?.views[1]?.filters)).toContain("formula.days_idle >= 9");
    expect(bases["Problems.base"]?.formulas?.time_vs_estimate).toBe("if(estimate > 0, (time_spent / estimate).round(2))");
    expect(bases["Entries.base"]?.filters).toEqual({ and: ['kind == "entry"', "private != true"] });
    expect(bases["Entries.base"]?.views.map((v) => v.name)).toEqual(["By type", "This week"]);
    expect(bases["Meta-skills.base"]?.formulas?.success_rate).toContain("uses_success / uses_total");
    expect(bases["Reflections.base"]?.views[0]?.order).toEqual(expect.arrayContaining(["mood", "sleep_hours"]));
  });
});

describe("writing the bases", () => {
  it("writes four files into the LifeBetter folder and never over an existing one", async () => {
    const repo = new MemoryNoteRepository({ "LifeBetter/Entries.base": "mine: true\n" });
    const result = await writeBases(repo, loadSettings({}));
    expect(result).toEqual({
      folder: "LifeBetter",
      written: ["LifeBetter/Problems.base", "LifeBetter/Meta-skills.base", "LifeBetter/Reflections.base"],
      kept: ["LifeBetter/Entries.base"],
    });
    expect(repo.files.get("LifeBetter/Entries.base")).toBe("mine: true\n");
    expect(parse(repo.files.get("LifeBetter/Problems.base") ?? "")).toMatchObject({ filters: { and: ['kind == "problem"'] } });
    expect((await writeBases(repo, loadSettings({}))).written).toEqual([]);
  });

  it("finds the LifeBetter folder from the record folders", () => {
    const folders = (prefix: string) => ({
      entry: `${prefix}/E`,
      problem: `${prefix}/P`,
      "meta-skill": `${prefix}/S`,
      reflection: `${prefix}/R`,
      pattern: `${prefix}/X`,
      conversation: `${prefix}/C`,
    });
    expect(lifeBetterFolder(loadSettings({ folders: folders("Life/Better") }))).toBe("Life/Better");
    expect(lifeBetterFolder(loadSettings({ folders: { ...folders("Life"), entry: "Journal" } }))).toBe("LifeBetter");
  });
});
