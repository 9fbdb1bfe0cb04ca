import { hashText } from "../index/text-hash";
import type { DetectContext } from "./detect-context";
import { meaningGroups } from "./meaning-groups";
import type { EntryPoint, PatternData } from "./pattern-data";
import { termGroups, type TermGroup } from "./term-groups";

/** A recurring theme of blockers, questions or failed attempts, with what to call it. */
export interface Theme extends TermGroup {
  /** "flaky · tests · ci", or a quote of its most central member when its members share no word. */
  label: string;
  /** The stable part of its pattern key. */
  id: string;
  /** Whether it was found by meaning (the index's vectors) rather than by shared words. */
  byMeaning: boolean;
}

const QUOTED_WORDS = 8;

function quote(text: string): string {
  const words = text.trim().split(/\s+/);
  return `“${words.slice(0, QUOTED_WORDS).join(" ")}${words.length > QUOTED_WORDS ? " …" : ""}”`;
}

/** Themes of a group by meaning when the index has vectors for it, else by shared words. */
export async function themesOf(group: readonly EntryPoint[], others: readonly EntryPoint[], data: PatternData, context: DetectContext): Promise<Theme[]> {
  const byMeaning = data.vectors ? await meaningGroups(group, others, data.vectors, context.counted, context.tick) : null;
  const groups = byMeaning ?? (await termGroups(group, others, context.counted, context.tick));
  return groups.map((g) => ({
    ...g,
    label: g.terms.length > 0 ? g.terms.join(" · ") : `notes like ${quote(g.members[0]!.text)}`,
    id:
      g.terms[0] ??
      `theme-${hashText(
        g.members
          .map((m) => m.path)
          .sort()
          .join("\n"),
      ).slice(0, 8)}`,
    byMeaning: byMeaning !== null,
  }));
}
