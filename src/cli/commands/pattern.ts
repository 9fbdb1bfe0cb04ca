import { findPatterns } from "../../core/patterns/engine";
import { recordPatternDecision, type PatternDecision } from "../../core/patterns/pattern-note";
import { loadRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { textProperty } from "../../core/schema/property-readers";
import { RATING_1_TO_5 } from "../../core/schema/values";
import { numberOption } from "../option-values";
import { defineCommand, defineSubcommands, type Command } from "../command-kit";
import { STALE_DAYS_OPTION, staleDaysOption } from "./problem-args";

export const patternUsage = `lifebetter pattern confirm|dismiss KEY --vault DIR [--stale-days N] [--json]
lifebetter pattern rate KEY [--rating 1-5] [--feedback TEXT] --vault DIR [--stale-days N] [--json]
  Decides on a proposal of \`patterns\` by its key (the "key" of \`patterns --json\`), as the patterns
  view does: the first decision writes a Pattern note in the patterns folder, later ones change its
  properties. Confirmed or dismissed patterns are not proposed again; a rating does not decide.
  Prints {path, key, status, helpful, feedback} with --json.`;

const SUBCOMMANDS = ["confirm", "dismiss", "rate"] as const;
type Sub = (typeof SUBCOMMANDS)[number];

const patternDecisionCommand = (sub: Sub): Command =>
  defineCommand({
    usage: patternUsage,
    options: { ...STALE_DAYS_OPTION, rating: { type: "string" }, feedback: { type: "string" } },
    positionals: true,
    run: async ({ values, positionals }, { repo, settings }) => {
      if (positionals.length !== 1 || positionals[0]?.trim() === "")
        throw new CliError(`Give one KEY: the "key" of the pattern as \`patterns --json\` prints it.`);
      const key = (positionals[0] ?? "").trim();
      if (sub !== "rate" && (values.rating !== undefined || values.feedback !== undefined))
        throw new CliError(`--rating and --feedback go with \`pattern rate\`, not \`pattern ${sub}\`.`);
      if (sub === "rate" && values.rating === undefined && values.feedback === undefined)
        throw new CliError("Missing --rating (1 to 5) or --feedback TEXT: what to save.");
      const decision: PatternDecision =
        sub === "rate"
          ? {
              ...(values.rating === undefined ? {} : { helpful: numberOption("rating", values.rating, RATING_1_TO_5) }),
              ...(values.feedback === undefined ? {} : { feedback: values.feedback }),
            }
          : { status: sub === "confirm" ? "confirmed" : "dismissed" };
      const staleDays = staleDaysOption(values["stale-days"], settings.staleDays);
      const vault = await loadRecords(repo, settings);
      const proposal = (await findPatterns(vault, { staleDays })).proposals.find((candidate) => candidate.key === key);
      if (!proposal) {
        const note = vault.records.find((record) => record.kind === "pattern" && record.properties.pattern_key === key);
        const status = note ? (textProperty(note.properties, "status") ?? "") : "";
        throw new CliError(
          note && (status === "confirmed" || status === "dismissed")
            ? `The pattern "${key}" was already ${status} (${note.path}); it is no longer proposed.`
            : `No pattern "${key}" is proposed now; \`lifebetter patterns --json\` lists the keys.`,
        );
      }
      const path = await recordPatternDecision(repo, settings, proposal, decision);
      const status = decision.status ?? "detected";
      const helpful = decision.helpful ?? proposal.helpful;
      const feedback = decision.feedback?.trim() ?? proposal.feedback;
      const rated =
        decision.helpful === undefined ? "Feedback on" : `Rated ${decision.helpful} of 5${decision.feedback === undefined ? "" : " with feedback"}:`;
      const text =
        sub === "rate"
          ? `${rated} "${proposal.name}" saved to ${path}.`
          : sub === "confirm"
            ? `Confirmed "${proposal.name}": saved to ${path}.`
            : `Dismissed "${proposal.name}" (${path}): it will not be proposed again.`;
      return { json: { path, key, status, helpful: helpful ?? null, feedback: feedback ?? null }, text };
    },
  });

/** `pattern confirm|dismiss|rate KEY …`. */
export const patternCommand = defineSubcommands("pattern", Object.fromEntries(SUBCOMMANDS.map((sub) => [sub, patternDecisionCommand(sub)])), patternUsage);
