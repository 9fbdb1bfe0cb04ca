import { serveIndexOnParentPort } from "../../src/adapters/node/serve-index-on-port";
import { NO_MODEL } from "../../src/core/index/embedder-status";
import { RandomUnitEmbedder } from "./random-embedder";

/** The index worker of the benchmark: the real host code, with random unit vectors for a model. */
serveIndexOnParentPort((config) => Promise.resolve(config.model === "bench:random" ? { embedder: new RandomUnitEmbedder() } : NO_MODEL));
