import { dayOf, type Day } from "../../core/dates/days";
import { reviewDecision } from "../../core/review/decision-review";
import { findNote } from "../../core/review/find-note";
import { gradeSkill } from "../../core/review/grade-skill";
import { parseGrade, REVIEW_GRADES } from "../../core/review/grades";
import { loadReview } from "../../core/review/load-review";
import type { NoteRepository } from "../../core/vault/repository";
import { CliError } from "../cli-error";
import { ruleText, SCALE_1_TO_10, typedNumber } from "../../core/schema/values";
import { defineCommand } from "../command-kit";
import { dayOption } from "../option-values";
import { formatGrade, formatQueue } from "./review-format";

export const reviewUsage = `lifebetter review --vault DIR --due [--today YYYY-MM-DD] [--json]
  Lists the skills and decisions due for review, in review order (daily limits applied).
lifebetter review --vault DIR --grade NOTE again|hard|good|easy [--today YYYY-MM-DD] [--json]
  Grades a meta-skill (1–4 work too) and writes its next review date; only properties change.
lifebetter review --vault DIR --decision NOTE --outcome TEXT --satisfaction N --same yes|no
                  [--today YYYY-MM-DD] [--json]
  Records how a decision turned out (satisfaction 1–10; would you decide the same?).`;

const OPTIONS = {
  due: { type: "boolean" },
  grade: { type: "string" },
  decision: { type: "string" },
  outcome: { type: "string" },
  satisfaction: { type: "string" },
  same: { type: "string" },
  today: { type: "string" },
} as const;

function yesNo(raw: string | undefined): boolean {
  const text = raw?.trim().toLowerCase();
  if (text === "yes" || text === "y" || text === "true") return true;
  if (text === "no" || text === "n" || text === "false") return false;
  throw new CliError(raw === undefined ? "Missing --same yes|no: would you decide the same again?" : `--same takes yes or no, not "${raw}".`);
}

async function notePath(repo: NoteRepository, input: string): Promise<string> {
  const path = findNote(
    input,
    (await repo.listFiles()).map((file) => file.path),
  );
  if (!path) throw new CliError(`No note "${input}" in the vault (give its name or its path).`);
  return path;
}

export const reviewCommand = defineCommand({
  usage: reviewUsage,
  options: OPTIONS,
  positionals: true,
  run: async ({ values, positionals }, { repo, settings }) => {
    const modes = [values.due, values.grade !== undefined, values.decision !== undefined].filter(Boolean).length;
    if (modes !== 1) throw new CliError("Give exactly one of --due, --grade NOTE GRADE or --decision NOTE.");
    const today: Day = dayOption("today", values.today) ?? dayOf(new Date());

    if (values.due) {
      if (positionals.length > 0) throw new CliError(`Unexpected argument "${positionals[0]}".`);
      const { queue, summary } = await loadReview(repo, settings, today);
      return { json: { ...queue, summary }, text: formatQueue(queue, summary) };
    }

    if (values.grade !== undefined) {
      if (positionals.length !== 1) throw new CliError(`Give one grade after the note: ${REVIEW_GRADES.join(", ")} (or 1–4).`);
      const grade = parseGrade(positionals[0] ?? "");
      if (!grade) throw new CliError(`"${positionals[0]}" is not a grade: use ${REVIEW_GRADES.join(", ")} (or 1–4).`);
      const path = await notePath(repo, values.grade);
      const outcome = await gradeSkill(repo, path, grade, settings.scheduler, { today });
      return { json: { path, ...outcome }, text: formatGrade(path, outcome) };
    }

    if (positionals.length > 0) throw new CliError(`Unexpected argument "${positionals[0]}".`);
    if (values.outcome === undefined) throw new CliError("Missing --outcome TEXT: how did the decision turn out?");
    const satisfaction = typedNumber("--satisfaction", values.satisfaction, SCALE_1_TO_10);
    if (satisfaction === undefined) throw new CliError(`Missing --satisfaction: ${ruleText(SCALE_1_TO_10)}.`);
    const answer = { actualOutcome: values.outcome, satisfaction, wouldDecideSame: yesNo(values.same) };
    const path = await notePath(repo, values.decision ?? "");
    await reviewDecision(repo, path, answer, { today });
    return { json: { path, ...answer }, text: `Recorded the outcome of ${path}.` };
  },
});
