import { defineCommand } from "../command-kit";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, openIndexSession } from "../index/index-session";

export const indexUsage = `lifebetter index --vault DIR [--model DIR|ID] [--cache DIR] [--json]
  Builds or updates the search index of every note (full text, and vectors when a model is loaded)
  and prints {notes, chunks, embedded, reused, ms}; "embedded" counts embeddings computed in this run.
${INDEX_OPTIONS_USAGE}`;

export const indexCommand = defineCommand({
  usage: indexUsage,
  options: INDEX_OPTIONS,
  run: async ({ values }, vault, io) => {
    const started = Date.now();
    const session = await openIndexSession(vault, values, io);
    await session.close();
    const status = session.memory.status();
    const vectors = (session.memory.index.noteVectors?.size ?? 0) + status.chunks;
    const embedded = session.computed();
    const summary = { notes: status.notes, chunks: status.chunks, embedded, reused: Math.max(0, vectors - embedded), ms: Date.now() - started };
    const model = status.embeddings.state === "ready" ? `model ${status.embeddings.modelId}` : "full text only";
    return {
      // extractWorkers: the worker threads that parsed notes (a first index of 256+ notes), 0 when none did.
      json: { ...summary, skipped: status.skipped, embeddings: status.embeddings, extractWorkers: session.opened.extractWorkers ?? 0 },
      text: [
        `Indexed ${summary.notes} ${summary.notes === 1 ? "note" : "notes"} (${summary.chunks} heading chunks; ${model}): ${summary.embedded} embeddings computed, ${summary.reused} reused, in ${summary.ms} ms.`,
        ...status.skipped.map(({ path, reason }) => `skipped ${path}: ${reason}`),
      ],
    };
  },
});
