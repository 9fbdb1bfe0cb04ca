import { createMetaSkill } from "../../core/skills/new-skill";
import { defineCommand, defineSubcommands } from "../command-kit";

export const skillUsage = `lifebetter skill new --vault DIR --name NAME [--category C] [--source discovered|learned|imported]
                     [--what TEXT] [--when TEXT] [--how TEXT] [--json]
  Creates a meta-skill note named NAME with What it is / When to use / How to apply, due for its first
  review tomorrow. Never overwrites; refuses a name another note already has.`;

const skillNewCommand = defineCommand({
  usage: skillUsage,
  options: {
    name: { type: "string", required: "the skill's name, which is also its note name." },
    category: { type: "string" },
    source: { type: "string" },
    what: { type: "string" },
    when: { type: "string" },
    how: { type: "string" },
  },
  run: async ({ values }, { repo, settings }) => {
    const skill = await createMetaSkill(
      repo,
      { name: values.name, category: values.category, source: values.source, whatItIs: values.what, whenToUse: values.when, howToApply: values.how },
      settings,
    );
    return { json: skill, text: `Created ${skill.path} (id ${skill.id})` };
  },
});

/** `skill new …`. */
export const skillCommand = defineSubcommands("skill", { new: skillNewCommand }, skillUsage);
