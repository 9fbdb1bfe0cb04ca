import type { Embedder, EmbedderUnavailable } from "../embed/embedder";

/**
 * The model the index embeds with (and, when WebGPU was wanted but WASM runs, why), or why there is
 * none (the index then works on full text alone).
 */
export type EmbedderStatus = { embedder: Embedder; deviceNote?: string } | { unavailable: EmbedderUnavailable };

export const NO_MODEL: EmbedderStatus = {
  unavailable: {
    reason: "no embedding model is configured",
    fix: "choose an embedding model (or a local model folder) in LifeBetter's settings, or pass --model",
  },
};
