/**
 * A copy of `text` that holds no reference to a larger string. V8 keeps a substring of 13 or more
 * characters (a regex match, a `slice`, a YAML scalar, an unchanged `trim` or `toLowerCase` of
 * one) as a view into its parent, so one long word kept from a note keeps the whole note alive.
 * The index keeps words and names of every note for as long as it runs: measured on a 40k-note
 * vault, those views held most of the note texts in memory after they were indexed.
 */
export function ownString(text: string): string {
  // Shorter substrings are copied by V8 already. JSON's parser makes a flat string of its own;
  // `(" " + text).slice(1)` made a copy plus a 32-byte view into it (winrt-api: 322k views, 10 MiB).
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** The record with every string in it (arrays and plain objects included) made its own. */
export function ownStrings<T>(value: T): T {
  if (typeof value === "string") return ownString(value) as T;
  if (Array.isArray(value)) return value.map(ownStrings) as T;
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = ownStrings(inner);
    return copy as T;
  }
  return value;
}

/**
 * One copy of each name many records share (link targets, tags, telling terms): 40k API notes
 * linking the same few hundred types kept a copy per link, most of the records' memory.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    const own = ownString(text);
    this.strings.set(own, own);
    return own;
  }

  /** The record with its repeated names taken from the pool (in place). */
  internRecord<R extends { links: string[]; tags: string[]; terms: string[] }>(record: R): R {
    const intern = (text: string): string => this.intern(text);
    record.links = record.links.map(intern);
    record.tags = record.tags.map(intern);
    record.terms = record.terms.map(intern);
    return record;
  }
}
