import { parse, postprocess, preprocess } from "micromark";
import { decodeString } from "micromark-util-decode-string";

/**
 * A CommonMark body read straight from micromark's events into the blocks the index needs (its
 * top-level headings and the raw text between them), without building an mdast tree: for the index
 * the tree was a third of remark's time and most of its garbage (measured on a 13,000-note vault).
 * The text is what `mdast-util-from-markdown` + `plainText` (note-sections.ts) would give, node for
 * node (tested against it on real vaults): text, inline code and code blocks as written, character
 * references and escapes decoded, link labels kept and their destinations dropped, images, HTML and
 * definitions dropped; a paragraph, heading, list item, hard break and code block end in a newline.
 */

/** A top-level heading (its text, without the trailing newline) or the raw text of the blocks up to the next one. */
export interface OutlineBlock {
  /** The heading's level, or 0 for the text between headings. */
  depth: number;
  text: string;
}

/** What a text run found: the `text` node values mdast would hold, one call per node. */
export type TextNodeVisitor = (value: string) => void;

type Event = [kind: "enter" | "exit", token: { type: string }, context: { sliceSerialize(token: { type: string }): string }];

/** Tokens whose content is no part of the text: HTML, images (alt included), definitions, a link's destination or reference. */
const SKIPPED = new Set(["htmlFlow", "htmlText", "image", "definition", "resource", "reference", "codeFencedFenceMeta"]);
/** Tokens that are an mdast node of their own (or a buffer): a text node ends where one starts or ends. */
const NODES = new Set([
  "paragraph",
  "atxHeading",
  "setextHeading",
  "emphasis",
  "strong",
  "link",
  "label",
  "autolink",
  "codeText",
  "blockQuote",
  "listOrdered",
  "listUnordered",
  "codeFenced",
  "codeIndented",
  "thematicBreak",
  "hardBreakEscape",
  "hardBreakTrailing",
]);
/** Tokens whose value is text, as `onexitdata` reads it. */
const DATA = new Set(["data", "characterEscapeValue", "codeTextData", "codeFlowValue", "autolinkProtocol", "autolinkEmail"]);
/** Nodes in which a line ending is text (mdast's `canContainEols`; a label and inline code are buffers, `fragment`). */
const HOLDS_EOLS = new Set(["emphasis", "strong", "paragraph", "atxHeading", "setextHeading", "label", "codeText"]);

/**
 * One parser for every note: micromark's `parse()` combines its constructs afresh on each call
 * (`combineExtensions`, ~6% of reading a 13,000-note vault). What a parse leaves behind in the
 * parser is reset before the next one: the link definitions it found (`defined`, so a note never
 * sees another note's `[x]: url`) and which lines were lazy continuations (`lazy`, by line number).
 */
let parser: ReturnType<typeof parse> | null = null;

function documentTokenizer(): ReturnType<ReturnType<typeof parse>["document"]> {
  parser ??= parse();
  parser.defined = [];
  parser.lazy = {};
  return parser.document();
}

/**
 * Reads a CommonMark body into its top-level headings and the raw text of what lies between them,
 * calling `onText` with every text node's value (where wikilinks are looked for).
 * `keepCode(lang)` says whether a code block's text is read (query and drawing blocks are not).
 */
