/** What `check` can report. Codes are stable: scripts and the check view key on them. */
export type FindingCode =
  | "malformed-frontmatter"
  | "invalid-value"
  | "duplicate-id"
  | "missing-id"
  | "broken-link"
  | "unreadable"
  | "empty-file"
  | "too-large"
  | "invalid-session-row"
  | "time-spent-mismatch"
  | "duplicate-sessions-table";

export type Severity = "error" | "warning" | "info";

/** A property-only repair; applying it never touches the body. */
export type PropertyFix =
  | { action: "new-id"; description: string }
  | {
      action: "set";
      property: string;
      value: unknown;
      description: string;
      /** A key this one takes the place of (`Private` → `private`), removed. */ replaces?: string;
    };

export interface Finding {
  path: string;
  code: FindingCode;
  severity: Severity;
  message: string;
  property?: string;
  fix?: PropertyFix;
}

export interface CheckReport {
  /** Markdown files scanned. */
  files: number;
  /** LifeBetter records by kind. */
  records: Record<string, number>;
  findings: Finding[];
}
