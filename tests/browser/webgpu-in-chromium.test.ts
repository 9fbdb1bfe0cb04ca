import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { requireBrowser } from "../support/screenshot";

const SCRIPT = path.join(import.meta.dirname, "webgpu-in-chromium.mjs");

interface Run {
  embeddings: { state: string; device?: string; deviceNote?: string };
  embedded: number;
  notesWithVectors: number;
}
interface Report {
  ok: boolean;
  error?: string;
  choice: { device: string; fallback?: string };
  wasm: Run;
  chosen: Run;
  forced: Run;
  minCosine: number;
}

async function report(gpu: boolean): Promise<Report> {
  const { stdout } = await promisify(execFile)("node", [SCRIPT, ...(gpu ? ["--gpu"] : [])], { timeout: 590_000, maxBuffer: 1 << 24 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
  );
  const parsed = JSON.parse(stdout) as Report;
  expect(parsed.error).toBeUndefined();
  return parsed;
}

// The plugin's worker, bundled as in main.js, with a model of all-MiniLM-L6-v2's shape.
describe("computing meaning on WebGPU in Chromium", () => {
  it("falls back to WASM without an adapter, and says so in the status", { timeout: 600_000 }, async () => {
    requireBrowser();
    const { choice, chosen, forced, wasm } = await report(false);
    expect(choice).toEqual({ device: "wasm", fallback: "no WebGPU adapter is available on this device" });
    expect(chosen.embeddings).toMatchObject({ state: "ready", device: "wasm", deviceNote: "no WebGPU adapter is available on this device" });
    // Told to use WebGPU anyway, the worker finds no adapter, says why and computes on WASM.
    expect(forced.embeddings).toMatchObject({ state: "ready", device: "wasm" });
    expect(forced.embeddings.deviceNote).toMatch(/^WebGPU is not used: .*adapter/);
    for (const run of [wasm, chosen, forced]) expect(run.notesWithVectors).toBe(4);
  });

  // --enable-unsafe-webgpu gives Chromium a software (SwiftShader) adapter here: slow, but the same maths.
  it("computes on WebGPU when an adapter is offered, with the vectors WASM gives", { timeout: 600_000 }, async (context) => {
    requireBrowser();
    const { choice, chosen, minCosine } = await report(true);
    if (choice.device !== "webgpu") context.skip(`this Chromium offers no WebGPU adapter even with --enable-unsafe-webgpu (${choice.fallback ?? ""})`);
    expect(chosen.embeddings).toMatchObject({ state: "ready", device: "webgpu" });
    expect(chosen.embeddings.deviceNote).toBeUndefined();
    expect(chosen.notesWithVectors).toBe(4);
    expect(minCosine).toBeGreaterThanOrEqual(0.999);
  });
});
