/** Pattern engine slices on a ~10k-entry vault. Run: node tests/bench/patterns.mjs [--scale=30] [--cpu-clock | --thread-clock] */
import { benchPatternSlices, sliceClockOf } from "./pattern-slices";

const scale = Number(process.argv.find((arg) => arg.startsWith("--scale="))?.slice(8) ?? 30);
console.log(JSON.stringify(await benchPatternSlices(scale, sliceClockOf(process.argv))));
