import { describe, expect, it } from "vitest";
import { checkProblemSessions } from "../../../src/core/check/session-rules";

const TABLE = "## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n|-|-|-|-|-|-|-|-|\n";
const ROW_60 = "| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 60 | 5 | 5 | | | |\n";
const ROW_30 = "| 2026-11-21T09:00:00Z | 2026-11-21T09:30:00Z | 30 | 5 | 5 | | | |\n";

describe("checkProblemSessions", () => {
  it("finds nothing when time_spent is the sum of the rows", () => {
    expect(checkProblemSessions("p.md", { time_spent: 90 }, TABLE + ROW_60 + ROW_30)).toEqual([]);
    expect(checkProblemSessions("p.md", {}, TABLE)).toEqual([]);
  });

  it("reports a time_spent that is not the sum, with a property fix writing the sum", () => {
    const [finding, ...rest] = checkProblemSessions("p.md", { time_spent: 100 }, TABLE + ROW_60 + ROW_30);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: "time-spent-mismatch", property: "time_spent", fix: { action: "set", property: "time_spent", value: 90 } });
    expect(finding?.message).toBe("time_spent is 100 but the 2 sessions add up to 90 minutes");
    expect(checkProblemSessions("p.md", {}, TABLE + ROW_60)[0]?.message).toBe("time_spent is not set but the 1 sessions add up to 60 minutes");
  });

  it("reports each unreadable row and no sum, since the sum would be a guess", () => {
    const findings = checkProblemSessions(
      "p.md",
      { time_spent: 1 },
      TABLE + ROW_60 + "| soon | 2026-11-20T10:00:00Z | | | | | | |\n" + "| 2026-11-22T09:00:00Z | 2026-11-22T09:30:00Z | 30 | 12 | 5 | | | |\n",
    );
    expect(findings.map((finding) => [finding.code, finding.message])).toEqual([
      ["invalid-session-row", expect.stringMatching(/^row 2 of the Sessions table cannot be read: start "soon"/) as string],
      ["invalid-session-row", expect.stringMatching(/^row 3 of the Sessions table cannot be read: focus "12"/) as string],
    ]);
    expect(findings.every((finding) => finding.fix === undefined)).toBe(true);
  });

  it("leaves alone a note without a Sessions table, and a time_spent that is not a number", () => {
    expect(checkProblemSessions("p.md", { time_spent: 500 }, "Just text.\n")).toEqual([]);
    expect(checkProblemSessions("p.md", { time_spent: "lots" }, TABLE + ROW_60)).toEqual([]);
  });
});
