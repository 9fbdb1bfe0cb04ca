import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import { onnx } from "onnx-proto";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import { cosine, embedAll } from "./model-vectors";
import { tempMiniLmModel } from "./temp-models";
import type { BuiltModel } from "./model-folder";

/**
 * The MiniLM-shaped test model's q8 file must cost what the real q8 file does (int8 weights, the
 * MatMuls dynamic quantization writes) and still be the same model as its fp32 file, on both
 * runtimes (onnxruntime-node here, onnxruntime-web in minilm-model-wasm.test.ts).
 */
describe("the MiniLM-shaped test model", () => {
  let model: BuiltModel & { cleanup: () => Promise<void> };
  let fp32: Float32Array[];
  beforeAll(async () => {
    model = await tempMiniLmModel();
    fp32 = await embedAll(loadNodeEmbedder({ model: model.folder, dtype: "fp32" }));
  });
  afterAll(() => model.cleanup());

  test("writes a q8 file with int8 weights and quantized MatMuls, about a quarter of the fp32 file", async () => {
    const file = path.join(model.folder, "onnx", "model_quantized.onnx");
    const graph = onnx.ModelProto.decode(await readFile(file)).graph!;
    const ops = (graph.node ?? []).map((node) => node.opType);
    const count = (op: string): number => ops.filter((o) => o === op).length;
    // 6 layers × (query, key, value, attention output, intermediate, output).
    expect(count("MatMulInteger")).toBe(36);
    expect(count("DynamicQuantizeLinear")).toBe(36);
    // Attention's two activation × activation products per layer stay float.
    expect(count("MatMul")).toBe(12);
    const floatMatMulInputs = (graph.node ?? []).filter((node) => node.opType === "MatMul").flatMap((node) => node.input ?? []);
    const initializers = new Set((graph.initializer ?? []).map((tensor) => tensor.name));
    expect(floatMatMulInputs.filter((name) => initializers.has(name))).toEqual([]);
    const int8Bytes = (graph.initializer ?? [])
      .filter((tensor) => tensor.dataType === onnx.TensorProto.DataType.INT8)
      .reduce((sum, tensor) => sum + (tensor.rawData?.length ?? 0), 0);
    const quantizedSize = (await stat(file)).size;
    expect(int8Bytes).toBeGreaterThan(0.9 * quantizedSize);
    expect(quantizedSize).toBeLessThan(0.3 * (await stat(path.join(model.folder, "onnx", "model.onnx"))).size);
  });

  test("its q8 file gives nearly the fp32 file's vectors on onnxruntime-node", async () => {
    const q8 = await embedAll(loadNodeEmbedder({ model: model.folder, dtype: "q8" }));
    for (const [i, vector] of q8.entries()) expect(cosine(vector, fp32[i]!)).toBeGreaterThan(0.95);
    // The texts are still told apart: the vectors are not one constant.
    expect(cosine(q8[0]!, q8[1]!)).toBeLessThan(cosine(q8[0]!, fp32[0]!));
  });
});
