/**
 * For pages served by the Chromium scripts (worker-in-chromium.mjs, the first-index bench): the test
 * model's files and onnxruntime's WASM, fetched from the script's server as the plugin hands them over.
 */
export function bytes(url: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("GET", url);
    request.responseType = "arraybuffer";
    request.onload = () => (request.status === 200 ? resolve(new Uint8Array(request.response as ArrayBuffer)) : reject(new Error(`${url}: ${request.status}`)));
    request.onerror = () => reject(new Error(`${url} could not be loaded`));
    request.send();
  });
}

/** The model under /model/ and the WASM at /ort-wasm-simd-threaded.wasm, as bytes. */
export async function loadPageModel(): Promise<{ files: Map<string, Uint8Array<ArrayBuffer>>; wasmBinary: Uint8Array<ArrayBuffer> }> {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const f of ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"]) files.set(f, await bytes(`/model/${f}`));
  return { files, wasmBinary: await bytes("/ort-wasm-simd-threaded.wasm") };
}
