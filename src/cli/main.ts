#!/usr/bin/env node
import { runCli } from "./run-cli";

// The `lifebetter` command: dist/cli.js is built from this file.
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lifebetter: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
