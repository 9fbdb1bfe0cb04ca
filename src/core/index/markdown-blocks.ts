import markdownIt, { type MarkdownIt, type Token } from "markdown-it";

/**
 * A CommonMark body read into the blocks the index needs (its top-level headings and the raw text
 * between them) from markdown-it's tokens. Why not remark here, when remark reads every other
 * Markdown in LifeBetter: on a 13,415-note real vault micromark (remark's parser) took ~6 s of
 * a first full-text index's ~8 s in its worker, markdown-it ~0.5 s for the same notes. Records keep
 * remark's tree (note-sections.ts: their sessions table), and so does every write.
 * The text is what `mdast-util-from-markdown` + `plainText` (note-sections.ts) gives, node for node
 * (tested against it on real vaults), except that inline code's line endings are spaces, as
 * CommonMark says they are: text, inline code and code blocks as written, character references and
 * escapes decoded, link labels kept and their destinations dropped, images, HTML and definitions
 * dropped; a paragraph, heading, list item, hard break and code block end in a newline.
 */

/** A top-level heading (its text, without the trailing newline) or the raw text of the blocks up to the next one. */
export interface OutlineBlock {
  /** The heading's level, or 0 for the text between headings. */
  depth: number;
  text: string;
}

/** What a text run found: the `text` node values mdast would hold, one call per node. */
export type TextNodeVisitor = (value: string) => void;

/**
 * How deep blocks and inlines may nest before markdown-it stops reading inside them (what lies
 * deeper is left out; what follows is read). Its CommonMark preset stops at 20, which would drop a
 * deeply quoted note's text; remark has no limit, and no real note comes near 1,000.
 */
const MAX_NESTING = 1000;

/** One parser for every note (its link definitions live in each parse's own `env`, never the next note's). */
let parser: MarkdownIt | null = null;

function markdownParser(): MarkdownIt {
  if (parser) return parser;
  parser = markdownIt("commonmark", { maxNesting: MAX_NESTING });
  // Nothing is rendered, so no destination is unsafe: a `file:` or `data:` image is still an image
  // (markdown-it would read a link it deems unsafe as text, and index its URL).
  parser.validateLink = () => true;
  return parser;
}

const CONTAINERS = new Set(["blockquote_open", "bullet_list_open", "ordered_list_open"]);
const CONTAINERS_CLOSE = new Set(["blockquote_close", "bullet_list_close", "ordered_list_close"]);

/** A code block's value as mdast holds it: without the line ending that closes its last line. */
function codeValue(content: string): string {
  return content.endsWith("\n") ? content.slice(0, -1) : content;
}

/**
 * Reads a CommonMark body into its top-level headings and the raw text of what lies between them,
 * calling `onText` with every text node's value (where wikilinks are looked for).
 * `keepCode(lang)` says whether a code block's text is read (query and drawing blocks are not).
 */
export function outlineBlocks(markdown: string, onText: TextNodeVisitor, keepCode: (lang: string) => boolean): OutlineBlock[] {
  const tokens = markdownParser().parse(markdown, {});
  const blocks: OutlineBlock[] = [];
  let out: string[] = [];
  let containers = 0;
  let headingDepth = 0;

  /** An inline's text into `out`; a text node runs on across soft line endings, as in mdast. */
  const inline = (children: readonly Token[]): void => {
    let run = "";
    const endRun = (): void => {
      if (run === "") return;
      onText(run);
      out.push(run);
      run = "";
    };
    for (const child of children) {
      switch (child.type) {
        case "text":
          run += child.content;
          break;
        case "softbreak":
          run += "\n";
          break;
        case "hardbreak":
          endRun();
          out.push("\n");
          break;
        case "code_inline":
          endRun();
          out.push(child.content);
          break;
        default:
          // Emphasis, links and their ends split text nodes; images (alt included) and HTML say nothing.
          endRun();
          break;
      }
    }
    endRun();
  };

  for (const token of tokens) {
    switch (token.type) {
      case "inline":
        inline(token.children ?? []);
        break;
      case "heading_open":
        if (containers === 0) {
          blocks.push({ depth: 0, text: out.join("") });
          out = [];
          headingDepth = Number(token.tag.slice(1)) || 1;
        }
        break;
      case "heading_close":
        if (containers > 0) out.push("\n");
        else {
          blocks.push({ depth: headingDepth, text: out.join("") });
          out = [];
        }
        break;
      case "paragraph_close":
        out.push("\n");
        break;
      case "list_item_open":
        // mdast's list item ends in a newline; here it starts with one (the same once whitespace is folded).
        out.push("\n");
        break;
      case "fence":
        if (keepCode(token.info.trim().split(/\s/, 1)[0] ?? "")) out.push("\n" + codeValue(token.content) + "\n");
        break;
      case "code_block":
        if (keepCode("")) out.push("\n" + codeValue(token.content) + "\n");
        break;
      default:
        if (CONTAINERS.has(token.type)) containers++;
        else if (CONTAINERS_CLOSE.has(token.type)) containers--;
        break;
    }
  }
  blocks.push({ depth: 0, text: out.join("") });
  return blocks;
}
