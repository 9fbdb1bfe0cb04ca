import { describe, expect, test } from "vitest";
import { ensureAssets, type AssetFile, type AssetStore, type DownloadProgress, type FetchedResponse } from "../../../src/core/embed/asset-download";
import { toHex } from "../../../src/core/embed/text-hash";

function bytesOf(size: number, seed: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) & 255);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}

class MemoryStore implements AssetStore {
  files = new Map<string, Uint8Array<ArrayBuffer>>();
  failWrites = false;
  read(path: string): Promise<Uint8Array<ArrayBuffer> | null> {
    return Promise.resolve(this.files.get(path) ?? null);
  }
  writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error("ENOSPC: no space left"));
    this.files.set(path, new Uint8Array(bytes));
    return Promise.resolve();
  }
}

/** A server in memory: serves bodies in 1000-byte chunks and records requested URLs. */
function fakeFetch(served: Record<string, Uint8Array<ArrayBuffer> | number | Error>, requested: string[]) {
  return (url: string): Promise<FetchedResponse> => {
    requested.push(url);
    const body = served[url];
    if (body instanceof Error) return Promise.reject(body);
    if (body === undefined || typeof body === "number")
      return Promise.resolve({ ok: false, status: typeof body === "number" ? body : 404, arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < body.length; offset += 1000) controller.enqueue(body.slice(offset, offset + 1000));
        controller.close();
      },
    });
    return Promise.resolve({
      ok: true,
      status: 200,
      headers: new Headers({ "content-length": String(body.length) }),
      body: stream,
      arrayBuffer: () => Promise.resolve(body.slice().buffer),
    });
  };
}

async function twoFiles(): Promise<{ files: AssetFile[]; served: Record<string, Uint8Array<ArrayBuffer>> }> {
  const model = bytesOf(5_500, 1);
  const wasm = bytesOf(2_300, 2);
  return {
    files: [
      { path: "onnx/model_quantized.onnx", url: "https://example.test/model.onnx", size: model.length, sha256: await sha256Hex(model) },
      { path: "ort-wasm-simd-threaded.wasm", url: "https://example.test/ort.wasm", size: wasm.length, sha256: await sha256Hex(wasm) },
    ],
    served: { "https://example.test/model.onnx": model, "https://example.test/ort.wasm": wasm },
  };
}

describe("ensureAssets", () => {
  test("downloads every file once, with progress up to the total, and writes verified bytes", async () => {
    const { files, served } = await twoFiles();
    const store = new MemoryStore();
    const requested: string[] = [];
    const progress: DownloadProgress[] = [];
    const result = await ensureAssets(files, { fetch: fakeFetch(served, requested), store, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ ok: true, downloaded: files.map((f) => f.path), present: [] });
    expect(store.files.get("onnx/model_quantized.onnx")).toEqual(served["https://example.test/model.onnx"]);
    const overall = progress.map((p) => p.overall);
    expect(overall).toEqual([...overall].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ overall: 7_800, total: 7_800 });

    const again = await ensureAssets(files, { fetch: fakeFetch(served, requested), store });
    expect(again).toEqual({ ok: true, downloaded: [], present: files.map((f) => f.path) });
    expect(requested).toHaveLength(2);
  });

  test("a damaged file on disk is downloaded again", async () => {
    const { files, served } = await twoFiles();
    const store = new MemoryStore();
    await ensureAssets(files, { fetch: fakeFetch(served, []), store });
    store.files.get("ort-wasm-simd-threaded.wasm")![100]! ^= 4;
    const requested: string[] = [];
    const result = await ensureAssets(files, { fetch: fakeFetch(served, requested), store });
    expect(result).toMatchObject({ ok: true, downloaded: ["ort-wasm-simd-threaded.wasm"] });
    expect(requested).toEqual(["https://example.test/ort.wasm"]);
  });

  test("a download with the wrong checksum or size is refused and nothing is written", async () => {
    const { files, served } = await twoFiles();
    const tampered = served["https://example.test/model.onnx"]!.slice();
    tampered[0]! ^= 1;
    const store = new MemoryStore();
    const result = await ensureAssets(files, { fetch: fakeFetch({ ...served, "https://example.test/model.onnx": tampered }, []), store });
    expect(result).toMatchObject({ ok: false, unavailable: { reason: expect.stringContaining("checksum does not match") as unknown } });
    expect(store.files.size).toBe(0);
    const short = await ensureAssets(files, { fetch: fakeFetch({ ...served, "https://example.test/model.onnx": tampered.slice(0, 10) }, []), store });
    expect(short).toMatchObject({ ok: false, unavailable: { reason: expect.stringContaining("10 bytes instead of 5500") as unknown } });
  });

  test("offline, HTTP errors and a full disk become a reason and a fix, never an exception", async () => {
    const { files, served } = await twoFiles();
    const offline = await ensureAssets(files, {
      fetch: fakeFetch({ "https://example.test/model.onnx": new TypeError("fetch failed") }, []),
      store: new MemoryStore(),
    });
    expect(offline).toMatchObject({
      ok: false,
      unavailable: { reason: expect.stringContaining("fetch failed") as unknown, fix: expect.stringContaining("connection") as unknown },
    });
    const missing = await ensureAssets(files, { fetch: fakeFetch({ "https://example.test/model.onnx": 404 }, []), store: new MemoryStore() });
    expect(missing).toMatchObject({ ok: false, unavailable: { reason: expect.stringContaining("answered 404") as unknown } });
    const full = new MemoryStore();
    full.failWrites = true;
    const disk = await ensureAssets(files, { fetch: fakeFetch(served, []), store: full });
    expect(disk).toMatchObject({ ok: false, unavailable: { reason: expect.stringContaining("ENOSPC") as unknown } });
  });

  test("a file without a known size or checksum counts Content-Length toward the total", async () => {
    const body = bytesOf(1_234, 3);
    const progress: DownloadProgress[] = [];
    const result = await ensureAssets([{ path: "config.json", url: "u" }], {
      fetch: fakeFetch({ u: body }, []),
      store: new MemoryStore(),
      onProgress: (p) => progress.push(p),
    });
    expect(result.ok).toBe(true);
    expect(progress.at(-1)).toMatchObject({ loaded: 1_234, total: 1_234 });
  });
});
