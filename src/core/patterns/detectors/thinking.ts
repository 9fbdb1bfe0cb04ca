import { entryTypeThemes } from "./entry-themes";
import type { DetectContext } from "../detect-context";
import type { PatternCandidate } from "../pattern-types";
import type { PatternData } from "../pattern-data";

/** Thinking: clusters of questions the user keeps asking, labelled by the cluster's telling terms. */
export async function detectThinking(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return (await entryTypeThemes(data, context, "question", "questions")).map(({ topic, total, fields }): PatternCandidate => ({
    key: `thinking/questions/${topic.id}`,
    name: `You ask many questions about ${topic.label}`,
    description: `${topic.members.length} of your ${total} questions are about ${topic.label}, a topic that is rare in your other notes.`,
    pattern_type: "thinking",
    positive: true,
    suggestion: `Write what you already know about ${topic.terms[0] ?? "it"} in one note, or make it a problem to work on.`,
    ...fields,
  }));
}
