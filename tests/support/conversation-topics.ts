/**
 * Generated problems and AI conversations about them, plus unrelated conversations and near misses
 * (the same generic words — fix, problem, slow, help — about another subject): the data the problem
 * link threshold is measured on and the enrichment tests import.
 */
import type { FakeMessage } from "./chat-exports";

export interface TopicProblem {
  name: string;
  description: string;
  /** Words someone talking about it would use. */
  words: string[];
}

export const TOPIC_PROBLEMS: TopicProblem[] = [
  {
    name: "Slow API cache",
    description: "The API server cache misses too often, so responses are slow under load.",
    words: ["cache", "redis", "eviction", "ttl", "latency", "hit rate", "api server"],
  },
  {
    name: "Learn Spanish",
    description: "Reach conversational Spanish: vocabulary, verb conjugation and listening practice.",
    words: ["spanish", "vocabulary", "conjugation", "subjunctive", "listening", "duolingo", "verbs"],
  },
  {
    name: "Sleep schedule",
    description: "I go to bed too late and wake up tired; fix the sleep schedule and bedtime routine.",
    words: ["sleep", "bedtime", "insomnia", "melatonin", "circadian", "wake up", "tired"],
  },
  {
    name: "Kitchen renovation",
    description: "Renovate the kitchen: cabinets, countertops, plumbing and the budget with the contractor.",
    words: ["kitchen", "cabinets", "countertop", "contractor", "plumbing", "tiles", "renovation"],
  },
  {
    name: "Marathon training",
    description: "Train for the autumn marathon: long runs, pace, mileage and avoiding injury.",
    words: ["marathon", "long run", "pace", "mileage", "tempo", "shin splints", "running"],
  },
  {
    name: "Flaky CI pipeline",
    description: "The CI pipeline fails at random: flaky integration tests, timeouts and docker runners.",
    words: ["ci", "pipeline", "flaky", "integration tests", "runner", "docker", "timeout"],
  },
  {
    name: "Monthly budget",
    description: "Get spending under control with a monthly budget, savings goal and fewer subscriptions.",
    words: ["budget", "spending", "savings", "subscriptions", "expenses", "groceries", "rent"],
  },
  {
    name: "Thesis literature review",
    description: "Write the literature review chapter of the thesis: sources, citations and structure.",
    words: ["thesis", "literature review", "citations", "papers", "chapter", "zotero", "supervisor"],
  },
];

/** Conversations on subjects no problem is about. */
const UNRELATED_SUBJECTS: string[][] = [
  ["birthday party", "balloons", "guests", "cake", "invitations"],
  ["houseplants", "watering", "monstera", "sunlight", "repotting"],
  ["chess openings", "sicilian", "gambit", "endgame", "rook"],
  ["sourdough", "starter", "flour", "oven", "crust"],
  ["guitar chords", "strumming", "capo", "barre", "fretboard"],
  ["trip to lisbon", "flights", "hotel", "tram", "pastries"],
  ["photography", "aperture", "shutter speed", "lens", "exposure"],
  ["dog training", "leash", "treats", "recall", "puppy"],
];

/** A small deterministic generator, so the data is the same on every run. */
function picker(seed: number): (items: readonly string[]) => string {
  let state = seed >>> 0 || 1;
  return (items) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return items[state % items.length] ?? "";
  };
}

const QUESTION_FORMS = [
  "How should I handle {a} when {b} keeps getting worse?",
  "What is the best way to deal with {a} and {b}?",
  "Why does {a} matter so much for {b}?",
  "Can you help me fix my problem with {a}?",
  "Is it normal that {a} is so slow compared to {b}?",
];
const ANSWER_FORMS = [
  "Start by looking at {a}, because it usually drives {b}.",
  "Many people find that {a} improves once {b} is measured every week.",
  "A common mistake is ignoring {a}; keep notes on {b} and compare.",
  "Try changing one thing at a time: first {a}, then {b}.",
  "If {a} still does not help, ask someone who knows {b} well.",
];

function fill(form: string, words: readonly string[], pick: (items: readonly string[]) => string): string {
  return form.replace("{a}", pick(words)).replace("{b}", pick(words));
}

/** A conversation of `turns` question–answer pairs about the given words. */
export function topicDialogue(words: readonly string[], seed: number, turns = 3): FakeMessage[] {
  const pick = picker(seed);
  const messages: FakeMessage[] = [];
  for (let turn = 0; turn < turns; turn++) {
    messages.push({ role: "user", text: fill(pick(QUESTION_FORMS), words, pick) });
    messages.push({
      role: "assistant",
      text: `${fill(pick(ANSWER_FORMS), words, pick)} ${fill(pick(ANSWER_FORMS), words, pick)}\n\n- ${fill(pick(ANSWER_FORMS), words, pick)}`,
    });
  }
  return messages;
}

export interface GeneratedConversation {
  title: string;
  messages: FakeMessage[];
  /** The problem it is about, or null for an unrelated one. */
  about: string | null;
}

/** `perProblem` conversations about each problem, and as many unrelated ones and near misses. */
export function generatedConversations(perProblem = 3): GeneratedConversation[] {
  const out: GeneratedConversation[] = [];
  TOPIC_PROBLEMS.forEach((problem, index) => {
    for (let n = 0; n < perProblem; n++)
      out.push({
        title: `About ${problem.words[n % problem.words.length] ?? problem.name}`,
        messages: topicDialogue(problem.words, index * 97 + n + 1, 2 + n),
        about: problem.name,
      });
  });
  UNRELATED_SUBJECTS.forEach((words, index) => {
    for (let n = 0; n < perProblem; n++)
      out.push({ title: `Chat about ${words[0] ?? "things"}`, messages: topicDialogue(words, 5000 + index * 31 + n, 2 + n), about: null });
  });
  // Near misses: the generic words of a problem talk ("fix", "slow", "problem", "help") about another subject.
  UNRELATED_SUBJECTS.forEach((words, index) => {
    out.push({
      title: `Problem with ${words[1] ?? "it"}`,
      messages: topicDialogue([...words, "problem", "fix", "slow", "help", "schedule", "training"], 9000 + index),
      about: null,
    });
  });
  return out;
}
