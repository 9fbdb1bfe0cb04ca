import { FLOAT, GraphBuilder, INT64 } from "./onnx-graph";
import { seededRandom } from "../seeded-random";
import { gaussian, normalArray } from "./random";
import { buildVocabulary } from "./vocabulary";
import { writeModelFolder, type BuiltModel } from "./model-folder";
import { quantizedGather, quantizedMatMul } from "./dynamic-quantization";

/** all-MiniLM-L6-v2's shape: what sets the cost per token. */
export const MINILM_SHAPE = { layers: 6, hidden: 384, heads: 12, intermediate: 1536, vocabSize: 30522, maxPositions: 512 } as const;

/**
 * A BERT encoder with all-MiniLM-L6-v2's shape and random weights, for throughput numbers only
 * (its vectors mean nothing). Same operations per token as the real model: embeddings + 6 layers of
 * 12-head self-attention and a 1536-wide GELU feed-forward, each followed by LayerNorm. Written
 * twice from the same weights: fp32 as onnx/model.onnx, and q8 as onnx/model_quantized.onnx in the
 * shape dynamic quantization gives the real model's q8 file (dynamic-quantization.ts), so loading
 * the default dtype costs what the real model costs.
 */
export async function buildMiniLmModel(root: string, options: { modelId?: string; seed?: number } = {}): Promise<BuiltModel> {
  const { hidden, vocabSize, maxPositions } = MINILM_SHAPE;
  const normal = gaussian(seededRandom(options.seed ?? 6));
  // Drawn once, in the order the fp32 graph asks for them, and shared by both files.
  const drawn = new Map<string, Float32Array>();
  const weights = (name: string, dims: number[]): Float32Array => {
    let data = drawn.get(name);
    if (!data) {
      data = normalArray(
        dims.reduce((a, b) => a * b, 1),
        0.02,
        normal,
      );
      drawn.set(name, data);
    }
    return data;
  };
  const fp32 = encoderGraph(weights, false);
  const q8 = encoderGraph(weights, true);

  // The real tokenizer's 30522 entries: the test vocabulary, then unused slots.
  const vocabulary = buildVocabulary().map((entry) => entry.token);
  for (let i = vocabulary.length; i < vocabSize; i++) vocabulary.push(`[unused${i}]`);

  return writeModelFolder(root, options.modelId ?? "lifebetter-test/minilm-shaped", hidden, {
    config: {
      model_type: "bert",
      hidden_size: hidden,
      num_hidden_layers: MINILM_SHAPE.layers,
      num_attention_heads: MINILM_SHAPE.heads,
      intermediate_size: MINILM_SHAPE.intermediate,
      vocab_size: vocabSize,
      max_position_embeddings: maxPositions,
    },
    vocabulary,
    maxLength: maxPositions,
    onnx: fp32,
    quantizedOnnx: q8,
  });
}

/**
 * The encoder as ONNX. `quantized`: the weight MatMuls and embedding tables in int8 as
 * quantize_dynamic writes them; attention's activation × activation MatMuls, LayerNorm, Softmax and
 * GELU stay float, as in the real q8 file.
 */
