import type { Embedder } from "../../src/core/embed/embedder";
import { CountingEmbedder } from "./counting-embedder";

/**
 * A model that answers only when told to (`release`), so a test can see what was asked of it while
 * earlier work is still computing. Its vectors are CountingEmbedder's.
 */
export class GatedEmbedder implements Embedder {
  readonly model = new CountingEmbedder();
  readonly modelId = this.model.modelId;
  readonly dimensions = this.model.dimensions;
  /** Calls asked for and not answered yet, oldest first. */
  readonly waiting: { texts: string[]; answer: () => void }[] = [];
  readonly asked: string[][] = [];

  embed(texts: string[]): Promise<Float32Array[]> {
    this.asked.push([...texts]);
    return new Promise((resolve) => this.waiting.push({ texts, answer: () => void this.model.embed(texts).then(resolve) }));
  }

  /** Answers the oldest call waiting; false when none waits. */
  release(): boolean {
    const next = this.waiting.shift();
    next?.answer();
    return next !== undefined;
  }
}

/** Lets promise callbacks and zero-delay timers run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
