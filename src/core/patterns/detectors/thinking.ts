import { unique, type DetectContext } from "../detect-context";
import { countsByMonthChart } from "../charts";
import { themesOf } from "../themes";
import type { PatternCandidate } from "../pattern-types";
import type { PatternData } from "../pattern-data";

/** Thinking: clusters of questions the user keeps asking, labelled by the cluster's telling terms. */
export async function detectThinking(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const questions = data.entries.filter((e) => e.type === "question");
  const others = data.entries.filter((e) => e.type !== "question");
  const topics = await themesOf(questions, others, data, context);
  return topics.map((topic): PatternCandidate => {
    const label = topic.label;
    return {
      key: `thinking/questions/${topic.id}`,
      name: `You ask many questions about ${label}`,
      description: `${topic.members.length} of your ${questions.length} questions are about ${label}, a topic that is rare in your other notes.`,
      pattern_type: "thinking",
      positive: true,
      compared: topic.byMeaning
        ? `how many of your ${questions.length} questions are this close in meaning against how many of your other notes are`
        : `how many of your ${questions.length} questions share these words against how often your other notes use them`,
      evidence: unique(topic.members.map((e) => e.path)),
      suggestion: `Write what you already know about ${topic.terms[0] ?? "it"} in one note, or make it a problem to work on.`,
      chart: countsByMonthChart(`Questions about ${label} by month`, topic.members.map((e) => e.date), "Questions"),
      test: topic.test,
    };
  });
}
