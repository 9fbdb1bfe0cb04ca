import { describe, expect, it } from "vitest";
import { fullTextDocuments, fullTextTokens } from "../../../src/core/index/fulltext-documents";
import { FullTextIndex } from "../../../src/core/index/fulltext-index";
import { noteTokenizer } from "../../../src/core/index/tokenizer";
import type { FullTextFields } from "../../../src/core/index/note-record";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

function indexOf(notes: Record<string, Partial<FullTextFields>>): FullTextIndex {
  const index = new FullTextIndex();
  for (const [path, fields] of Object.entries(notes)) {
    index.upsert(path, { title: path.replace(/\.md$/, ""), aliases: "", headings: "", tags: "", body: "", ...fields });
  }
  return index;
}

const paths = (index: FullTextIndex, query: string): string[] => index.search(query, 10).map((hit) => hit.path);

describe("FullTextIndex: words in other languages and scripts", () => {
  it("finds a Russian note by a Russian word", () => {
    const index = indexOf({
      "Горячие клавиши.md": { body: "Сочетания клавиш можно изменить в настройках." },
      "Hotkeys.md": { body: "Change keyboard shortcuts in the settings." },
    });
    expect(paths(index, "сочетания клавиш")).toEqual(["Горячие клавиши.md"]);
    expect(paths(index, "клавиш")).toEqual(["Горячие клавиши.md"]);
  });

  it("reads a German word with an umlaut as one word, not as its letters around the umlaut", () => {
    const index = indexOf({
      "Rückerstattung.md": { body: "Die Rückerstattung dauert fünf Werktage." },
      "Ribbon.md": { body: "The ribbon runs along the left of the window and holds recent actions." },
    });
    // Before, "Rückerstattung" became "r" + "ckerstattung", and "r" matched every word starting with r.
    expect(paths(index, "Rückerstattung")).toEqual(["Rückerstattung.md"]);
    expect(paths(index, "fünf Werktage")).toEqual(["Rückerstattung.md"]);
  });

  it("finds a note by a known word inside a compound no note has", () => {
    const index = indexOf({
      "Sleep hygiene.md": { body: "Habits that help you sleep well." },
      "Sleep.md": { body: "Why we need sleep." },
    });
    // German "Schlafhygiene" (sleep hygiene): no note has it, the notes have "hygiene".
    expect(paths(index, "Schlafhygiene")).toEqual(["Sleep hygiene.md"]);
  });

  it("finds a Chinese word inside a sentence, and a note by its Chinese alias", () => {
    const index = indexOf({
      "singular value decomposition.md": { aliases: "奇异值分解 SVD", body: "A factorisation of a matrix." },
      "eigenvalues.md": { aliases: "特征值", body: "Scalars λ with Av = λv." },
      "notes.md": { body: "今天学习了奇异值分解和矩阵。" },
    });
    expect(paths(index, "特征值")).toEqual(["eigenvalues.md"]);
    expect(paths(index, "奇异值")).toEqual(expect.arrayContaining(["singular value decomposition.md", "notes.md"]));
    expect(paths(index, "奇异值")).toHaveLength(2);
  });

  it("matches accented and unaccented spellings both ways", () => {
    const index = indexOf({ "Thème sombre.md": { body: "Un thème sombre pour la nuit." }, "Dark theme.md": { body: "A dark theme for the night." } });
    expect(paths(index, "theme").sort()).toEqual(["Dark theme.md", "Thème sombre.md"]);
    expect(paths(index, "thème").sort()).toEqual(["Dark theme.md", "Thème sombre.md"]);
  });
});

describe("FullTextIndex: the description property", () => {
  it("finds a note by a word only its description has, below a note with that word in its title", () => {
    const index = indexOf({
      "Canvas.md": { description: "A visual whiteboard for notes and images.", body: "Arrange cards in two dimensions." },
      "Whiteboard.md": { body: "Draw on it." },
      "Ribbon.md": { body: "The ribbon holds recent actions." },
    });
    expect(paths(index, "whiteboard")).toEqual(["Whiteboard.md", "Canvas.md"]);
  });
});

describe("FullTextIndex: Markdown syntax, phrases and prefixes", () => {
  it("ranks the note that shows the syntax as typed above shorter ones that only have its word (search without a model)", async () => {
    const index = memoryIndex(
      new MemoryVault({
        "Reading.md": "Highlight passages while you read.",
        "Formatting syntax.md": "Make text bold with `**bold**`, and highlight it with `==highlighted text==`. Strike it with `~~text~~`.",
        "Comments.md": "Wrap a comment in `%%` to hide it from reading view.",
        "PDF.md": "Highlight and annotate PDF files.",
        "Search.md": "Matches are highlighted in the results.",
        "Themes.md": "Themes change the highlight colour.",
      }),
      null,
    );
    await index.open();
    const found = async (query: string): Promise<string[]> => (await index.searchByMeaning(query)).map((r) => r.path);
    expect((await found("==highlight=="))[0]).toBe("Formatting syntax.md");
    expect(await found("%%")).toEqual(["Comments.md"]);
    expect((await found("highlight"))[0]).not.toBe("Formatting syntax.md");
    index.dispose();
  });

  it("ranks a note with the query's words side by side above a shorter one with them scattered", () => {
    const index = indexOf({
      "Scattered.md": { body: "Notion pages are databases. Later you may import attachments." },
      "Together.md": { body: "You can import from Notion with the Importer plugin: export your workspace as HTML first, then pick its folder." },
    });
    expect(paths(index, "import from Notion")).toEqual(["Together.md", "Scattered.md"]);
  });

  it("counts the query's words as together when a word or two stands between them", () => {
    const index = indexOf({
      "Scattered.md": { body: "Notes are files. Pages sync quickly across all devices." },
      "Near.md": { body: "Sync shared notes across devices, then check what changed." },
    });
    expect(paths(index, "sync notes")).toEqual(["Near.md", "Scattered.md"]);
  });

  it("finds a note by the beginning of the last word being typed", () => {
    const index = indexOf({ "Synchronisation.md": { body: "Synchronisation keeps devices in step." }, "Other.md": { body: "Nothing related here." } });
    expect(paths(index, "keeps devi")).toEqual(["Synchronisation.md"]);
  });
});

