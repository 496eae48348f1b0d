import { countOf } from './count-of.ts';
import { formatIssue, type Issue } from './issues.ts';
import type { CorpusReport } from './pipeline.ts';
import { FORMAT_LABELS, type DumpFormat } from './schema.ts';

// Label of a format ("card listing"), or "unrecognised".
function formatLabel(format: DumpFormat | null): string {
  return format === null ? 'unrecognised' : FORMAT_LABELS[format];
}

function issueLine(issue: Issue): string {
  return `  ${issue.severity === 'error' ? 'error  ' : 'warning'} ${formatIssue(issue)}`;
}

/** The one-line summary: papers, entries, dumps, incomplete records, errors and warnings. */
export function formatSummary(report: CorpusReport): string {
  const { summary } = report;
  return `${countOf(summary.papers, 'paper')} from ${countOf(summary.entries, 'entry', 'entries')} in ${countOf(summary.files, 'dump')}; ${summary.incomplete} incomplete; ${summary.reported} entries reported, not in a paper; ${countOf(summary.errors, 'error')}, ${countOf(summary.warnings, 'warning')}`;
}

/** The full report `check-data` prints: one block per dump with its issues, corpus-wide issues, then the summary. */
export function formatReport(report: CorpusReport, dataDir: string): string {
  const lines: string[] = [`Papershelf data check of ${dataDir}`, ''];
  for (const file of report.files) {
    lines.push(
      `${file.file}: ${formatLabel(file.format)}, ${countOf(file.read, 'entry', 'entries')} read → ${countOf(file.made, 'paper')} made, ${file.merged} merged into others, ${file.reported} reported`,
    );
    lines.push(...file.issues.map(issueLine));
  }
  if (report.issues.length > 0) {
    lines.push('', 'Across dumps:');
    lines.push(...report.issues.map(issueLine));
  }
  lines.push('', formatSummary(report));
  return lines.join('\n');
}
