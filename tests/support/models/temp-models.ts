import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { buildStaticModel, type StaticModelOptions } from "./static-model";
import { buildMiniLmModel } from "./minilm-model";
import type { BuiltModel } from "./model-folder";

/** A folder under the system temp dir that the caller removes with `cleanup`. */
export async function tempModelRoot(): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "lifebetter-models-"));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Builds the static test model into a fresh temp folder (about 0.1 s). */
export async function tempStaticModel(options: StaticModelOptions = {}): Promise<BuiltModel & { cleanup: () => Promise<void> }> {
  const { root, cleanup } = await tempModelRoot();
  return { ...(await buildStaticModel(root, options)), cleanup };
}

/** Builds the MiniLM-shaped model (about 90 MB, 2 s) into a fresh temp folder. */
export async function tempMiniLmModel(): Promise<BuiltModel & { cleanup: () => Promise<void> }> {
  const { root, cleanup } = await tempModelRoot();
  return { ...(await buildMiniLmModel(root)), cleanup };
}
