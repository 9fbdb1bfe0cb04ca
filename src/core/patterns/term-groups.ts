import { contentWords } from "../index/terms";
import { fisherUpperTail } from "./exact-rates";
import { Z90, type TestResult } from "./statistics";
import type { EntryPoint } from "./pattern-data";

/** A topic: telling terms shared by several entries of a group, over-represented against the rest. */
export interface TermGroup {
  terms: string[];
  members: EntryPoint[];
  test: TestResult;
}

/** Entries that must share a term before it can be a topic. */
const MIN_MEMBERS = 3;
/** A topic's share of the group above its share elsewhere counted as large (20 points). */
const LARGE_SHARE = 0.2;
/** Terms whose entries overlap this much are one topic ("flaky" and "tests"). */
const SAME_TOPIC = 0.7;
const LABEL_TERMS = 3;

async function termSets(entries: readonly EntryPoint[], tick: () => Promise<void>): Promise<Map<string, Set<string>>> {
  const sets = new Map<string, Set<string>>();
  for (const entry of entries) {
    sets.set(entry.path, new Set(contentWords(entry.text)));
    await tick();
  }
  return sets;
}

/**
 * Topics of `group` (the questions, the blockers) by shared content words (the index's
 * tokenizer): for each word in at least three of them, Fisher's exact chance of seeing it that
 * often if it were as common here as in the `others`. Words over nearly the same entries merge into one
 * topic labelled by up to three of them. `counted` is called once per word tested; `tick` between notes.
 */
export async function termGroups(
  group: readonly EntryPoint[],
  others: readonly EntryPoint[],
  counted: () => void,
  tick: () => Promise<void>,
): Promise<TermGroup[]> {
  const inGroup = await termSets(group, tick);
  const outCounts = new Map<string, number>();
  for (const words of (await termSets(others, tick)).values()) {
    for (const word of words) outCounts.set(word, (outCounts.get(word) ?? 0) + 1);
    await tick();
  }
  const members = new Map<string, EntryPoint[]>();
  for (const entry of group) {
    for (const word of inGroup.get(entry.path)!) {
      const list = members.get(word);
      if (list) list.push(entry);
      else members.set(word, [entry]);
    }
  }
  const scored: { word: string; list: EntryPoint[]; test: TestResult }[] = [];
  for (const [word, list] of members) {
    if (list.length < MIN_MEMBERS) continue;
    counted();
    // Fisher's exact test of the word's share here against elsewhere: a rare word's share elsewhere is
    // itself uncertain, which a test against a fixed baseline would ignore (and call chance overlaps topics).
    const outside = outCounts.get(word) ?? 0;
    const share = list.length / group.length;
    const baseline = outside / Math.max(1, others.length);
    const spread = Z90 * Math.sqrt((share * (1 - share)) / group.length + (baseline * (1 - baseline)) / Math.max(1, others.length));
    const effect = share - baseline;
    scored.push({
      word,
      list,
      test: shareTest(fisherUpperTail(list.length, group.length, outside, others.length), effect, group.length, spread),
    });
    await tick();
  }
  scored.sort((a, b) => a.test.p - b.test.p || b.list.length - a.list.length || a.word.localeCompare(b.word));
  const topics: TermGroup[] = [];
  for (const { word, list, test } of scored) {
    const paths = new Set(list.map((e) => e.path));
    const same = topics.find((topic) => {
      const overlap = topic.members.filter((m) => paths.has(m.path)).length;
      return overlap / Math.max(paths.size, topic.members.length) >= SAME_TOPIC;
    });
    if (same) {
      if (same.terms.length < LABEL_TERMS) same.terms.push(word);
    } else topics.push({ terms: [word], members: list, test });
    // Each word is compared with every topic's members: hundreds of words make this a long step.
    await tick();
  }
  return topics;
}

/** A theme's test: Fisher's one-sided p of its share against the rest, and the difference of shares with its 90 % half-width. */
export function shareTest(p: number, effect: number, n: number, half: number): TestResult {
  return { p, effect, large: LARGE_SHARE, n, interval: [effect - half, effect + half], unit: "share" };
}
