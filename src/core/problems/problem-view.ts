import { parseMarkdown } from "../codec/markdown-tree";
import { threadOf, type ThreadReply } from "../capture/threads";
import { linkedEntries, type LinkedEntry } from "./linked-entries";
import { milestoneProgress, type MilestoneProgress } from "./milestones";
import { parseSessions, type SessionRow, type SessionRowProblem } from "./sessions-table";
import type { VaultRecord, VaultRecords } from "../vault/records";

/** Everything the problem view shows, read from one vault snapshot. */
export interface ProblemView {
  problem: VaultRecord;
  /** Attempts, blockers and solutions: open blockers first, then oldest first. Replies are under their parent. */
  timeline: LinkedEntry[];
  /** The replies (threads, by `parent`) under each timeline entry, by its path. */
  replies: Map<string, ThreadReply[]>;
  milestones: MilestoneProgress;
  sessions: SessionRow[];
  /** Rows of the Sessions table that cannot be read, to show rather than hide. */
  sessionProblems: SessionRowProblem[];
}

export function problemView(vault: VaultRecords, problem: VaultRecord): ProblemView {
  const tree = parseMarkdown(problem.body);
  const table = parseSessions(problem.body, tree);
  const linked = linkedEntries(vault, problem);
  const replies = new Map(linked.map((entry) => [entry.path, threadOf(vault, entry.path)]));
  // An attempt that replies to an earlier timeline entry shows in its thread, not twice (and a
  // `parent` loop between two entries keeps the first of them).
  const shown = new Set<string>();
  const timeline = linked.filter((entry) => {
    if (shown.has(entry.path)) return false;
    for (const reply of replies.get(entry.path) ?? []) shown.add(reply.path);
    return true;
  });
  return {
    problem,
    timeline,
    replies,
    milestones: milestoneProgress(problem.body, tree),
    sessions: table.rows,
    sessionProblems: table.problems,
  };
}