function encoderGraph(weights: (name: string, dims: number[]) => Float32Array, quantized: boolean): Uint8Array {
  const { layers, hidden, heads, intermediate, vocabSize, maxPositions } = MINILM_SHAPE;
  const graph = new GraphBuilder();
  const filled = (name: string, size: number, value: number): string => graph.floatTensor(name, [size], new Float32Array(size).fill(value));
  const gather = (name: string, dims: number[], indices: string): string =>
    quantized
      ? quantizedGather(graph, name, dims, weights(name, dims), indices)
      : graph.op("Gather", [graph.floatTensor(name, dims, weights(name, dims)), indices]);

  const inputIds = graph.input("input_ids", INT64, ["batch", "sequence"]);
  const attentionMask = graph.input("attention_mask", INT64, ["batch", "sequence"]);
  const tokenTypes = graph.input("token_type_ids", INT64, ["batch", "sequence"]);

  // Embeddings: word + position + token type, then LayerNorm.
  const sequenceLength = graph.op("Gather", [graph.op("Shape", [inputIds]), graph.int64Tensor("one_index", [1])], { axis: 0 });
  const positions = graph.op("Range", [graph.int64Tensor("zero", [0]), sequenceLength, graph.int64Tensor("step", [1])]);
  const positionIds = graph.op("Squeeze", [positions]);
  let x = graph.op("Add", [
    graph.op("Add", [gather("word_embeddings", [vocabSize, hidden], inputIds), gather("position_embeddings", [maxPositions, hidden], positionIds)]),
    gather("token_type_embeddings", [2, hidden], tokenTypes),
  ]);
  const layerNorm = (input: string, name: string): string =>
    graph.op("LayerNormalization", [input, filled(`${name}_gamma`, hidden, 1), filled(`${name}_beta`, hidden, 0)], { axis: -1, epsilon: 1e-12 });
  x = layerNorm(x, "embeddings_norm");

  // Padding positions get -10000 before the softmax: [batch, 1, 1, sequence].
  const mask = graph.op("Unsqueeze", [graph.op("Cast", [attentionMask], { to: FLOAT }), graph.int64Tensor("mask_axes", [1, 2])]);
  const maskBias = graph.op("Mul", [graph.op("Sub", [graph.scalar("one", 1), mask]), graph.scalar("minus_large", -10000)]);

  const headSize = hidden / heads;
  const splitHeads = graph.int64Tensor("split_heads", [0, 0, heads, headSize]);
  const mergeHeads = graph.int64Tensor("merge_heads", [0, 0, hidden]);
  const scale = graph.scalar("attention_scale", 1 / Math.sqrt(headSize));
  const dense = (input: string, name: string, from: number, to: number): string => {
    const weight = weights(`${name}_weight`, [from, to]);
    const product = quantized
      ? quantizedMatMul(graph, input, `${name}_weight`, [from, to], weight)
      : graph.op("MatMul", [input, graph.floatTensor(`${name}_weight`, [from, to], weight)]);
    return graph.op("Add", [product, filled(`${name}_bias`, to, 0)]);
  };
  for (let layer = 0; layer < layers; layer++) {
    const name = (part: string): string => `layer${layer}_${part}`;
    const project = (part: string, perm: number[]): string =>
      graph.op("Transpose", [graph.op("Reshape", [dense(x, name(part), hidden, hidden), splitHeads])], { perm });
    const query = project("query", [0, 2, 1, 3]);
    const key = project("key", [0, 2, 3, 1]);
    const value = project("value", [0, 2, 1, 3]);
    const scores = graph.op("Add", [graph.op("Mul", [graph.op("MatMul", [query, key]), scale]), maskBias]);
    const context = graph.op("MatMul", [graph.op("Softmax", [scores], { axis: -1 }), value]);
    const merged = graph.op("Reshape", [graph.op("Transpose", [context], { perm: [0, 2, 1, 3] }), mergeHeads]);
    const attended = layerNorm(graph.op("Add", [x, dense(merged, name("attention_output"), hidden, hidden)]), name("attention_norm"));
    const up = dense(attended, name("intermediate"), hidden, intermediate);
    const gelu = graph.op("Mul", [
      graph.op("Mul", [up, graph.scalar(name("half"), 0.5)]),
      graph.op("Add", [graph.scalar(name("gelu_one"), 1), graph.op("Erf", [graph.op("Div", [up, graph.scalar(name("sqrt2"), Math.SQRT2)])])]),
    ]);
    x = layerNorm(graph.op("Add", [attended, dense(gelu, name("output"), intermediate, hidden)]), name("output_norm"));
  }
  graph.rename(x, "last_hidden_state");
  graph.output("last_hidden_state", FLOAT, ["batch", "sequence", hidden]);
  return graph.encode(17);
}
