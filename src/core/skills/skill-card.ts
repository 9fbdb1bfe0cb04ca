import { sectionText } from "../codec/sections";
import { skillEffectiveness, type SkillEffectiveness } from "./effectiveness";
import { recentExamples, type Backlinks, type SkillExample } from "./skill-examples";
import { readSkillState, type SkillState } from "../review/skill-state";
import type { VaultRecord } from "../vault/records";

/** What the review card shows besides the rendered note. */
export interface SkillCard {
  path: string;
  name: string;
  /** The card's front: the text under `## When to use` ("" when the section is missing or empty). */
  whenToUse: string;
  state: SkillState;
  effectiveness: SkillEffectiveness;
  examples: SkillExample[];
}

export function skillCard(record: VaultRecord, backlinks: Backlinks, exampleLimit = 5): SkillCard {
  return {
    path: record.path,
    name: record.name,
    whenToUse: sectionText(record.body, "When to use") ?? "",
    state: readSkillState(record.properties),
    effectiveness: skillEffectiveness(record.properties),
    examples: recentExamples(record.path, backlinks, exampleLimit),
  };
}
