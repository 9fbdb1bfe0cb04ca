// A MiniLM-shaped model (6 layers, 384 dims) for the Chromium scripts, built by the tests' own builder into the folder given.
import { buildMiniLmModel } from "../support/models/minilm-model";
const built = await buildMiniLmModel(process.argv[2]!, { modelId: "lifebetter-bench/minilm" });
console.log(built.folder);
