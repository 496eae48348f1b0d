/** Problems found while reading dumps: every message names the file and line and says how to fix it. */

/** How bad a problem is: errors fail the build, warnings are printed. */
export type Severity = 'error' | 'warning';

/** One reported problem. `line` is null when the problem concerns the whole file. */
export interface Issue {
  severity: Severity;
  file: string;
  line: number | null;
  message: string;
}

/** `file:line: message`, the form editors and terminals link to. */
export function formatIssue(issue: Issue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.message}`;
}
