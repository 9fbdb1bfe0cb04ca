import type { SearchResult } from "../../core/index/index-types";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";

/** Search-like output: `--json` an array of {path, id, title, kind, score, private?} best first, else one line each. */
export function printResults(results: SearchResult[], json: boolean | undefined, io: CliIo): void {
  if (json) {
    io.out(JSON.stringify(results.map(({ path, id, title, kind, score, reasons, snippet, private: isPrivate }) => ({ path, id, title, kind, score, ...(isPrivate ? { private: true } : {}), ...(reasons ? { reasons } : {}), ...(snippet ? { snippet } : {}) }))) + "\n");
    return;
  }
  if (results.length === 0) {
    io.out("No matching notes.\n");
    return;
  }
  for (const result of results) {
    const kind = (result.kind ? ` [${result.kind}]` : "") + (result.private ? " (private)" : "");
    const why = result.reasons?.length ? ` — ${result.reasons.join("; ")}` : "";
    io.out(`${result.score.toFixed(3)}  ${result.path}${kind}${why}\n`);
    if (result.snippet) io.out(`       ${result.snippet}\n`);
  }
}

/** A positive whole number option, or the default. */
export function limitOption(raw: string | undefined, fallback: number, name = "limit"): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new CliError(`--${name} must be a whole number of at least 1, not "${raw}".`);
  return value;
}
