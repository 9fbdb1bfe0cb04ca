import { parseMarkdown } from "../codec/markdown-tree";
import { linkedEntries, type LinkedEntry } from "./linked-entries";
import { milestoneProgress, type MilestoneProgress } from "./milestones";
import { parseSessions, type SessionRow, type SessionRowProblem } from "./sessions-table";
import type { VaultRecord, VaultRecords } from "../vault/records";

/** Everything the problem view shows, read from one vault snapshot. */
export interface ProblemView {
  problem: VaultRecord;
  /** Attempts, blockers and solutions: open blockers first, then oldest first. */
  timeline: LinkedEntry[];
  milestones: MilestoneProgress;
  sessions: SessionRow[];
  /** Rows of the Sessions table that cannot be read, to show rather than hide. */
  sessionProblems: SessionRowProblem[];
}

export function problemView(vault: VaultRecords, problem: VaultRecord): ProblemView {
  const tree = parseMarkdown(problem.body);
  const table = parseSessions(problem.body, tree);
  return {
    problem,
    timeline: linkedEntries(vault, problem),
    milestones: milestoneProgress(problem.body, tree),
    sessions: table.rows,
    sessionProblems: table.problems,
  };
}
