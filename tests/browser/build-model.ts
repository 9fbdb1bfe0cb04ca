// A model for tests/browser/worker-in-chromium.mjs, built by the tests' own builder into the folder given.
import { buildStaticModel } from "../support/models/static-model";
const built = await buildStaticModel(process.argv[2]!, { modelId: "lifebetter-test/wasm" });
console.log(built.folder);
