import { seededRandom as seeded } from "../support/seeded-random";

/**
 * Synthetic vaults like the ones Orama was measured on (shared notes/orama-measured.md): bodies of
 * ~150 words drawn from a 20k-word Zipf vocabulary, a heading or two, tags, and 10% near-duplicates.
 */
export interface SyntheticNote {
  path: string;
  text: string;
}

const VOCABULARY_SIZE = 20_000;
const SYLLABLES = "ka lo mi ne ru sa ti vo pe da ri mo lu fe go ha ji ku be zo".split(" ");

/** Pronounceable distinct words: word i spelled in base 20 syllables. */
function word(i: number): string {
  let n = i + 20;
  let out = "";
  while (n > 0) {
    out += SYLLABLES[n % 20];
    n = Math.floor(n / 20);
  }
  return out;
}

export const VOCABULARY: readonly string[] = Array.from({ length: VOCABULARY_SIZE }, (_, i) => word(i));

/** Draws word ranks with a Zipf(1) distribution through the inverse of its cumulative weights. */
function zipfSampler(random: () => number): () => string {
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let sum = 0;
  for (let i = 0; i < VOCABULARY_SIZE; i++) cumulative[i] = sum += 1 / (i + 1);
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = VOCABULARY_SIZE - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return VOCABULARY[lo]!;
  };
}

export function syntheticVault(count: number, seed = 7): SyntheticNote[] {
  const random = seeded(seed);
  const draw = zipfSampler(random);
  const words = (n: number): string => Array.from({ length: n }, draw).join(" ");
  const notes: SyntheticNote[] = [];
  for (let i = 0; i < count; i++) {
    const folder = `Folder ${i % 50}`;
    const original = i >= 10 && random() < 0.1 ? notes[Math.floor(random() * notes.length)] : undefined;
    const body = original
      ? original.text.replace(/\n([^\n]*)$/, (_, last: string) => `\n${last} ${words(5)}`) // near-duplicate
      : `---\ntags: [${draw()}, ${draw()}]\n---\n# ${words(3)}\n\n${words(70)}.\n\n## ${words(2)}\n\n${words(80)}.\n`;
    notes.push({ path: `${folder}/Note ${i}.md`, text: body });
  }
  return notes;
}
