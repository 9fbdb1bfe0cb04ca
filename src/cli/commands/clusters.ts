import { compileFilter } from "../../core/index/note-filter";
import { resolveNote } from "../../core/index/resolve-note";
import { isRecordKind } from "../../core/schema/kinds";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE, openIndexSession } from "../index/index-session";
import { limitOption } from "../index/print-results";

export const clustersUsage = `lifebetter clusters --vault DIR [--k N] [--kind KIND] [--type TYPE] [NOTE …] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Groups the notes (or the NOTEs given, or those of a kind and entry type: --kind entry --type question)
  into N clusters (default 8), each labelled by its telling terms.
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

export const clustersCommand = defineCommand({
  usage: clustersUsage,
  options: { ...INDEX_OPTIONS, ...PRIVATE_OPTION, k: { type: "string" }, kind: { type: "string" }, type: { type: "string" } },
  positionals: true,
  run: async ({ values, positionals }, vault, io) => {
    const k = limitOption(values.k, 8, "k");
    if (values.kind !== undefined && !isRecordKind(values.kind))
      throw new CliError(`--kind must be a LifeBetter kind (entry, problem, meta-skill, …), not "${values.kind}".`);
    const session = await openIndexSession(vault, values, io);
    const filter = compileFilter({ kind: values.kind, type: values.type });
    let refs = positionals;
    if (filter) {
      // Only the notes of the kind and type (among the NOTEs given, if any): clustered by their paths.
      const given = new Set(positionals);
      refs = [...session.memory.index.notes.values()]
        .filter((note) => filter(note.record) && (given.size === 0 || given.has(note.record.path) || given.has(note.record.title)))
        .map((note) => note.record.path);
    }
    const index = session.memory.index;
    let narrowed = filter !== null;
    if (!values["include-private"] && [...index.notes.values()].some((note) => note.record.private)) {
      // Private notes are left out (of every note when none were named), as in search and similar.
      refs = (narrowed || refs.length > 0 ? refs : [...index.notes.keys()]).filter((ref) => !resolveNote(index, ref)?.record.private);
      narrowed = true;
    }
    const clusters = narrowed && refs.length === 0 ? [] : session.memory.detectClusters(refs, k);
    await session.close();
    const text = clusters.length === 0 ? ["No notes to cluster."] : [];
    for (const cluster of clusters) {
      text.push(`${cluster.label || "(no telling terms)"} — ${cluster.notes.length} notes`);
      for (const note of cluster.notes.slice(0, 5)) text.push(`  ${note.score.toFixed(3)}  ${note.path}`);
      if (cluster.notes.length > 5) text.push(`  … and ${cluster.notes.length - 5} more`);
    }
    // Centroids stay out of the JSON: hundreds of numbers per cluster that no script reads.
    return { json: clusters.map(({ label, terms, notes }) => ({ label, terms, size: notes.length, notes })), text };
  },
});
