import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import type { Embedder } from "../../../src/core/embed/embedder";
import { MODEL_CATALOG, modelProfile } from "../../../src/core/embed/model-catalog";
import { cli } from "../../support/cli";
import { tempModelRoot } from "../../support/models/temp-models";
import { buildStaticModel } from "../../support/models/static-model";
import type { BuiltModel } from "../../support/models/model-folder";
import { makeTempVault, removeVault } from "../../support/temp-vault";

/**
 * The multilingual E5 model wants "query: " before a search and "passage: " before a note. A test
 * model built with the same file layout and the E5 id gets them; one with another id does not.
 */
let root: { root: string; cleanup: () => Promise<void> };
let e5: BuiltModel;
let plain: BuiltModel;

async function load(model: BuiltModel): Promise<Embedder> {
  const loaded = await loadNodeEmbedder({ model: model.folder });
  if (!loaded.ok) throw new Error(loaded.unavailable.reason);
  return loaded.embedder;
}

beforeAll(async () => {
  root = await tempModelRoot();
  e5 = await buildStaticModel(root.root, { modelId: "Xenova/multilingual-e5-small" });
  plain = await buildStaticModel(root.root, { modelId: "lifebetter-test/plain" });
});
afterAll(() => root.cleanup());

describe("model profiles", () => {
  it("lists the English default and multilingual models, and knows a local copy by its <org>/<name> folder", () => {
    expect(MODEL_CATALOG.map((m) => m.id)).toEqual(
      expect.arrayContaining(["Xenova/all-MiniLM-L6-v2", "Xenova/multilingual-e5-small", "Xenova/paraphrase-multilingual-MiniLM-L12-v2"]),
    );
    expect(modelProfile("/models/Xenova/multilingual-e5-small")).toMatchObject({ queryPrefix: "query: ", passagePrefix: "passage: " });
    expect(modelProfile("Xenova/all-MiniLM-L6-v2")).toMatchObject({ queryPrefix: "", passagePrefix: "" });
    expect(modelProfile("someone/unknown-model")).toMatchObject({ pooling: "mean", queryPrefix: "" });
  });

  it("an E5 model embeds notes as passages and searches as queries; its vectors have their own cache key", async () => {
    const withPrefixes = await load(e5);
    const without = await load(plain);
    const [query] = await withPrefixes.embedQueries!(["bake sourdough bread"]);
    const [passage] = await withPrefixes.embed(["bake sourdough bread"]);
    const [asQuery] = await without.embed(["query: bake sourdough bread"]);
    const [asPassage] = await without.embed(["passage: bake sourdough bread"]);
    expect(Array.from(query!)).toEqual(Array.from(asQuery!));
    expect(Array.from(passage!)).toEqual(Array.from(asPassage!));
    expect(Array.from(query!)).not.toEqual(Array.from(passage!));
    expect(withPrefixes.modelId).toMatch(/#query=query:#passage=passage:$/);
    expect(without.modelId).toMatch(/#mean-normalized$/);
  });

  it("switching the model re-embeds every note once and never mixes the two models' vectors", async () => {
    const vault = await makeTempVault({ "A.md": "Bake sourdough bread.", "B.md": "Fix the failing test.", "C.md": "Sleep eight hours." });
    try {
      const run = async (model: BuiltModel) =>
        JSON.parse((await cli("index", "--vault", vault, "--model", model.folder, "--json")).out) as { embedded: number; reused: number };
      expect(await run(plain)).toMatchObject({ embedded: 3 });
      expect(await run(e5)).toMatchObject({ embedded: 3, reused: 0 });
      expect(await run(e5)).toMatchObject({ embedded: 0 });
      const search = JSON.parse((await cli("search", "repair the broken check", "--vault", vault, "--model", e5.folder, "--json")).out) as { path: string }[];
      expect(search[0]?.path).toBe("B.md");
    } finally {
      await removeVault(vault);
    }
  });
});
