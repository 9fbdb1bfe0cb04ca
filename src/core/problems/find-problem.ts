import { parseWikilink } from "../codec/wikilinks";
import { InvalidInputError } from "../errors";
import { isRecordId } from "../ids";
import { AmbiguousNameError, closeNoteNames } from "../vault/note-names";
import { noteName } from "../vault/paths";
import type { VaultRecord, VaultRecords } from "../vault/records";
import type { RunningSession } from "./running-session";

/** The link target a user typed: `Ship v2`, `[[Ship v2]]`, or a vault path. */
function targetOf(name: string): string {
  const trimmed = name.trim();
  return parseWikilink(trimmed)?.target ?? trimmed;
}

/** Problem records by id, for finding a note again after its links broke. */
export function problemById(vault: VaultRecords, id: string): VaultRecord | undefined {
  return vault.records.find((record) => record.kind === "problem" && record.properties.id === id);
}

/**
 * The problem a user named by note name, link, path or id. Refuses a name that is no note, or a
 * note that is not a problem, with a message saying which.
 */
export function findProblem(vault: VaultRecords, name: string): VaultRecord {
  const target = targetOf(name);
  if (target === "") throw new InvalidInputError("Name the problem: its note name, [[link]], path or id.");
  const matches = vault.resolver.matches(target, "");
  if (matches.length > 1) {
    // A problem and, say, a daily note of the same name: the one problem is clearly the one meant.
    const problems = matches.filter((candidate) => vault.records.some((record) => record.path === candidate && record.kind === "problem"));
    if (problems.length !== 1) throw new AmbiguousNameError(target, problems.length > 1 ? problems : matches);
  }
  const path = vault.resolver.resolve(target, "");
  if (path) {
    const record = vault.records.find((candidate) => candidate.path === path);
    if (record?.kind === "problem") return record;
    // Another note may share the name (a daily note "Ship v2" outside the problems folder): a
    // single problem of that name is clearly the one meant.
    const named = vault.records.filter((candidate) => candidate.kind === "problem" && noteName(candidate.path).toLowerCase() === target.toLowerCase());
    if (named.length === 1 && named[0]) return named[0];
    const unparsed = vault.unparsed?.get(path);
    if (unparsed !== undefined) throw new InvalidInputError(`"${path}" cannot be parsed, so it was not changed: ${unparsed.replace(/[\s:.]+$/, "")}.`);
    throw new InvalidInputError(`"${path}" is not a problem note (its kind is ${record ? `"${record.kind}"` : "not set"}).`);
  }
  const byId = isRecordId(target) ? problemById(vault, target) : undefined;
  if (byId) return byId;
  const close = closeNoteNames(
    target,
    vault.records.filter((record) => record.kind === "problem").map((record) => record.path),
  );
  throw new InvalidInputError(`No problem note named "${name}".${close.length > 0 ? ` Did you mean ${close.map((n) => `"${n}"`).join(", ")}?` : ""}`);
}

/** The problem a running session belongs to: at its path, or by id if it was renamed or moved. */
export function findProblemOfSession(vault: VaultRecords, session: RunningSession): VaultRecord | undefined {
  const atPath = vault.records.find((record) => record.path === session.problemPath && record.kind === "problem");
  if (atPath) return atPath;
  return session.problemId ? problemById(vault, session.problemId) : undefined;
}
