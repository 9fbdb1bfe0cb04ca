import { parseArgs } from "node:util";
import { momentFormat } from "../../adapters/node/moment-format";
import { InvalidInputError } from "../../core/errors";
import { openReflection, type OpenedReflection } from "../../core/reflection/open-reflection";
import { readPeriodicConfigs } from "../../core/reflection/periodic-config";
import { isOpenablePeriod, OPENABLE_PERIODS } from "../../core/reflection/periods";
import { describeSync } from "../../core/reflection/sync-report";
import { dayOf } from "../../core/review/days";
import { isIsoDate } from "../../core/schema/values";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { openVault, vaultFileReader } from "../vault-context";

export const reflectUsage = `lifebetter reflect --vault DIR --period daily|weekly|monthly [--date YYYY-MM-DD] [--json]
  Creates the period's reflection where the vault's daily (weekly, monthly) notes live, as the
  plugin does, or updates it: answers under the prompt headings and their list properties are
  brought in step (nothing is dropped). --date defaults to today (local time).`;

function jsonResult(opened: OpenedReflection): unknown {
  const { range } = opened.location;
  return {
    path: opened.path,
    created: opened.created,
    converted: opened.converted,
    period: range.period,
    date: range.day,
    period_start: range.start,
    period_end: range.end,
    periodic_note: opened.location.periodicPath,
    linked_from: opened.linkedFrom ?? null,
    prompts: opened.sync.prompts.map((outcome) => ({
      heading: outcome.prompt.heading,
      property: outcome.prompt.property,
      state: outcome.state,
      added_to_body: outcome.addedToBody,
      removed_from_body: outcome.removedFromBody,
      kept: outcome.kept,
    })),
  };
}

export async function runReflect(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: "string" }, period: { type: "string" }, date: { type: "string" }, json: { type: "boolean" } },
    strict: true,
  });
  const period = values.period ?? "daily";
  if (!isOpenablePeriod(period)) throw new CliError(`--period must be one of ${OPENABLE_PERIODS.join(", ")}, not "${period}".`);
  const day = values.date?.trim() ?? dayOf(new Date());
  if (!isIsoDate(day)) throw new CliError(`--date must be a date like 2026-11-24, not "${values.date ?? ""}".`);
  const vault = await openVault(values.vault, io);
  const configs = await readPeriodicConfigs(vaultFileReader(vault.root), vault.configDir, vault.settings);
  try {
    const opened = await openReflection({ repo: vault.repo, settings: vault.settings, configs, format: momentFormat, now: new Date() }, period, day);
    if (values.json) {
      io.out(JSON.stringify(jsonResult(opened)) + "\n");
    } else {
      const verb = opened.created ? "Created" : opened.converted ? "Added the reflection to" : "Updated";
      const lines = [`${verb} ${opened.path} (${period}, ${opened.location.range.start} to ${opened.location.range.end})`];
      if (opened.linkedFrom) lines.push(`Linked from ${opened.linkedFrom}`);
      lines.push(...describeSync(opened.sync));
      io.out(lines.join("\n") + "\n");
    }
    return 0;
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CliError(error.message, 1);
    throw error;
  }
}