export function outlineBlocks(markdown: string, onText: TextNodeVisitor, keepCode: (lang: string) => boolean): OutlineBlock[] {
  const chunks = preprocess()(markdown, undefined, true);
  const document = documentTokenizer();
  // eslint-disable-next-line no-unsanitized/method -- micromark's tokenizer, not the DOM's document.write: nothing is rendered
  const events = postprocess(document.write(chunks)) as unknown as Event[];
  const blocks: OutlineBlock[] = [];
  let out: string[] = [];
  let run = "";
  let skip = 0;
  let containers = 0;
  /** Node types open around the current event, innermost last. */
  const nodes: string[] = [];
  /** Text gathered for a code block, inline code or a fence's info string (mdast's `buffer()`), innermost last. */
  const captures: string[][] = [];
  let codeLang = "";
  let fenceSeen = false;
  let atHardBreak = false;
  let slurpLineEnding = false;
  let headingDepth = 0;

  const endRun = (): void => {
    if (run === "") return;
    onText(run);
    out.push(run);
    run = "";
  };
  const text = (value: string): void => {
    const capture = captures[captures.length - 1];
    if (capture) capture.push(value);
    else run += value;
  };
  const endSection = (): void => {
    blocks.push({ depth: 0, text: out.join("") });
    out = [];
  };

  for (const [kind, token, context] of events) {
    const type = token.type;
    if (skip > 0) {
      if (SKIPPED.has(type)) skip += kind === "enter" ? 1 : -1;
      continue;
    }
    if (kind === "enter") {
      if (SKIPPED.has(type)) {
        endRun();
        skip++;
        continue;
      }
      if (NODES.has(type)) {
        endRun();
        nodes.push(type);
        if (type === "blockQuote" || type === "listOrdered" || type === "listUnordered") containers++;
        else if ((type === "atxHeading" || type === "setextHeading") && containers === 0) {
          endSection();
          headingDepth = 0;
        } else if (type === "codeText" || type === "codeIndented") captures.push([]);
        else if (type === "codeFenced") {
          codeLang = "";
          fenceSeen = false;
        }
      } else if (type === "codeFencedFenceInfo") captures.push([]);
      else if (type === "listItemPrefix") {
        // mdast's list item ends in a newline; here it starts with one (the same once whitespace is folded).
        endRun();
        out.push("\n");
      }
      continue;
    }
    // exit
    if (DATA.has(type)) {
      text(context.sliceSerialize(token));
    } else if (type === "characterReference") {
      text(decodeString(context.sliceSerialize(token)));
    } else if (type === "lineEnding") {
      const capture = captures[captures.length - 1];
      if (capture && (nodes[nodes.length - 1] !== "codeFenced" || fenceSeen)) capture.push(context.sliceSerialize(token));
      else if (atHardBreak) atHardBreak = false;
      else if (!slurpLineEnding && HOLDS_EOLS.has(nodes[nodes.length - 1] ?? "")) text(context.sliceSerialize(token));
    } else if (type === "codeFencedFenceInfo") {
      codeLang = (captures.pop() ?? []).join("");
    } else if (type === "codeFencedFence") {
      // The opening fence's end starts the code's text (mdast's `flowCodeInside`).
      if (!fenceSeen) captures.push([]);
      fenceSeen = true;
    } else if (type === "atxHeadingSequence") {
      if (headingDepth === 0) headingDepth = context.sliceSerialize(token).length;
    } else if (type === "setextHeadingLineSequence") {
      headingDepth = context.sliceSerialize(token).startsWith("=") ? 1 : 2;
    } else if (type === "setextHeadingText") {
      slurpLineEnding = true;
    } else if (NODES.has(type)) {
      endRun();
      nodes.pop();
      switch (type) {
        case "blockQuote":
        case "listOrdered":
        case "listUnordered":
          containers--;
          break;
        case "paragraph":
          out.push("\n");
          break;
        case "hardBreakEscape":
        case "hardBreakTrailing":
          out.push("\n");
          atHardBreak = true;
          break;
        case "codeText":
          out.push((captures.pop() ?? []).join(""));
          break;
        case "codeIndented": {
          const value = (captures.pop() ?? []).join("").replace(/(\r?\n|\r)$/g, "");
          if (keepCode("")) out.push("\n" + value + "\n");
          break;
        }
        case "codeFenced": {
          const value = fenceSeen ? (captures.pop() ?? []).join("").replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, "") : "";
          if (keepCode(codeLang)) out.push("\n" + value + "\n");
          break;
        }
        case "atxHeading":
        case "setextHeading":
          slurpLineEnding = false;
          if (containers > 0) out.push("\n");
          else {
            blocks.push({ depth: headingDepth || 1, text: out.join("") });
            out = [];
          }
          break;
        default:
          break;
      }
    }
  }
  endRun();
  endSection();
  return blocks;
}
