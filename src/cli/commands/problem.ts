import type { CliIo } from "../io";
import { CliError } from "../cli-error";
import { problemNewUsage, runProblemNew } from "./problem-new";
import { problemSolveUsage, runProblemSolve } from "./problem-solve";
import { problemMilestoneUsage, runProblemMilestone } from "./problem-milestone";

export const problemUsage = `${problemNewUsage}\n\n${problemSolveUsage}\n\n${problemMilestoneUsage}`;

/** `problem new …`, `problem solve …` and `problem milestone …`. */
export async function runProblem(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "new") return runProblemNew(rest, io);
  if (sub === "solve") return runProblemSolve(rest, io);
  if (sub === "milestone") return runProblemMilestone(rest, io);
  throw new CliError(
    sub && !sub.startsWith("-") ? `Unknown problem subcommand "${sub}"; use: problem new, problem solve, problem milestone.` : "Missing subcommand: problem new, problem solve or problem milestone.",
  );
}
