import { describe, expect, it } from "vitest";
import { chooseEmbeddingDevice, embeddingDeviceSetting, webGpuProblem, type GpuLike } from "../../../src/core/embed/embed-device";

const adapter: GpuLike = { requestAdapter: () => Promise.resolve({ info: { vendor: "test" } }) };
const noAdapter: GpuLike = { requestAdapter: () => Promise.resolve(null) };
const broken: GpuLike = { requestAdapter: () => Promise.reject(new Error("the GPU process crashed")) };

describe("chooseEmbeddingDevice", () => {
  it("takes WebGPU when the device offers an adapter, on auto and on WebGPU", async () => {
    expect(await chooseEmbeddingDevice("auto", adapter)).toEqual({ device: "webgpu" });
    expect(await chooseEmbeddingDevice("webgpu", adapter)).toEqual({ device: "webgpu" });
  });

  it("falls back to WASM with the reason when there is no WebGPU, no adapter, or it fails", async () => {
    expect(await chooseEmbeddingDevice("auto", undefined)).toEqual({ device: "wasm", fallback: "this device has no WebGPU" });
    expect(await chooseEmbeddingDevice("auto", noAdapter)).toEqual({ device: "wasm", fallback: "no WebGPU adapter is available on this device" });
    expect(await chooseEmbeddingDevice("webgpu", broken)).toEqual({ device: "wasm", fallback: "WebGPU could not start (the GPU process crashed)" });
  });

  it("never asks for an adapter when WASM is chosen", async () => {
    let asked = 0;
    const counting: GpuLike = { requestAdapter: () => (asked++, Promise.resolve({})) };
    expect(await chooseEmbeddingDevice("wasm", counting)).toEqual({ device: "wasm" });
    expect(asked).toBe(0);
    expect(await webGpuProblem(counting)).toBeNull();
    expect(asked).toBe(1);
  });

  it("reads the setting from saved data, anything unknown as auto", () => {
    expect(embeddingDeviceSetting("wasm")).toBe("wasm");
    expect(embeddingDeviceSetting("webgpu")).toBe("webgpu");
    expect(embeddingDeviceSetting("gpu")).toBe("auto");
    expect(embeddingDeviceSetting(undefined)).toBe("auto");
  });
});
