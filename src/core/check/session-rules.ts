import { numberProperty } from "../schema/property-readers";
import { parseSessions, totalMinutes, type SessionsTable } from "../problems/sessions-table";
import type { Finding } from "./findings";

/**
 * Findings for a problem's `## Sessions` table: each row that cannot be read, and a `time_spent` that
 * is not the sum of the rows (fixed by writing the sum). The sum is only trusted when every row
 * reads, and a note without a sessions table keeps whatever time_spent the user wrote.
 */
export function checkProblemSessions(path: string, properties: Record<string, unknown>, body: string): Finding[] {
  const table = parseSessions(body);
  if (!table.found) return [];
  const duplicates: Finding[] =
    table.tables > 1
      ? [
          {
            path,
            code: "duplicate-sessions-table",
            severity: "warning",
            message: `the note has ${table.tables} Sessions tables; only the first is read (time_spent, charts) and no session can be added until they are merged into one`,
          },
        ]
      : [];
  return [...duplicates, ...sessionFindings(path, properties, table)];
}

function sessionFindings(path: string, properties: Record<string, unknown>, table: SessionsTable): Finding[] {
  if (table.problems.length > 0) {
    return table.problems.map((problem) => ({
      path,
      code: "invalid-session-row" as const,
      severity: "warning" as const,
      message:
        problem.row === 0
          ? `the Sessions table cannot be read: ${problem.message}`
          : `row ${problem.row} of the Sessions table cannot be read: ${problem.message}; it is left out of time_spent until fixed`,
    }));
  }
  const sum = totalMinutes(table.rows);
  const recorded = properties.time_spent;
  const written = numberProperty(properties, "time_spent");
  if (written === sum || (recorded === undefined && sum === 0)) return [];
  // A non-number time_spent is already an invalid-value finding with its own message.
  if (recorded !== undefined && recorded !== null && written === undefined) return [];
  return [
    {
      path,
      code: "time-spent-mismatch",
      severity: "warning",
      property: "time_spent",
      message: `time_spent is ${written ?? "not set"} but the ${table.rows.length} sessions add up to ${sum} minutes`,
      fix: { action: "set", property: "time_spent", value: sum, description: `set time_spent to ${sum}, the sum of the sessions` },
    },
  ];
}
