/**
 * A usage error: an option or argument the user must fix, a missing vault or input file. The CLI
 * prints it as one line on stderr and exits 2 (command-kit's exitCodeOf maps every error).
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
