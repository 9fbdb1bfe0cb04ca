/** Errors the core raises with a message meant for the user, never a stack trace. */

/** A note that could not be read as text: gone, unreadable, or not UTF-8. */
export class NoteReadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: "missing" | "encoding" | "io",
    message: string,
  ) {
    super(message);
    this.name = "NoteReadError";
  }
}

/** A note whose frontmatter cannot be parsed: it is reported and never rewritten. */
export class NoteParseError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "NoteParseError";
  }
}

/** A create that would overwrite an existing file. */
export class NoteExistsError extends Error {
  constructor(readonly path: string) {
    super(`"${path}" already exists; LifeBetter never overwrites a note.`);
    this.name = "NoteExistsError";
  }
}

/** Input a user typed that LifeBetter refuses (unknown type, mood 11, …). */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidInputError";
  }
}

/**
 * A note or file that exists but cannot be used as it is: another kind of record where a note would
 * be written, a template or export whose content cannot be read. It is left unchanged; the message
 * says what to fix. An InvalidInputError too, so views show its message as they show other refusals.
 */
export class UnusableFileError extends InvalidInputError {
  constructor(message: string) {
    super(message);
    this.name = "UnusableFileError";
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
