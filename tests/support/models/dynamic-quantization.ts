import { FLOAT, type GraphBuilder } from "./onnx-graph";

/**
 * The graph shapes onnxruntime's dynamic quantization (`quantize_dynamic`, what transformers.js's
 * `dtype: "q8"` files are made with) writes, so a test model's q8 file costs what a real one does:
 * weights stored as int8 (symmetric, per tensor, zero point 0: the QInt8 weights transformers.js
 * picks for models without Conv), activations quantized to uint8 at run time. onnxruntime fuses
 * DynamicQuantizeLinear → MatMulInteger → Cast → Mul into one DynamicQuantizeMatMul kernel when it
 * loads the model, as it does for the real file.
 */

/** int8 values and the scale that maps them back (value ≈ int8 × scale). */
export function quantizeSymmetric(data: Float32Array): { values: Int8Array; scale: number } {
  let largest = 0;
  for (const value of data) largest = Math.max(largest, Math.abs(value));
  const scale = largest > 0 ? largest / 127 : 1;
  const values = new Int8Array(data.length);
  for (let i = 0; i < data.length; i++) values[i] = Math.max(-127, Math.min(127, Math.round(data[i]! / scale)));
  return { values, scale };
}

/** `input` × `weight` ([from, to]) with int8 weights, as quantize_dynamic rewrites a weight MatMul. */
export function quantizedMatMul(graph: GraphBuilder, input: string, name: string, dims: number[], weight: Float32Array): string {
  const { values, scale } = quantizeSymmetric(weight);
  const quantized = graph.int8Tensor(`${name}_quantized`, dims, values);
  const weightScale = graph.scalar(`${name}_scale`, scale);
  const weightZero = graph.int8Tensor(`${name}_zero_point`, [], new Int8Array([0]));
  // Outputs: the uint8 activations, their scale, their zero point.
  const activations = graph.op("DynamicQuantizeLinear", [input], {}, 3);
  const product = graph.op("MatMulInteger", [activations, quantized, `${activations}_2`, weightZero]);
  const multiplier = graph.op("Mul", [`${activations}_1`, weightScale]);
  return graph.op("Mul", [graph.op("Cast", [product], { to: FLOAT }), multiplier]);
}

/** Rows of an embedding table stored as int8: Gather, then DequantizeLinear, as quantize_dynamic writes it. */
export function quantizedGather(graph: GraphBuilder, name: string, dims: number[], table: Float32Array, indices: string): string {
  const { values, scale } = quantizeSymmetric(table);
  const quantized = graph.int8Tensor(`${name}_quantized`, dims, values);
  const zero = graph.int8Tensor(`${name}_zero_point`, [], new Int8Array([0]));
  return graph.op("DequantizeLinear", [graph.op("Gather", [quantized, indices]), graph.scalar(`${name}_scale`, scale), zero]);
}
