/**
 * Where the model runs: WebGPU (the graphics card, through transformers.js `device: "webgpu"`) or
 * WASM on the CPU (one thread per embedding worker). "auto" takes WebGPU whenever the device offers
 * an adapter and falls back to WASM otherwise; the status says which one is in use and why.
 */
export const EMBEDDING_DEVICES = ["auto", "webgpu", "wasm"] as const;
export type EmbeddingDeviceSetting = (typeof EMBEDDING_DEVICES)[number];
export type EmbeddingDevice = "webgpu" | "wasm";

/** The device a setting asks for, from saved data: anything unknown is "auto". */
export function embeddingDeviceSetting(value: unknown): EmbeddingDeviceSetting {
  return (EMBEDDING_DEVICES as readonly unknown[]).includes(value) ? (value as EmbeddingDeviceSetting) : "auto";
}

/** The slice of `navigator.gpu` this module uses (absent where the engine has no WebGPU). */
export interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** The device chosen, and why it is not WebGPU when WebGPU was wanted. */
export interface DeviceChoice {
  device: EmbeddingDevice;
  /** Set when WebGPU was wanted (auto or WebGPU) but WASM is used. */
  fallback?: string;
}

/** Why no WebGPU adapter can be had, or null when one can. Never throws. */
export async function webGpuProblem(gpu: GpuLike | undefined): Promise<string | null> {
  if (!gpu) return "this device has no WebGPU";
  try {
    return (await gpu.requestAdapter()) ? null : "no WebGPU adapter is available on this device";
  } catch (error) {
    return `WebGPU could not start (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** WASM when the setting says so or no adapter answers; WebGPU otherwise (auto and WebGPU alike). */
export async function chooseEmbeddingDevice(setting: EmbeddingDeviceSetting, gpu: GpuLike | undefined): Promise<DeviceChoice> {
  if (setting === "wasm") return { device: "wasm" };
  const problem = await webGpuProblem(gpu);
  return problem === null ? { device: "webgpu" } : { device: "wasm", fallback: problem };
}

/** How the status and the panel name a device. */
export function deviceLabel(device: EmbeddingDevice): string {
  return device === "webgpu" ? "WebGPU (graphics card)" : "WASM (CPU)";
}
