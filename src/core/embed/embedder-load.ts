import type { Embedder, EmbedderUnavailable } from "./embedder";

/** The outcome of loading a model: an embedder, or why there is none (full text goes on without it). */
/** `deviceNote`: WebGPU was asked for but could not run the model, so WASM runs it (and why). */
export type EmbedderLoad = { ok: true; embedder: Embedder; deviceNote?: string } | { ok: false; unavailable: EmbedderUnavailable };

export function unavailable(reason: string, fix: string): EmbedderLoad {
  return { ok: false, unavailable: { reason, fix } };
}

/** Thrown by an embedder whose model broke after loading; carries the same reason/fix pair. */
export class EmbedderUnavailableError extends Error implements EmbedderUnavailable {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(reason);
    this.name = "EmbedderUnavailableError";
  }
}