describe("FullTextIndex: long notes in any script", () => {
  it("gives back a long note's text exactly, finds its phrases and headings, and forgets it when removed, also after a save and load", () => {
    const body = `${"Привет, мир — 日本語のテキスト, emoji 🍞 and bread. ".repeat(60)}sourdough starter recipe`;
    // Not text a file can hold (a decoder never makes a lone surrogate), but kept as it came.
    const odd = `${"A lone surrogate \ud800 in rye. ".repeat(30)}`;
    const headings = Array.from({ length: 40 }, (_, i) => `Heading number ${i} über Brot`).join(" \n ");
    const index = indexOf({ "Long.md": { body, headings }, "Odd.md": { body: odd }, "Short.md": { body: "starter" } });
    const loaded = FullTextIndex.load(JSON.parse(JSON.stringify(index.save())) as ReturnType<FullTextIndex["save"]>);
    for (const each of [index, loaded]) {
      expect(each.textOf("Long.md")).toBe(body);
      expect(each.textOf("Odd.md")).toBe(odd);
      expect(paths(each, "sourdough")).toEqual(["Long.md"]);
      expect(paths(each, "日本語")).toEqual(["Long.md"]);
      expect(paths(each, "brot")).toEqual(["Long.md"]);
      each.remove("Long.md");
      expect(paths(each, "sourdough")).toEqual([]);
      expect(paths(each, "brot")).toEqual([]);
      expect(paths(each, "starter")).toEqual(["Short.md"]);
      each.remove("Odd.md");
      expect(paths(each, "rye")).toEqual([]);
    }
  });
});

describe("FullTextIndex: tokens worked out in an extraction worker", () => {
  const notes: [string, FullTextFields][] = [
    [
      "Long.md",
      {
        title: "Long",
        aliases: "Loaf",
        headings: "Method",
        tags: "bread",
        description: "A long note.",
        body: `${"Sourdough starter and rye. ".repeat(400)}final words`,
      },
    ],
    ["Short.md", { title: "Short", aliases: "", headings: "", tags: "", body: "A short note about starter, without a description." }],
  ];

  it("builds the same index from a worker's tokens as from tokenizing here, a long note's pieces included", () => {
    const here = new FullTextIndex();
    const given = new FullTextIndex();
    for (const [path, fields] of notes) {
      here.upsert(path, fields);
      given.upsert(path, fields, fullTextTokens(fields, noteTokenizer()));
    }
    expect(fullTextDocuments(notes[0]![1]).length).toBeGreaterThan(1);
    expect(JSON.stringify(given.save())).toBe(JSON.stringify(here.save()));
    expect(given.search("final words", 10)).toEqual(here.search("final words", 10));
  });

  it("takes the tokens it is given, and tokenizes here when they do not fit the note", () => {
    const index = new FullTextIndex();
    const fields = notes[1]![1];
    const tokens = fullTextTokens(fields, noteTokenizer());
    index.upsert(
      "Given.md",
      fields,
      tokens.map((doc) => doc.map((field, f) => (f === 5 ? [...field, "zebra"] : field))),
    );
    expect(paths(index, "zebra")).toEqual(["Given.md"]);
    // Tokens for another number of pieces than the note has are not used.
    index.upsert("Misfit.md", fields, [...tokens, [[], [], [], [], [], ["okapi"]]]);
    expect(paths(index, "okapi")).toEqual([]);
    expect(paths(index, "starter").sort()).toEqual(["Given.md", "Misfit.md"]);
  });
});

describe("FullTextIndex: snippets of long notes", () => {
  it("takes a long note's snippet from the piece of its body that matched, not its beginning", async () => {
    // Several pieces of filler (BODY_PIECE_CHARS each), then the passage that has the query's words.
    const filler = "The garden needs water in the morning and shade after noon. ".repeat(200);
    const index = memoryIndex(
      new MemoryVault({
        "Long.md": `${filler}\n\nThe sourdough starter doubles overnight when the kitchen is warm.\n\n${filler}`,
        "Short.md": "Nothing about bread here.",
      }),
      null,
    );
    await index.open();
    const [hit] = await index.searchByMeaning("sourdough starter");
    expect(hit?.path).toBe("Long.md");
    expect(hit?.snippet).toMatch(/sourdough starter doubles overnight/);
    index.dispose();
  });
});
