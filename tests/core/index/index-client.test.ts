import { describe, expect, it } from "vitest";
import { IndexClient } from "../../../src/core/index/index-client";
import type { FromWorker, MessageEndpoint, ToWorker } from "../../../src/core/index/worker-protocol";

/** An endpoint whose worker never answers, as after a crash. */
function silentWorker(): MessageEndpoint<FromWorker, ToWorker> & { posted: ToWorker[] } {
  const posted: ToWorker[] = [];
  return { posted, post: (message) => void posted.push(message), listen: () => undefined };
}

const noVault = { listFiles: () => Promise.resolve([]), readNote: () => Promise.resolve(null) };
const noStorage = { read: () => Promise.resolve(null), writeAtomic: () => Promise.resolve() };

describe("IndexClient", () => {
  it("fails calls waiting on a stopped worker, and every later call at once", async () => {
    const endpoint = silentWorker();
    const client = new IndexClient(endpoint, noVault, noStorage);
    const waiting = client.status();
    client.close("the index worker stopped");
    await expect(waiting).rejects.toThrow("the index worker stopped");
    await expect(client.searchByMeaning("anything")).rejects.toThrow("the index worker stopped");
    expect(endpoint.posted).toHaveLength(1); // the late call never reached the dead worker
  });
});
