// The generator lives in the core now (the pattern engine's permutation tests use it too).
export { seededRandom } from "../../src/core/random";
