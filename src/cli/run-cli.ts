import { captureUsage, runCapture } from "./commands/capture";
import { checkUsage, runCheck } from "./commands/check";
import { reviewUsage, runReview } from "./commands/review";
import { runSkill, skillUsage } from "./commands/skill";
import { clustersUsage, runClusters } from "./commands/clusters";
import { indexUsage, runIndex } from "./commands/index-vault";
import { runSearch, searchUsage } from "./commands/search";
import { runSimilar, similarUsage } from "./commands/similar";
import { runSimilarProblems, similarProblemsUsage } from "./commands/similar-problems";
import { runSuggestSkills, suggestSkillsUsage } from "./commands/suggest-skills";
import { problemUsage, runProblem } from "./commands/problem";
import { problemsUsage, runProblems } from "./commands/problems";
import { runSession, sessionUsage } from "./commands/session";
import { patternsUsage, runPatterns } from "./commands/patterns";
import { reflectUsage, runReflect } from "./commands/reflect";
import { exportUsage, runExport } from "./commands/export";
import { importUsage, runImport } from "./commands/import";
import { importChatsUsage, runImportChats } from "./commands/import-chats";
import { enrichChatsUsage, runEnrichChats } from "./commands/enrich-chats";
import { blockerUsage, runBlocker } from "./commands/blocker";
import { patternUsage, runPattern } from "./commands/pattern";
import { backupUsage, runBackup } from "./commands/backup";
import { deleteUsage, runDelete } from "./commands/delete";
import { connectUsage, runConnect } from "./commands/connect";
import { runToday, todayUsage } from "./commands/today";
import { basesUsage, runBases } from "./commands/bases";
import { CliError } from "./cli-error";
import { processIo, type CliIo } from "./io";
import { vaultArgument, vaultRelative } from "./vault-relative";

interface Command {
  usage: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

/** Every CLI command; later features add theirs here. */
const COMMANDS: Record<string, Command> = {
  check: { usage: checkUsage, run: runCheck },
  capture: { usage: captureUsage, run: runCapture },
  index: { usage: indexUsage, run: runIndex },
  search: { usage: searchUsage, run: runSearch },
  similar: { usage: similarUsage, run: runSimilar },
  "suggest-skills": { usage: suggestSkillsUsage, run: runSuggestSkills },
  "similar-problems": { usage: similarProblemsUsage, run: runSimilarProblems },
  clusters: { usage: clustersUsage, run: runClusters },
  problem: { usage: problemUsage, run: runProblem },
  session: { usage: sessionUsage, run: runSession },
  problems: { usage: problemsUsage, run: runProblems },
  review: { usage: reviewUsage, run: runReview },
  skill: { usage: skillUsage, run: runSkill },
  patterns: { usage: patternsUsage, run: runPatterns },
  reflect: { usage: reflectUsage, run: runReflect },
  export: { usage: exportUsage, run: runExport },
  import: { usage: importUsage, run: runImport },
  "import-chats": { usage: importChatsUsage, run: runImportChats },
  "enrich-chats": { usage: enrichChatsUsage, run: runEnrichChats },
  blocker: { usage: blockerUsage, run: runBlocker },
  pattern: { usage: patternUsage, run: runPattern },
  backup: { usage: backupUsage, run: runBackup },
  delete: { usage: deleteUsage, run: runDelete },
  connect: { usage: connectUsage, run: runConnect },
  today: { usage: todayUsage, run: runToday },
  bases: { usage: basesUsage, run: runBases },
};

function usage(): string {
  return `Usage: lifebetter <command> --vault DIR [options]\n\n${Object.values(COMMANDS)
    .map((command) => command.usage)
    .join("\n\n")}\n`;
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`lifebetter: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage + "\n");
    return 0;
  }
  const root = vaultArgument(rest);
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`lifebetter ${name}: ${vaultRelative(error.message, root)}\n`);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with a code; those are usage errors.
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.err(`lifebetter ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    io.err(`lifebetter ${name}: ${vaultRelative(error instanceof Error ? error.message : String(error), root)}\n`);
    return 1;
  }
}

