import type { CliIo } from "../io";
import { CliError } from "../cli-error";
import { problemNewUsage, runProblemNew } from "./problem-new";
import { problemSolveUsage, runProblemSolve } from "./problem-solve";

export const problemUsage = `${problemNewUsage}\n\n${problemSolveUsage}`;

/** `problem new …` and `problem solve …`. */
export async function runProblem(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "new") return runProblemNew(rest, io);
  if (sub === "solve") return runProblemSolve(rest, io);
  throw new CliError(sub && !sub.startsWith("-") ? `Unknown problem subcommand "${sub}"; use: problem new, problem solve.` : "Missing subcommand: problem new or problem solve.");
}
