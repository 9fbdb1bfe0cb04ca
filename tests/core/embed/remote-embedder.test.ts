import { describe, expect, it } from "vitest";
import type { EmbedderLoad } from "../../../src/core/embed/embedder-load";
import { RemoteEmbedder, serveEmbedder, type EmbedWorkerInit, type FromEmbedWorker, type ToEmbedWorker } from "../../../src/core/embed/remote-embedder";
import type { MessageEndpoint } from "../../../src/core/index/worker-protocol";
import { CountingEmbedder } from "../../support/counting-embedder";
import { GatedEmbedder, settle } from "../../support/gated-embedder";

/** Two endpoints joined like a worker and its parent: messages arrive later, as structured clones. */
function channel(): { parent: MessageEndpoint<FromEmbedWorker, ToEmbedWorker>; child: MessageEndpoint<ToEmbedWorker, FromEmbedWorker> } {
  let toParent: ((message: FromEmbedWorker) => void) | null = null;
  let toChild: ((message: ToEmbedWorker) => void) | null = null;
  return {
    parent: { post: (message) => setTimeout(() => toChild?.(structuredClone(message)), 0), listen: (handler) => (toParent = handler) },
    child: { post: (message) => setTimeout(() => toParent?.(structuredClone(message)), 0), listen: (handler) => (toChild = handler) },
  };
}

const INIT: EmbedWorkerInit = { type: "embed-init", modelId: "fake/model", files: new Map([["config.json", new Uint8Array([123, 125])]]) };

describe("RemoteEmbedder and serveEmbedder", () => {
  it("embeds in the other worker what the model there gives, with its model id", async () => {
    const { parent, child } = channel();
    const model = new CountingEmbedder();
    let given: EmbedWorkerInit | null = null;
    serveEmbedder(child, (init): Promise<EmbedderLoad> => {
      given = init;
      return Promise.resolve({ ok: true, embedder: model });
    });
    let stops = 0;
    const remote = await RemoteEmbedder.start(parent, INIT, () => stops++);
    if (!(remote instanceof RemoteEmbedder)) throw new Error("the remote did not start");
    expect(given).toMatchObject({ modelId: "fake/model" });
    expect(remote.modelId).toBe(model.modelId);
    expect(remote.dimensions).toBe(8);
    const [vectors, direct] = await Promise.all([remote.embed(["alpha", "beta"]), new CountingEmbedder().embed(["alpha", "beta"])]);
    expect(vectors.map((v) => [...v])).toEqual(direct.map((v) => [...v]));
    await remote.dispose();
    expect(stops).toBe(1);
  });

  it("says why when the model cannot load there", async () => {
    const { parent, child } = channel();
    serveEmbedder(child, () => Promise.resolve({ ok: false, unavailable: { reason: "the model is damaged", fix: "download it again" } }));
    expect(await RemoteEmbedder.start(parent, INIT, () => undefined)).toEqual({ unavailable: { reason: "the model is damaged", fix: "download it again" } });
  });

  it("passes a failure of the model back to the caller", async () => {
    const { parent, child } = channel();
    serveEmbedder(child, () =>
      Promise.resolve({ ok: true, embedder: { modelId: "m", dimensions: 4, embed: () => Promise.reject(new Error("out of memory")) } }),
    );
    const remote = await RemoteEmbedder.start(parent, INIT, () => undefined);
    if (!(remote instanceof RemoteEmbedder)) throw new Error("the remote did not start");
    await expect(remote.embed(["x"])).rejects.toThrow("out of memory");
  });

  it("computes one request at a time, a search before the batches waiting, and says how long it computed and waited", async () => {
    const { parent, child } = channel();
    const model = new GatedEmbedder();
    let clock = 0;
    serveEmbedder(
      child,
      () => Promise.resolve({ ok: true, embedder: model }),
      () => clock,
    );
    const remote = await RemoteEmbedder.start(parent, INIT, () => undefined);
    if (!(remote instanceof RemoteEmbedder)) throw new Error("the remote did not start");
    const answers = Promise.all([remote.embed(["first"]), remote.embed(["second"]), remote.embedQueries(["a search"])]);
    await settle();
    expect(model.asked).toEqual([["first"]]);
    for (const at of [100, 150, 200]) {
      clock = at;
      model.release();
      await settle();
    }
    expect(model.asked).toEqual([["first"], ["a search"], ["second"]]);
    await answers;
    clock = 500;
    const later = remote.embed(["later"]);
    await settle();
    clock = 520;
    model.release();
    await later;
    // Computing 0–100, 100–150, 150–200 and 500–520; waiting for work 200–500.
    expect(remote.workerLoad()).toEqual([{ busyMs: 220, idleMs: 300 }]);
  });
});
