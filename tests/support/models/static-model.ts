import { FLOAT, GraphBuilder, INT64 } from "./onnx-graph";
import { seededRandom } from "../seeded-random";
import { gaussian, normalArray } from "./random";
import { buildVocabulary, type VocabularyEntry } from "./vocabulary";
import { writeModelFolder, type BuiltModel } from "./model-folder";

export interface StaticModelOptions {
  modelId?: string;
  dimensions?: number;
  seed?: number;
  /** How far a synonym strays from its group's shared vector (relative to the vector's scale). */
  synonymNoise?: number;
}

/** Scale of the tiny vectors given to stop words, letters, punctuation and [UNK]. */
const FAINT = 0.05;

/**
 * A static-embedding sentence model: one Gather over an embedding matrix gives `last_hidden_state`,
 * and transformers.js's own mean pooling and normalisation turn it into sentence vectors. Synonyms
 * share a base vector, so meaning-based ranking can be tested through the real loading code.
 */
export async function buildStaticModel(root: string, options: StaticModelOptions = {}): Promise<BuiltModel> {
  const modelId = options.modelId ?? "lifebetter-test/static-embedding";
  const dimensions = options.dimensions ?? 384;
  const vocabulary = buildVocabulary();
  const matrix = embeddingMatrix(vocabulary, dimensions, options.seed ?? 20261124, options.synonymNoise ?? 0.35);

  const graph = new GraphBuilder();
  const inputIds = graph.input("input_ids", INT64, ["batch", "sequence"]);
  const table = graph.floatTensor("embeddings", [vocabulary.length, dimensions], matrix);
  const hidden = graph.op("Gather", [table, inputIds], { axis: 0 });
  graph.rename(hidden, "last_hidden_state");
  graph.output("last_hidden_state", FLOAT, ["batch", "sequence", dimensions]);

  return writeModelFolder(root, modelId, dimensions, {
    config: { model_type: "bert", hidden_size: dimensions, vocab_size: vocabulary.length },
    vocabulary: vocabulary.map((entry) => entry.token),
    maxLength: 512,
    onnx: graph.encode(13),
  });
}

function embeddingMatrix(vocabulary: VocabularyEntry[], dimensions: number, seed: number, noise: number): Float32Array {
  const normal = gaussian(seededRandom(seed));
  const groupVectors = new Map<number, Float32Array>();
  const matrix = new Float32Array(vocabulary.length * dimensions);
  vocabulary.forEach((entry, id) => {
    const row = matrix.subarray(id * dimensions, (id + 1) * dimensions);
    const role = entry.role;
    if (role.kind === "special") return; // stays zero
    if (role.kind === "faint") return row.set(normalArray(dimensions, FAINT, normal));
    if (role.kind === "word") return row.set(normalArray(dimensions, 1, normal));
    let base = groupVectors.get(role.group);
    if (!base) groupVectors.set(role.group, (base = normalArray(dimensions, 1, normal)));
    for (let d = 0; d < dimensions; d++) row[d] = (base[d] ?? 0) + normal() * noise;
  });
  return matrix;
}
