import type { Issue } from '../issues.ts';
import { looksLikeProse, quote, splitLines, type DumpLine } from '../text.ts';
import { ABSTRACT_PREFIX } from './signatures.ts';
import type { DumpEntry, ParseResult } from './types.ts';


/** Parses an abstract-only listing: `Abstract:<text>` entries separated by blank lines. */
export function parseAbstractListing(text: string, file: string): ParseResult {
  return parseAbstractLines(splitLines(text), file);
}

/** The same, over lines already split and cleaned (so a dump is cleaned once). */
export function parseAbstractLines(lines: readonly DumpLine[], file: string): ParseResult {
  const entries: DumpEntry[] = [];
  const issues: Issue[] = [];
  let current: DumpEntry | null = null;

  for (const { number, text: line } of lines) {
    if (line === '') {
      current = null;
      continue;
    }
    if (ABSTRACT_PREFIX.test(line)) {
      const abstract = line.replace(ABSTRACT_PREFIX, '');
      current = { format: 'abstract-listing', line: number, lines: [number] };
      if (abstract !== '') current.abstract = abstract;
      entries.push(current);
    } else if (current && looksLikeProse(line)) {
      // The page wrapped the abstract over several lines.
      current.abstract = current.abstract === undefined ? line : `${current.abstract} ${line}`;
      current.lines.push(number);
    } else if (!current && looksLikeProse(line)) {
      current = { format: 'abstract-listing', line: number, lines: [number], abstract: line };
      entries.push(current);
      issues.push({
        severity: 'warning',
        file,
        line: number,
        message: `${quote(line, 40)} has no "Abstract:" prefix but reads like an abstract, so it was kept as one; add the prefix to confirm`,
      });
    } else {
      issues.push({
        severity: 'warning',
        file,
        line: number,
        message: `stray line ${quote(line)} is not an "Abstract:" entry (page text copied with the listing?); delete it`,
      });
    }
  }
  for (const entry of entries) {
    if (entry.abstract === undefined) {
      issues.push({ severity: 'warning', file, line: entry.line, message: '"Abstract:" with no text after it; the empty entry is dropped, delete the line' });
    }
  }
  const kept = entries.filter((entry) => entry.abstract !== undefined);
  return { format: 'abstract-listing', entries: kept, dropped: entries.length - kept.length, issues };
}
