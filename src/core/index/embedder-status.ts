import type { Embedder, EmbedderUnavailable } from "../embed/embedder";

/** The model the index embeds with, or why there is none (the index then works on full text alone). */
export type EmbedderStatus = { embedder: Embedder } | { unavailable: EmbedderUnavailable };

export const NO_MODEL: EmbedderStatus = {
  unavailable: {
    reason: "no embedding model is configured",
    fix: "choose an embedding model (or a local model folder) in LifeBetter's settings, or pass --model",
  },
};
