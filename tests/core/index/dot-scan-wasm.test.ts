import { describe, expect, it } from "vitest";
import { DOT_SCAN_WASM } from "../../../src/core/index/dot-scan-wasm";
import { compileDotScan } from "../../support/wasm/compile-dot-scan.mjs";

describe("the vector scan's WebAssembly", () => {
  it("is what dot-scan.wat compiles to (run `npm run wasm` after editing the .wat)", async () => {
    const bytes = (await compileDotScan()) as Uint8Array;
    expect(Array.from(DOT_SCAN_WASM)).toEqual(Array.from(bytes));
  });
});
