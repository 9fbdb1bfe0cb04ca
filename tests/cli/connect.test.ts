import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { propertiesOf } from "../support/note-properties";
import { makeTempVault, removeVault } from "../support/temp-vault";

const A_ID = "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8";
const A = "LifeBetter/Entries/Flaky test.md";
const A_BODY = "Body with [[links]]  \n| a | b |\n";

let root = "";
afterEach(async () => {
  if (root) await removeVault(root);
  root = "";
});

async function vault(): Promise<void> {
  root = await makeTempVault({
    [A]: composeNote({ id: A_ID, kind: "entry", type: "question", related: ["[[Other]]"] }, A_BODY),
    "Notes/Race conditions.md": "Plain note.\n",
    "One/Same name.md": "one\n",
    "Two/Same name.md": "two\n",
  });
}

const readA = (): Promise<string> => fs.readFile(path.join(root, A), "utf8");

describe("lifebetter connect", () => {
  it("adds the link to A's property of that type, body untouched, and not twice", async () => {
    await vault();
    const run = await cli("connect", A_ID, "Race conditions", "--type", "similar_to", "--vault", root, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({ path: A, type: "similar_to", target: "[[Race conditions]]", changed: true });
    const text = await readA();
    expect(text.endsWith(A_BODY)).toBe(true);
    expect(propertiesOf(text)).toMatchObject({ similar_to: ["[[Race conditions]]"], related: ["[[Other]]"] });
    const again = await cli("connect", A, "Notes/Race conditions.md", "--type", "similar_to", "--vault", root);
    expect(again.code).toBe(0);
    expect(again.out).toContain("already links");
    expect(await readA()).toBe(text);
  });

  it("links by path when two notes share B's name", async () => {
    await vault();
    const run = await cli("connect", "Flaky test", "Two/Same name.md", "--type", "related", "--vault", root, "--json");
    expect(run.code).toBe(0);
    expect(propertiesOf(await readA()).related).toEqual(["[[Other]]", "[[Two/Same name]]"]);
  });

  it("refuses an unknown note or type, A = B and a missing --type with exit 2, writing nothing", async () => {
    await vault();
    const before = await readA();
    const unknown = await cli("connect", A, "Nowhere", "--type", "related", "--vault", root);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No note "Nowhere"');
    const type = await cli("connect", A, "Race conditions", "--type", "similar", "--vault", root);
    expect(type.code).toBe(2);
    expect(type.err).toContain("similar_to");
    expect((await cli("connect", A, A_ID, "--type", "related", "--vault", root)).code).toBe(2);
    expect((await cli("connect", A, "Race conditions", "--vault", root)).code).toBe(2);
    expect((await cli("connect", A, "--type", "related", "--vault", root)).code).toBe(2);
    expect(await readA()).toBe(before);
  });

  it("never rewrites a note whose properties cannot be parsed (exit 1)", async () => {
    await vault();
    const broken = "---\nrelated: [unclosed\n---\nBody\n";
    await fs.writeFile(path.join(root, "Broken.md"), broken);
    const run = await cli("connect", "Broken", "Race conditions", "--type", "related", "--vault", root);
    expect(run.code).toBe(1);
    expect(await fs.readFile(path.join(root, "Broken.md"), "utf8")).toBe(broken);
  });
});
