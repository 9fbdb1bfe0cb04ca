import { clearTimeout, setTimeout } from "node:timers";
import type { Timers } from "../../core/index/timers";

/** Node's timers for the index in the CLI, the benchmark and worker_threads. */
export const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
