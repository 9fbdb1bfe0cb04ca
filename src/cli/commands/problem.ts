import { defineSubcommands } from "../command-kit";
import { problemMilestoneCommand } from "./problem-milestone";
import { problemNewCommand } from "./problem-new";
import { problemSolveCommand } from "./problem-solve";

/** `problem new …`, `problem solve …` and `problem milestone …`. */
export const problemCommand = defineSubcommands("problem", { new: problemNewCommand, solve: problemSolveCommand, milestone: problemMilestoneCommand });
