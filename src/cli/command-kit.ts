import { parseArgs } from "node:util";
import { InvalidInputError, NoteParseError, UnusableFileError, errorMessage } from "../core/errors";
import { CliError } from "./cli-error";
import type { CliIo } from "./io";
import { openVault, type VaultContext } from "./vault-context";
import { vaultArgument, vaultRelative } from "./vault-relative";

/** One option of a command; `--vault DIR` and `--json` are every command's and added by the kit. */
export interface OptionSpec {
  type: "string" | "boolean";
  /** Repeatable (`--kind a --kind b`): its value is the list, empty when not given. */
  multiple?: boolean;
  /** Required: what it is, printed after "Missing --name: " when it is not given. */
  required?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S["type"] extends "boolean" ? boolean : S["multiple"] extends true ? string[] : string;

/** Booleans are false and lists empty when not given; other strings undefined unless required. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K] extends { type: "boolean" } | { multiple: true } | { required: string } ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
};

export interface CommandArgs<O extends OptionSpecs> {
  values: OptionValues<O> & { json: boolean };
  positionals: string[];
}

/** What a command prints: JSON with `--json`, else the text (lines joined). */
export interface Output {
  json: unknown;
  text: string | readonly string[];
  /** 1 when part of the work failed and stderr said which; 0 otherwise. */
  exitCode?: number;
}

export interface CommandSpec<O extends OptionSpecs> {
  usage: string;
  options: O;
  /** Whether words other than options are taken (note names, files, a query); refused otherwise. */
  positionals?: boolean;
  /** Runs with the options parsed, required ones present and the vault open; returns what to print or the exit code. */
  run: (args: CommandArgs<O>, vault: VaultContext, io: CliIo) => Promise<Output | number>;
}

/** A command as the COMMANDS table of run-cli holds it. */
export interface Command {
  usage: string;
  /** The subcommand words (`problem new|solve|milestone`), when it has them. */
  subcommands?: readonly string[];
  run: (argv: string[], io: CliIo) => Promise<number>;
}

function parseOptions<O extends OptionSpecs>(spec: CommandSpec<O>, argv: string[]): { args: CommandArgs<O>; vault: string | undefined } {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = { vault: { type: "string" }, json: { type: "boolean" } };
  for (const [name, option] of Object.entries(spec.options)) options[name] = { type: option.type, ...(option.multiple ? { multiple: true } : {}) };
  const parsed = parseArgs({ args: argv, options, allowPositionals: spec.positionals === true, strict: true });
  const raw = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const values: Record<string, unknown> = { json: raw.json === true };
  for (const [name, option] of Object.entries(spec.options)) {
    const value = raw[name];
    values[name] = option.type === "boolean" ? value === true : option.multiple ? (value ?? []) : value;
  }
  const vault = typeof raw.vault === "string" ? raw.vault : undefined;
  return { args: { values: values as CommandArgs<O>["values"], positionals: parsed.positionals }, vault };
}

/** A required option left out is a usage error, reported after a missing vault. */
function checkRequired(options: OptionSpecs, values: Record<string, unknown>): void {
  for (const [name, option] of Object.entries(options)) {
    if (option.required !== undefined && values[name] === undefined) throw new CliError(`Missing --${name}: ${option.required}`);
  }
}

/** Prints a command's output: JSON on one line with `--json`, else its text. */
export function printOutput(output: Output, json: boolean, io: CliIo): number {
  if (json) io.out(JSON.stringify(output.json) + "\n");
  else {
    const text = typeof output.text === "string" ? output.text : output.text.join("\n");
    if (text !== "") io.out(text.endsWith("\n") ? text : text + "\n");
  }
  return output.exitCode ?? 0;
}

/**
 * A command from its options, usage and `run`: the kit parses the options (an unknown one is a usage
 * error), opens the vault (a missing one is reported first), checks the required options, runs it and
 * prints its output.
 */
export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  return {
    usage: spec.usage,
    run: async (argv, io) => {
      const { args, vault: dir } = parseOptions(spec, argv);
      const vault = await openVault(dir, io);
      checkRequired(spec.options, args.values);
      const result = await spec.run(args, vault, io);
      return typeof result === "number" ? result : printOutput(result, args.values.json, io);
    },
  };
}

function wordList(words: readonly string[]): string {
  return words.length === 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1) ?? ""}`;
}

/** A command made of subcommands (`problem new …`): the first word picks one. */
export function defineSubcommands(name: string, subcommands: Record<string, Command>, usage?: string): Command {
  const words = Object.keys(subcommands);
  return {
    usage:
      usage ??
      Object.values(subcommands)
        .map((command) => command.usage)
        .join("\n\n"),
    subcommands: words,
    run: (argv, io) => {
      const [sub, ...rest] = argv;
      const command = sub === undefined ? undefined : subcommands[sub];
      if (command) return command.run(rest, io);
      const choices = words.map((word) => `${name} ${word}`);
      throw new CliError(
        sub && !sub.startsWith("-")
          ? `Unknown ${name} subcommand "${sub}"; use ${wordList(choices.map((choice) => `"${choice}"`))}.`
          : `Missing subcommand: ${wordList(choices)}.`,
      );
    },
  };
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

/**
 * The one place errors become exit codes (README, "Command line"): 2 for a usage error, a missing
 * vault or input file, and input the user must fix (a value out of range, a note that is not there or
 * not of the kind named); 1 for a note or file that exists but could not be used or changed (one
 * whose properties cannot be parsed is never rewritten), and for anything unexpected.
 */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CliError || isParseArgsError(error)) return 2;
  if (error instanceof NoteParseError || error instanceof UnusableFileError) return 1;
  if (error instanceof InvalidInputError) return 2;
  return 1;
}

/** Runs a command and reports its error as one line on stderr (the usage too for an option error). */
export async function runCommand(name: string, command: Command, argv: string[], io: CliIo): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    const message = vaultRelative(errorMessage(error), vaultArgument(argv));
    io.err(`lifebetter ${name}: ${message}\n${isParseArgsError(error) ? `\n${command.usage}\n` : ""}`);
    // A stack trace only when asked for: users get the message, bug reports the trace.
    if (process.env.LIFEBETTER_DEBUG && error instanceof Error && error.stack && !(error instanceof CliError)) io.err(`${error.stack}\n`);
    return exitCodeOf(error);
  }
}
