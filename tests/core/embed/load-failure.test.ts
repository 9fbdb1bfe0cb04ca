import { describe, expect, test } from "vitest";
import { EmbedderUnavailableError } from "../../../src/core/embed/embedder-load";
import { describeLoadFailure } from "../../../src/core/embed/load-failure";

const hub = { kind: "hub", id: "Xenova/all-MiniLM-L6-v2" } as const;

describe("describeLoadFailure", () => {
  test.each([
    [new TypeError("fetch failed"), /no connection/],
    [new Error("getaddrinfo ENOTFOUND huggingface.co"), /no connection/],
    [new Error("`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally"), /not been downloaded yet/],
    [new Error("Could not locate file: https://huggingface.co/x (404)"), /could not be downloaded \(/],
    [new Error("Load model failed:Protobuf parsing failed."), /could not be loaded/],
  ])("%s", (error, reason) => {
    const described = describeLoadFailure(error, hub, "/cache");
    expect(described.reason).toMatch(reason);
    expect(described.reason).toContain(hub.id);
    expect(described.fix).not.toBe("");
  });

  test("a damaged download points at the cache folder", () => {
    expect(describeLoadFailure(new Error("Protobuf parsing failed"), hub, "/home/me/.cache/models").fix).toContain("/home/me/.cache/models");
  });

  test("keeps an EmbedderUnavailableError's own reason and fix", () => {
    expect(describeLoadFailure(new EmbedderUnavailableError("r", "f"), hub)).toEqual({ reason: "r", fix: "f" });
  });

  test("keeps only the first line of long messages", () => {
    const described = describeLoadFailure(new Error(`boom\n${"stack ".repeat(100)}`), { kind: "folder", path: "/m" });
    expect(described.reason).toBe('the model in "/m" could not be loaded (boom)');
  });
});
