import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { requireBrowser } from "../support/screenshot";

const SCRIPT = path.join(import.meta.dirname, "worker-in-chromium.mjs");

interface Report {
  ok: boolean;
  error?: string;
  problems?: string[];
  result?: { search: { path: string }[]; status1: { embedded: number }; open2: { restored: boolean } };
}

describe("the index worker in Chromium", () => {
  // The script builds the worker as `npm run build` does, runs it in headless Chromium with a test
  // model and onnxruntime's WASM, saves to IndexedDB and restarts; it prints what the page reported.
  it("embeds the notes, finds a paraphrase's note first and restores its saved index", { timeout: 180_000 }, async () => {
    requireBrowser();
    const { stdout } = await promisify(execFile)("node", [SCRIPT], { timeout: 170_000, maxBuffer: 1 << 24 }).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? "",
    }));
    const report = JSON.parse(stdout) as Report;
    expect(report.error).toBeUndefined();
    expect(report.problems).toEqual([]);
    expect(report.result?.search[0]?.path).toBe("Work/Tests.md");
    expect(report.result?.status1.embedded).toBe(3);
    expect(report.result?.open2.restored).toBe(true);
  });
});
