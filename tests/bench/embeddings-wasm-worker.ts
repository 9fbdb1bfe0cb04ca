/**
 * Runs inside a worker_threads Worker so each onnxruntime-web instance gets its own thread count
 * (it can be set only before the first session). Receives tokenised batches, returns ms per batch.
 * Kept free of imports: the parent passes the path of onnxruntime-web's Node build.
 */
export interface WasmJob {
  ortPath: string;
  modelPath: string;
  threads: number;
  batches: { inputIds: BigInt64Array; attentionMask: BigInt64Array; dims: [number, number] }[];
  repeats: number;
}

export interface WasmResult {
  msPerRun: number[];
}

/** The worker's source, run with `new Worker(source, { eval: true, workerData: job })`. */
export const WASM_WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
(async () => {
  const ort = require(workerData.ortPath);
  ort.env.wasm.numThreads = workerData.threads;
  ort.env.logLevel = "error";
  const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(workerData.modelPath)), { executionProviders: ["wasm"] });
  const feeds = workerData.batches.map((b) => ({
    input_ids: new ort.Tensor("int64", b.inputIds, b.dims),
    attention_mask: new ort.Tensor("int64", b.attentionMask, b.dims),
    token_type_ids: new ort.Tensor("int64", new BigInt64Array(b.inputIds.length), b.dims),
  }));
  await session.run(feeds[0]); // warm-up
  const msPerRun = [];
  for (let r = 0; r < workerData.repeats; r++) {
    const start = performance.now();
    for (const feed of feeds) {
      const out = await session.run(feed);
      // Mean pooling and normalisation, as the pipeline does, so the work matches the Node path.
      const hidden = out.last_hidden_state.data;
      const [batch, tokens, dims] = out.last_hidden_state.dims;
      for (let i = 0; i < batch; i++) {
        const v = new Float32Array(dims);
        for (let t = 0; t < tokens; t++) for (let d = 0; d < dims; d++) v[d] += hidden[(i * tokens + t) * dims + d];
        let n = 0; for (let d = 0; d < dims; d++) n += v[d] * v[d];
      }
    }
    msPerRun.push(performance.now() - start);
  }
  await session.release();
  parentPort.postMessage({ msPerRun });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;
