import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { fromMarkdown } from "mdast-util-from-markdown";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { parseNote, splitNote } from "../../../src/core/codec/frontmatter";
import { outlineNote, outlineNoteFromTree } from "../../../src/core/index/note-sections";
import { CORPORA_ROOT, corporaAvailable, extractedCorpus } from "../../support/corpora";

/**
 * What remark's tree gives for a CommonMark body: the reading markdown-it's must match. Inline code
 * keeps its line endings in mdast; CommonMark (and markdown-it) make them spaces.
 */
const fromTree = (body: string): ReturnType<typeof outlineNote> =>
  outlineNoteFromTree(body, (markdown) => {
    const tree = fromMarkdown(markdown);
    visit(tree, "inlineCode", (node) => {
      node.value = node.value.replace(/\r\n|\r|\n/g, " ");
    });
    return tree;
  });

function bodyOf(text: string): string {
  const parsed = parseNote(text);
  if (parsed.ok) return parsed.parts.body;
  const parts = splitNote(text);
  return "problem" in parts ? text : parts.body;
}

function markdownFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) files.push(full);
    }
  };
  walk(root);
  return files.sort();
}

/** Notes whose outline (sections, headings, links) differs between the two readings, with the first difference. */
function differences(files: string[]): string[] {
  const differ: string[] = [];
  for (const file of files) {
    const body = bodyOf(readFileSync(file, "utf8"));
    const events = outlineNote(body);
    const tree = fromTree(body);
    if (JSON.stringify(events) !== JSON.stringify(tree)) differ.push(file);
  }
  return differ;
}

describe("a note's text read from markdown-it's tokens", () => {
  it.each([
    ["setext headings", "Title\n=====\n\ntext\n\nSub *x*\ntwo\n---\nmore"],
    ["hard breaks and soft line endings", "one  \ntwo\\\nthree\nfour"],
    ["references, escapes and entities", "a &amp; b &#35; &#x41; \\* [l][r] [r] ![i][r]\n\n[r]: http://x 'T'\n\nafter"],
    ["links, images, autolinks and html", '[label *em*](http://u "t") ![alt **b**](i.png) <http://a.b> <a@b.c> <span>x</span> [![img](x)](y) tail'],
    [
      "code in every form",
      "```js meta\nconst a = 1;\n\n```\n\n    indented\n      more\n\n~~~dataview\nTABLE x\n~~~\n\nInline `code\nspan` here\n\n```\nunclosed",
    ],
    ["headings inside lists and quotes", "- item\n  # not a section\n  text\n> ## quoted\n> body\n\n1. one\n2. two\n   - nested [[Link|alias]] [[Other#Part]]"],
    ["wikilinks split by emphasis, in headings and labels", "# A [[Head link]]\n[[a *b*]] [[plain]] [x [[in label]]](u) ![[embed.png]]"],
    ["HTML blocks and tabs", "<div>\nhidden [[no]]\n</div>\n\n\tcode\tafter tab\n\n*\ttab item\n\ntext\twith tab"],
    ["CRLF line endings", "# H\r\n\r\nline one\r\nline two\r\n\r\n```\r\ncode\r\n```\r\n"],
    ["empty headings and thematic breaks", "#\n\n## \n\n***\n\ntext\n\n# Only\n"],
    ["images and links to file: and data: destinations", "see ![](file:///C:/Temp/a.png) ![alt](data:image/png;base64,AAAA) [run](javascript:void) end"],
    ["inline code across lines", "a `one\ntwo` b ``x ` y`` c"],
  ])("reads %s as remark's tree does", (_name, body) => {
    expect(outlineNote(body)).toEqual(fromTree(body));
  });

  it("reads each note on its own: a link definition in one note is no definition in the next", () => {
    const defining = outlineNote("See [guide].\n\n[guide]: http://example.com");
    const next = outlineNote("Read the [guide] and the [manual].");
    expect(defining.sections[0]!.text).toBe("See guide.");
    expect(next.sections[0]!.text).toBe("Read the [guide] and the [manual].");
    expect(next).toEqual(fromTree("Read the [guide] and the [manual]."));
  });

  it("reads text quoted and listed thirty levels deep (markdown-it's CommonMark preset stops at 20)", () => {
    const quoted = ">".repeat(30) + " deep quoted words";
    const listed = Array.from({ length: 30 }, (_, i) => "  ".repeat(i) + `- item ${i}`).join("\n");
    expect(outlineNote(quoted)).toEqual(fromTree(quoted));
    expect(outlineNote(quoted).sections[0]?.text).toBe("deep quoted words");
    expect(outlineNote(listed)).toEqual(fromTree(listed));
    expect(outlineNote(listed).sections[0]?.text).toContain("item 29");
  });

  it("reads a note nested deeper than any real one without failing, and keeps the text after it", () => {
    const body = ">".repeat(3000) + " deep words\n\n# After\n\nkept text";
    const outline = outlineNote(body);
    expect(outline.headings).toEqual(["After"]);
    expect(outline.sections.at(-1)).toEqual({ headingPath: ["After"], text: "kept text" });
  });

  const corpora = corporaAvailable();
  it.skipIf(!corpora)(
    "reads every note of obsidian-help, the small vaults and the journal as remark's tree does",
    () => {
      const files = ["obsidian-help", "vault-lesleylai-garden", "vault-kepano", "vault-digitallyliterate", "journal"].flatMap((name) =>
        markdownFiles(path.join(CORPORA_ROOT, name)),
      );
      expect(files.length).toBeGreaterThan(1000);
      expect(differences(files)).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!corpora)(
    "reads a sample of the zettelkasten's notes as remark's tree does",
    () => {
      const all = markdownFiles(extractedCorpus("large-digitalyoshixi-zettelkasten.tar.gz", "digitalyoshixi-zettelkasten"));
      // Every 8th note (and every drawing, the longest): about 1,700 notes of every kind the vault holds.
      const sample = all.filter((file, i) => i % 8 === 0 || file.endsWith(".excalidraw.md"));
      expect(differences(sample)).toEqual([]);
    },
    120_000,
  );
});
