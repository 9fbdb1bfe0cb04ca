import { InvalidInputError } from "../../core/errors";
import { CliError } from "../cli-error";

/** Runs a core call, turning input the core refuses into a usage error (exit 2, one line). */
export async function userErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CliError(error.message);
    throw error;
  }
}

/** `a;b;c` → ["a", "b", "c"]: list answers are split on semicolons, since commas occur in sentences. */
export function semicolonList(raw: string | undefined): string[] {
  return (raw ?? "").split(";").map((item) => item.trim()).filter((item) => item !== "");
}

/** `--stale-days N` as a number of days (at least 1), or the vault's "Stale after (days)" setting when absent. */
export function staleDaysOption(raw: string | undefined, setting: number): number {
  if (raw === undefined) return setting;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new CliError(`--stale-days must be a whole number of days of at least 1, not "${raw}".`);
  return days;
}
