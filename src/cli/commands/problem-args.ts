import { CliError } from "../cli-error";

/** The problem's note, as the commands that change one name it. */
export const PROBLEM_OPTION = { problem: { type: "string", required: "the problem's note name, [[link]], path or id." } } as const;

/** `a;b;c` → ["a", "b", "c"]: list answers are split on semicolons, since commas occur in sentences. */
export function semicolonList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export const STALE_DAYS_OPTION = { "stale-days": { type: "string" } } as const;

/** `--stale-days N` as a number of days (at least 1), or the vault's "Stale after (days)" setting when absent. */
export function staleDaysOption(raw: string | undefined, setting: number): number {
  if (raw === undefined) return setting;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new CliError(`--stale-days must be a whole number of days of at least 1, not "${raw}".`);
  return days;
}
