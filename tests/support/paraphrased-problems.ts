/**
 * Problems and AI conversations that say the same thing in other words: each problem is written with
 * some words of a few meanings, and its conversations use only other words of those meanings (the
 * synonym groups of the static test model, tests/support/models/vocabulary-groups.ts), so no content
 * word is shared and only meaning can link them. Unrelated conversations use meanings no problem
 * has; near misses share one meaning with a problem and talk about two others. The data the fused
 * (meaning and words) problem link threshold is measured on.
 */
import type { FakeMessage } from "./chat-exports";

export interface ParaphrasedProblem {
  name: string;
  description: string;
  /** Words of the same meanings that the description does not use. */
  paraphrase: string[];
}

export const PARAPHRASED_PROBLEMS: ParaphrasedProblem[] = [
  {
    name: "Slow editor",
    description: "The editor is slow: editing a long page has poor performance.",
    paraphrase: ["sluggish", "lag", "freeze", "modify", "document", "documents"],
  },
  {
    name: "Money on subscriptions",
    description: "I spend too much money on subscriptions and need a budget.",
    paraphrase: ["expense", "finance", "spending", "billing", "payment", "price"],
  },
  {
    name: "Sleep and stress",
    description: "I sleep badly and feel tired from stress and anxiety.",
    paraphrase: ["exhausted", "fatigue", "nap", "worried", "nervous", "fear"],
  },
  {
    name: "Vault backups",
    description: "Keep backups of the vault with versions and history.",
    paraphrase: ["snapshot", "snapshots", "recovery", "restore", "library", "collection"],
  },
  {
    name: "Running habit",
    description: "Build a running habit: exercise every morning as a routine.",
    paraphrase: ["jog", "workout", "gym", "training", "practice", "routines"],
  },
  { name: "Sourdough fails", description: "My sourdough bread fails in the oven.", paraphrase: ["loaf", "dough", "yeast", "roast", "bake", "faulty"] },
  {
    name: "Tags and links",
    description: "My tags and links are a mess of labels and backlinks.",
    paraphrase: ["category", "categories", "connection", "connections", "reference", "references"],
  },
  {
    name: "Crashing tests",
    description: "The code crashes and the tests fail with errors.",
    paraphrase: ["programming", "script", "bug", "defect", "verify", "validate"],
  },
];

/** Meanings no problem has. */
const UNRELATED_MEANINGS: string[][] = [
  ["theme", "appearance", "css", "font", "colour"],
  ["canvas", "whiteboard", "board"],
  ["template", "boilerplate", "skeleton"],
  ["publish", "website", "sharing", "site"],
  ["journal", "diary", "daily"],
  ["happy", "joy", "cheerful", "delight"],
  ["novel", "author", "reading", "book"],
  ["forest", "garden", "mountain", "valley"],
  ["hotkey", "keybinding", "shortcut"],
  ["password", "encryption", "privacy"],
  ["cook", "recipe", "dinner", "meal"],
  ["graph", "network", "map"],
];

/** Near misses: one meaning of a problem (its paraphrase words) among two unrelated ones. */
function nearMisses(): { words: string[]; shares: string }[] {
  return PARAPHRASED_PROBLEMS.map((problem, index) => ({
    words: [
      ...problem.paraphrase.slice(0, 2),
      ...(UNRELATED_MEANINGS[index % UNRELATED_MEANINGS.length] ?? []),
      ...(UNRELATED_MEANINGS[(index + 5) % UNRELATED_MEANINGS.length] ?? []),
    ],
    shares: problem.name,
  }));
}

/** A small deterministic generator, so the data is the same on every run. */
function picker(seed: number): (items: readonly string[]) => string {
  let state = seed >>> 0 || 1;
  return (items) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return items[state % items.length] ?? "";
  };
}

const QUESTIONS = [
  "How do I deal with {a} and {b}?",
  "Why is my {a} like this, and what about {b}?",
  "What should I do about {a} when {b} gets worse?",
  "Any advice on {a}? Also {b}.",
];
const ANSWERS = ["Look at {a} first, then {b}.", "Most people handle {a} by keeping an eye on {b}.", "Write down each {a} and each {b}, then compare them."];

function fill(form: string, words: readonly string[], pick: (items: readonly string[]) => string): string {
  return form.replace("{a}", pick(words)).replace("{b}", pick(words));
}

function dialogue(words: readonly string[], seed: number, turns: number): FakeMessage[] {
  const pick = picker(seed);
  const messages: FakeMessage[] = [];
  for (let turn = 0; turn < turns; turn++) {
    messages.push({ role: "user", text: fill(pick(QUESTIONS), words, pick) });
    messages.push({ role: "assistant", text: `${fill(pick(ANSWERS), words, pick)} ${fill(pick(ANSWERS), words, pick)}` });
  }
  return messages;
}

export interface ParaphrasedConversation {
  title: string;
  messages: FakeMessage[];
  /** The problem it is about, or null for an unrelated one or a near miss. */
  about: string | null;
  kind: "paraphrase" | "unrelated" | "near miss" | "worded" | "worded unrelated";
}

/** `perProblem` paraphrases of each problem, as many unrelated conversations, and one near miss a problem. */
export function paraphrasedConversations(perProblem = 3): ParaphrasedConversation[] {
  const out: ParaphrasedConversation[] = [];
  PARAPHRASED_PROBLEMS.forEach((problem, index) => {
    for (let n = 0; n < perProblem; n++) {
      out.push({
        title: `Question ${index}-${n}`,
        messages: dialogue(problem.paraphrase, index * 131 + n + 7, 2 + (n % 3)),
        about: problem.name,
        kind: "paraphrase",
      });
    }
  });
  UNRELATED_MEANINGS.forEach((words, index) => {
    for (let n = 0; n < perProblem; n++)
      out.push({ title: `Chat ${index}-${n}`, messages: dialogue(words, 7000 + index * 37 + n, 2 + (n % 3)), about: null, kind: "unrelated" });
  });
  nearMisses().forEach((miss, index) =>
    out.push({ title: `Mixed ${index}`, messages: dialogue(miss.words, 11000 + index, 3), about: null, kind: "near miss" }),
  );
  return out;
}
