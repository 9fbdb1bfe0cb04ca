import { onnx } from "onnx-proto";

/**
 * A small builder over onnx-proto so the test models read as a list of operations. Only what the
 * test models need: float/int64/int8/uint8 initializers, nodes with int/float/ints attributes, and
 * graph inputs/outputs with symbolic dimensions.
 */
export class GraphBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private counter = 0;

  /** A float tensor stored as raw little-endian bytes (protobuf's repeated floats are much slower). */
  floatTensor(name: string, dims: number[], data: Float32Array): string {
    return this.rawTensor(name, dims, FLOAT, data);
  }

  /** Quantized weights and their zero points (dims [] for a scalar). */
  int8Tensor(name: string, dims: number[], data: Int8Array): string {
    return this.rawTensor(name, dims, INT8, data);
  }

  uint8Tensor(name: string, dims: number[], data: Uint8Array): string {
    return this.rawTensor(name, dims, UINT8, data);
  }

  int64Tensor(name: string, values: number[]): string {
    const data = new BigInt64Array(values.map((value) => BigInt(value)));
    this.initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  private rawTensor(name: string, dims: number[], dataType: number, data: ArrayBufferView): string {
    this.initializers.push({ name, dims, dataType, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    return name;
  }

  scalar(name: string, value: number): string {
    this.initializers.push({ name, dims: [], dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(new Float32Array([value]).buffer) });
    return name;
  }

  /** Adds a node and returns the name of its (first) output; output i > 0 is named `<first>_<i>`. */
  op(opType: string, input: string[], attributes: Record<string, number | number[]> = {}, outputCount = 1): string {
    const base = `${opType.toLowerCase()}_${this.counter++}`;
    const output = Array.from({ length: outputCount }, (_, index) => (index === 0 ? base : `${base}_${index}`));
    const attribute = Object.entries(attributes).map(([name, value]): onnx.IAttributeProto => {
      if (Array.isArray(value)) return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: value };
      if (Number.isInteger(value) && name !== "epsilon" && name !== "alpha") return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
      return { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value };
    });
    this.nodes.push({ opType, input, output, name: base, attribute });
    return base;
  }

  /** Renames a node's output so it can be a graph output. */
  rename(from: string, to: string): void {
    for (const node of this.nodes) node.output = (node.output ?? []).map((name) => (name === from ? to : name));
  }

  input(name: string, elemType: number, shape: (number | string)[]): string {
    this.inputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  output(name: string, elemType: number, shape: (number | string)[]): void {
    this.outputs.push(valueInfo(name, elemType, shape));
  }

  /** The serialized model (ONNX IR 8, default domain at the given opset). */
  encode(opset: number): Uint8Array {
    const model: onnx.IModelProto = {
      irVersion: 8,
      producerName: "lifebetter-test-models",
      opsetImport: [{ domain: "", version: opset }],
      graph: { name: "graph", node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    };
    return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
  }
}

function valueInfo(name: string, elemType: number, shape: (number | string)[]): onnx.IValueInfoProto {
  const dim = shape.map((size) => (typeof size === "number" ? { dimValue: size } : { dimParam: size }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;
export const INT8 = onnx.TensorProto.DataType.INT8;
export const UINT8 = onnx.TensorProto.DataType.UINT8;
