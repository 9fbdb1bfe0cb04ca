import { parseArgs } from "node:util";
import { InvalidInputError } from "../../core/errors";
import { createMetaSkill } from "../../core/skills/new-skill";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { openVault } from "../vault-context";

export const skillUsage = `lifebetter skill new --vault DIR --name NAME [--category C] [--source discovered|learned|imported]
                     [--what TEXT] [--when TEXT] [--how TEXT] [--json]
  Creates a meta-skill note named NAME with What it is / When to use / How to apply, due for its first
  review tomorrow. Never overwrites; refuses a name another note already has.`;

export async function runSkill(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      vault: { type: "string" },
      name: { type: "string" },
      category: { type: "string" },
      source: { type: "string" },
      what: { type: "string" },
      when: { type: "string" },
      how: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals[0] !== "new" || positionals.length !== 1) throw new CliError(`Unknown skill subcommand "${positionals.join(" ")}": use "skill new".`);
  if (values.name === undefined) throw new CliError("Missing --name: the skill's name, which is also its note name.");
  const { repo, settings } = await openVault(values.vault, io);
  try {
    const skill = await createMetaSkill(
      repo,
      { name: values.name, category: values.category, source: values.source, whatItIs: values.what, whenToUse: values.when, howToApply: values.how },
      settings,
    );
    io.out(values.json ? JSON.stringify(skill) + "\n" : `Created ${skill.path} (id ${skill.id})\n`);
    return 0;
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CliError(error.message);
    throw error;
  }
}
