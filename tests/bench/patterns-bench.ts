/** Pattern engine slices on a ~10k-entry vault. Run: node tests/bench/patterns.mjs [--scale=30] [--cpu-clock] */
import { benchPatternSlices } from "./pattern-slices";

const scale = Number(process.argv.find((arg) => arg.startsWith("--scale="))?.slice(8) ?? 30);
console.log(JSON.stringify(await benchPatternSlices(scale, process.argv.includes("--cpu-clock"))));
