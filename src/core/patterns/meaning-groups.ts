import { quantile } from "simple-statistics";
import { contentWords } from "../index/terms";
import { fisherUpperTail } from "./exact-rates";
import { Z90 } from "./statistics";
import { shareTest, type TermGroup } from "./term-groups";
import type { EntryPoint } from "./pattern-data";

/** Entries that must be close in meaning before they can be a theme. */
const MIN_MEMBERS = 3;
/** Share of a group that must have vectors before themes are read by meaning (else by words). */
const MIN_WITH_VECTORS = 0.9;
/**
 * Two entries are "close" when their cosine is above this quantile of the similarities between the
 * group and the other notes: a threshold taken from the person's own notes and model, not a constant
 * that suits one embedding model.
 */
const CLOSE_QUANTILE = 0.97;
/** Words in at least this share of a theme's members may label it. */
const SHARED_BY = 0.5;
const LABEL_TERMS = 3;
/** Others compared for the threshold and the test, at most (a seeded-free, evenly spaced sample). */
const MAX_OTHERS = 2000;

function unit(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm > 0 ? vector.map((x) => x / norm) : [...vector];
}

const dot = (a: readonly number[], b: readonly number[]): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

/** Evenly spaced items, at most `limit` of them (deterministic, so the same notes give the same themes). */
function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, i) => items[Math.floor((i * items.length) / limit)]!);
}

/** Words shared by at least half of the members, most shared first: the only words a label may use. */
export function sharedWords(members: readonly EntryPoint[]): string[] {
  const counts = new Map<string, number>();
  for (const member of members) for (const word of new Set(contentWords(member.text))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const least = Math.max(2, Math.ceil(members.length * SHARED_BY));
  return [...counts]
    .filter(([, count]) => count >= least)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, LABEL_TERMS)
    .map(([word]) => word);
}

/**
 * Themes of `group` (blockers, questions, failed attempts) by meaning, from the index's note vectors: entries whose
 * vectors are close (above the CLOSE_QUANTILE of group-to-other similarities) gather around the entry
 * with the most close neighbours, greedily (a neighbour stays when it is close to half the others
 * too). Each theme is tested like a word topic: Fisher's exact test of how many of the group are close
 * to its seed against how many other notes are; every entry counts as a hypothesis, since any could
 * have seeded a theme. Its label is the words at least half its members share (none: empty `terms`, and the
 * detector quotes its most central member); its evidence is its members. Null when too few entries
 * have vectors: the caller falls back to words.
 */
export async function meaningGroups(
  group: readonly EntryPoint[],
  others: readonly EntryPoint[],
  vectors: ReadonlyMap<string, readonly number[]>,
  counted: () => void,
  tick: () => Promise<void>,
): Promise<TermGroup[] | null> {
  const inGroup = group.filter((e) => vectors.has(e.path));
  if (group.length === 0 || inGroup.length < group.length * MIN_WITH_VECTORS) return null;
  const outside = spread(
    others.filter((e) => vectors.has(e.path)),
    MAX_OTHERS,
  );
  if (outside.length < MIN_MEMBERS) return null;
  const points = inGroup.map((e) => unit(vectors.get(e.path)!));
  const outPoints = outside.map((e) => unit(vectors.get(e.path)!));
  const background: number[] = [];
  for (const point of spread(points, 100)) {
    for (const other of spread(outPoints, 200)) background.push(dot(point, other));
    await tick();
  }
  const close = quantile(background, CLOSE_QUANTILE);
  const neighbours: number[][] = points.map(() => []);
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (dot(points[i]!, points[j]!) < close) continue;
      neighbours[i]!.push(j);
      neighbours[j]!.push(i);
    }
    await tick();
  }
  // Every entry could seed a theme: each counts as a hypothesis, kept or not.
  for (let i = 0; i < points.length; i++) counted();
  const assigned = new Set<number>();
  const themes: TermGroup[] = [];
  for (;;) {
    const free = (i: number): number[] => neighbours[i]!.filter((j) => !assigned.has(j));
    let seed = -1;
    for (let i = 0; i < points.length; i++) if (!assigned.has(i) && (seed < 0 || free(i).length > free(seed).length)) seed = i;
    if (seed < 0 || free(seed).length + 1 < MIN_MEMBERS) break;
    // Keep the seed's neighbours that are close to at least half of the others too: one chance
    // likeness to the seed does not make a note part of the theme.
    const candidates = [seed, ...free(seed)];
    const memberIndexes = candidates.filter(
      (i) => i === seed || candidates.filter((j) => j !== i && neighbours[i]!.includes(j)).length * 2 >= candidates.length - 1,
    );
    if (memberIndexes.length < MIN_MEMBERS) {
      assigned.add(seed);
      continue;
    }
    memberIndexes.forEach((i) => assigned.add(i));
    // The test: is the seed's neighbourhood denser among the group than among the other notes?
    const groupClose = neighbours[seed]!.length;
    const otherClose = outPoints.filter((p) => dot(p, points[seed]!) >= close).length;
    const share = groupClose / (inGroup.length - 1);
    const baseline = otherClose / outPoints.length;
    const effect = share - baseline;
    const half = Z90 * Math.sqrt((share * (1 - share)) / (inGroup.length - 1) + (baseline * (1 - baseline)) / outPoints.length);
    const centroid = unit(points[0]!.map((_, d) => memberIndexes.reduce((sum, i) => sum + points[i]![d]!, 0)));
    const members = memberIndexes
      .map((i) => ({ entry: inGroup[i]!, score: dot(points[i]!, centroid) }))
      .sort((a, b) => b.score - a.score)
      .map((m) => m.entry);
    themes.push({
      terms: sharedWords(members),
      members,
      test: shareTest(fisherUpperTail(groupClose, inGroup.length - 1, otherClose, outPoints.length), effect, inGroup.length, half),
    });
    await tick();
  }
  return themes;
}
