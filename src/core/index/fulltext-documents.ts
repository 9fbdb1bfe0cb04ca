import type { FullTextFields, FullTextTokens } from "./note-record";
import type { NoteTokenizer } from "./tokenizer";

/**
 * Long bodies are stored as several Orama documents of at most this many characters (the first one
 * also holds title, aliases, headings and tags); a note's score is its best piece's score. This was
 * needed because Orama's own index counts term frequencies in O(tokens²) (a 50 KB note took
 * seconds); compactIndex no longer does, and the pieces stay so that ranking is unchanged.
 */
export const BODY_PIECE_CHARS = 3000;

/** The full-text fields, in the order a note's tokens list them. */
export const FULL_TEXT_FIELDS = ["title", "aliases", "headings", "tags", "description", "body"] as const;

/** Cuts a body into pieces of at most BODY_PIECE_CHARS, at whitespace where possible. */
function bodyPieces(body: string): string[] {
  const pieces: string[] = [];
  let rest = body;
  while (rest.length > BODY_PIECE_CHARS) {
    const space = rest.lastIndexOf(" ", BODY_PIECE_CHARS);
    const cut = space > BODY_PIECE_CHARS / 2 ? space : BODY_PIECE_CHARS;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** The Orama documents of a note: the first holds its fields and the body's first piece, the rest one piece each. */
export function fullTextDocuments(fields: FullTextFields): FullTextFields[] {
  return bodyPieces(fields.body).map((body, i) => (i === 0 ? { ...fields, body } : { title: "", aliases: "", headings: "", tags: "", description: "", body }));
}

/**
 * The tokens the index would make of a note's documents (the same tokenizer as the index's, so the
 * same tokens), for an extraction worker to send along: tokenizing was ~1 s of the thread that
 * fills the index in a 13,415-note first index, while the worker waited for work.
 */
export function fullTextTokens(fields: FullTextFields, tokenizer: NoteTokenizer): FullTextTokens {
  return fullTextDocuments(fields).map((doc) => FULL_TEXT_FIELDS.map((field) => tokenizer.tokenize(doc[field] ?? "")));
}
