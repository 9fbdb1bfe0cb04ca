import type { SearchResult } from "../../core/index/index-types";
import type { MemoryIndex } from "../../core/index/memory-index";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import type { Output } from "../command-kit";
import type { VaultContext } from "../vault-context";
import { openIndexSession } from "./index-session";

export const LIMIT_OPTION = { limit: { type: "string" } } as const;

/** Search-like output: `--json` an array of {path, id, title, kind, score, private?} best first, else one line each. */
export function resultsOutput(results: SearchResult[]): Output {
  const json = results.map(({ path, id, title, kind, score, reasons, snippet, private: isPrivate }) => ({
    path,
    id,
    title,
    kind,
    score,
    ...(isPrivate ? { private: true } : {}),
    ...(reasons ? { reasons } : {}),
    ...(snippet ? { snippet } : {}),
  }));
  if (results.length === 0) return { json, text: "No matching notes." };
  const text = results.flatMap((result) => {
    const kind = (result.kind ? ` [${result.kind}]` : "") + (result.private ? " (private)" : "");
    const why = result.reasons?.length ? ` — ${result.reasons.join("; ")}` : "";
    return [`${result.score.toFixed(3)}  ${result.path}${kind}${why}`, ...(result.snippet ? [`       ${result.snippet}`] : [])];
  });
  return { json, text };
}

/** Opens the index, runs one query with `--limit` (or the default) and prints its results. */
export async function searchResults(
  vault: VaultContext,
  values: { model?: string; cache?: string; limit?: string },
  io: CliIo,
  defaultLimit: number,
  find: (memory: MemoryIndex, limit: number) => Promise<SearchResult[]>,
): Promise<Output> {
  const limit = limitOption(values.limit, defaultLimit);
  const session = await openIndexSession(vault, values, io);
  try {
    return resultsOutput(await find(session.memory, limit));
  } finally {
    await session.close();
  }
}

/** A positive whole number option, or the default. */
export function limitOption(raw: string | undefined, fallback: number, name = "limit"): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new CliError(`--${name} must be a whole number of at least 1, not "${raw}".`);
  return value;
}
