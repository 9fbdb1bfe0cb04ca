import { runCli } from "../../src/cli/run-cli";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with captured output, as `lifebetter <args>` would. */
export async function cli(...args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { code, out, err };
}
