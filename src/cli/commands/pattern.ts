import { parseArgs } from "node:util";
import type { CliIo } from "../io";
import { findPatterns } from "../../core/patterns/engine";
import { recordPatternDecision, type PatternDecision } from "../../core/patterns/pattern-note";
import { loadRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { openVault } from "../vault-context";
import { staleDaysOption, userErrors } from "./problem-args";

export const patternUsage = `lifebetter pattern confirm|dismiss KEY --vault DIR [--stale-days N] [--json]
lifebetter pattern rate KEY [--rating 1-5] [--feedback TEXT] --vault DIR [--stale-days N] [--json]
  Decides on a proposal of \`patterns\` by its key (the "key" of \`patterns --json\`), as the patterns
  view does: the first decision writes a Pattern note in the patterns folder, later ones change its
  properties. Confirmed or dismissed patterns are not proposed again; a rating does not decide.
  Prints {path, key, status, helpful, feedback} with --json.`;

const SUBCOMMANDS = ["confirm", "dismiss", "rate"] as const;
type Sub = (typeof SUBCOMMANDS)[number];

function ratingOption(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < 1 || value > 5) throw new CliError(`--rating must be a whole number from 1 to 5, not "${raw}".`);
  return value;
}

async function runPatternDecision(sub: Sub, argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      vault: { type: "string" },
      "stale-days": { type: "string" },
      rating: { type: "string" },
      feedback: { type: "string" },
      json: { type: "boolean" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || positionals[0]?.trim() === "") throw new CliError(`Give one KEY: the "key" of the pattern as \`patterns --json\` prints it.`);
  const key = (positionals[0] ?? "").trim();
  if (sub !== "rate" && (values.rating !== undefined || values.feedback !== undefined)) throw new CliError(`--rating and --feedback go with \`pattern rate\`, not \`pattern ${sub}\`.`);
  if (sub === "rate" && values.rating === undefined && values.feedback === undefined) throw new CliError("Missing --rating (1 to 5) or --feedback TEXT: what to save.");
  const decision: PatternDecision =
    sub === "rate"
      ? { ...(values.rating === undefined ? {} : { helpful: ratingOption(values.rating) }), ...(values.feedback === undefined ? {} : { feedback: values.feedback }) }
      : { status: sub === "confirm" ? "confirmed" : "dismissed" };
  const { repo, settings } = await openVault(values.vault, io);
  const staleDays = staleDaysOption(values["stale-days"], settings.staleDays);
  const vault = await loadRecords(repo, settings);
  const proposal = (await findPatterns(vault, { staleDays })).proposals.find((candidate) => candidate.key === key);
  if (!proposal) {
    const note = vault.records.find((record) => record.kind === "pattern" && record.properties.pattern_key === key);
    const status = note && typeof note.properties.status === "string" ? note.properties.status : "";
    throw new CliError(
      note && (status === "confirmed" || status === "dismissed")
        ? `The pattern "${key}" was already ${status} (${note.path}); it is no longer proposed.`
        : `No pattern "${key}" is proposed now; \`lifebetter patterns --json\` lists the keys.`,
    );
  }
  const path = await userErrors(() => recordPatternDecision(repo, settings, proposal, decision));
  const status = decision.status ?? "detected";
  const helpful = decision.helpful ?? proposal.helpful;
  const feedback = decision.feedback?.trim() ?? proposal.feedback;
  if (values.json) {
    io.out(JSON.stringify({ path, key, status, helpful: helpful ?? null, feedback: feedback ?? null }) + "\n");
  } else if (sub === "rate") {
    const what = decision.helpful === undefined ? "Feedback on" : `Rated ${decision.helpful} of 5${decision.feedback === undefined ? "" : " with feedback"}:`;
    io.out(`${what} "${proposal.name}" saved to ${path}.\n`);
  } else {
    io.out(sub === "confirm" ? `Confirmed "${proposal.name}": saved to ${path}.\n` : `Dismissed "${proposal.name}" (${path}): it will not be proposed again.\n`);
  }
  return 0;
}

/** `pattern confirm|dismiss|rate KEY …`. */
export async function runPattern(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const known = SUBCOMMANDS.find((candidate) => candidate === sub);
  if (known) return runPatternDecision(known, rest, io);
  throw new CliError(sub && !sub.startsWith("-") ? `Unknown pattern subcommand "${sub}"; use: pattern confirm, pattern dismiss, pattern rate.` : "Missing subcommand: pattern confirm, dismiss or rate.");
}
