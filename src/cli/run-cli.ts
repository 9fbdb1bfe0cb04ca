import { captureCommand } from "./commands/capture";
import { checkCommand } from "./commands/check";
import { reviewCommand } from "./commands/review";
import { skillCommand } from "./commands/skill";
import { clustersCommand } from "./commands/clusters";
import { indexCommand } from "./commands/index-vault";
import { searchCommand } from "./commands/search";
import { similarCommand } from "./commands/similar";
import { similarProblemsCommand } from "./commands/similar-problems";
import { suggestSkillsCommand } from "./commands/suggest-skills";
import { problemCommand } from "./commands/problem";
import { problemsCommand } from "./commands/problems";
import { sessionCommand } from "./commands/session";
import { patternsCommand } from "./commands/patterns";
import { reflectCommand } from "./commands/reflect";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { importChatsCommand } from "./commands/import-chats";
import { enrichChatsCommand } from "./commands/enrich-chats";
import { blockerCommand } from "./commands/blocker";
import { patternCommand } from "./commands/pattern";
import { backupCommand } from "./commands/backup";
import { deleteCommand } from "./commands/delete";
import { connectCommand } from "./commands/connect";
import { todayCommand } from "./commands/today";
import { basesCommand } from "./commands/bases";
import { runCommand, type Command } from "./command-kit";
import { processIo, type CliIo } from "./io";

/** Every CLI command; later features add theirs here. */
export const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  capture: captureCommand,
  index: indexCommand,
  search: searchCommand,
  similar: similarCommand,
  "suggest-skills": suggestSkillsCommand,
  "similar-problems": similarProblemsCommand,
  clusters: clustersCommand,
  problem: problemCommand,
  session: sessionCommand,
  problems: problemsCommand,
  review: reviewCommand,
  skill: skillCommand,
  patterns: patternsCommand,
  reflect: reflectCommand,
  export: exportCommand,
  import: importCommand,
  "import-chats": importChatsCommand,
  "enrich-chats": enrichChatsCommand,
  blocker: blockerCommand,
  pattern: patternCommand,
  backup: backupCommand,
  delete: deleteCommand,
  connect: connectCommand,
  today: todayCommand,
  bases: basesCommand,
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
  return runCommand(name, command, rest, io);
}
