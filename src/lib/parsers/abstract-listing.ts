import { isValidDate, MONTH_NAMES, MONTHS, toIsoDate } from '../dates.ts';
import type { Issue } from '../issues.ts';
import { looksLikeProse, quote, splitLines, type DumpLine } from '../text.ts';
import { parseCardHeader, unreadableCardHeader } from './card-listing.ts';
import { ABSTRACT_PREFIX, ARXIV_START, COMMENTS_LABEL, CREATED_START, SEARCH_PAGE_LABEL } from './signatures.ts';
import type { DumpEntry, ParseResult } from './types.ts';

// Lines an arXiv search page prints below each abstract; copied with it, they are never abstract text.
// `Submitted 17 October, 2025; originally announced October 2025.`, or with several versions
// `Submitted 20 October, 2025; v1 submitted 17 October, 2025; originally announced October 2025.`
const SUBMITTED_START = /^Submitted\s+\d{1,2}\s+[A-Za-z]+,?\s+\d{4}\b/i;
const SUBMITTED =
  /^Submitted\s+(?<latest>\d{1,2}\s+[A-Za-z]+,?\s+\d{4});\s*(?:v1\s+submitted\s+(?<first>\d{1,2}\s+[A-Za-z]+,?\s+\d{4});\s*)?originally announced\s+[A-Za-z]+\s+\d{4}\.?$/i;

/** `17 October, 2025` (or `17 Oct 2025`) as ISO, or null when it is not a real day. */
function pageDate(text: string): string | null {
  const match = /^(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})$/.exec(text);
  if (!match) return null;
  const name = (match[2] ?? '').toLowerCase();
  const index = MONTH_NAMES.findIndex((month, i) => month.toLowerCase() === name || MONTHS[i]?.toLowerCase() === name);
  const date = { year: Number(match[3]), month: index + 1, day: Number(match[1]) };
  return index !== -1 && isValidDate(date) ? toIsoDate(date.year, date.month, date.day) : null;
}

// Lines that start an entry of another format: never joined to an abstract.
function isOtherFormatLine(line: string): boolean {
  return ARXIV_START.test(line) || CREATED_START.test(line) || parseCardHeader(line) !== null || unreadableCardHeader(line) !== null;
}

/** Parses an abstract-only listing: `Abstract:<text>` entries separated by blank lines. */
export function parseAbstractListing(text: string, file: string): ParseResult {
  return parseAbstractLines(splitLines(text), file);
}

/** The same, over lines already split and cleaned (so a dump is cleaned once). */
export function parseAbstractLines(lines: readonly DumpLine[], file: string): ParseResult {
  const entries: DumpEntry[] = [];
  const issues: Issue[] = [];
  // The entry a prose line would continue (none after a blank line), and the latest entry of the file.
  let current: DumpEntry | null = null;
  let last: DumpEntry | null = null;

  const warn = (line: number, message: string) => issues.push({ severity: 'warning', file, line, message });
  const stray = (line: number, content: string, why = 'is not an "Abstract:" entry (page text copied with the listing?)') =>
    warn(line, `stray line ${quote(content)} ${why}; delete it`);

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
      last = current;
      continue;
    }
    if (SUBMITTED_START.test(line) || COMMENTS_LABEL.test(line)) {
      // Search-page lines about the entry above them (blank lines aside); they end its abstract.
      current = null;
      const target = last?.abstract === undefined ? null : last;
      const submitted = SUBMITTED.exec(line)?.groups;
      if (!target) {
        stray(number, line, 'does not follow an "Abstract:" entry');
      } else if (COMMENTS_LABEL.test(line)) {
        const comment = line.replace(COMMENTS_LABEL, '');
        if (comment === '') {
          stray(number, line, 'has no text after "Comments:"');
        } else {
          target.comments = [...(target.comments ?? []), comment];
          target.lines.push(number);
        }
      } else if (!submitted?.latest) {
        stray(number, line, 'is not a "Submitted D Month, YYYY; originally announced Month YYYY." line');
      } else if (target.created !== undefined) {
        stray(number, line, `is a second "Submitted" line for the entry at line ${target.line}`);
      } else {
        const latest = pageDate(submitted.latest);
        const first = submitted.first === undefined ? latest : pageDate(submitted.first);
        target.lines.push(number);
        if (latest === null || first === null) {
          issues.push({
            severity: 'error',
            file,
            line: number,
            message: `${quote(line)} has an impossible date; expected "Submitted D Month, YYYY" with a day that exists in that month`,
          });
        } else {
          target.created = first;
          if (submitted.first !== undefined) target.updated = latest;
        }
      }
      continue;
    }
    // Other labelled lines of a search result: reported, not joined.
    if (SEARCH_PAGE_LABEL.test(line) || isOtherFormatLine(line)) {
      current = null;
      stray(number, line);
    } else if (current && looksLikeProse(line)) {
      // The page wrapped the abstract over several lines, or page text came with it: joined, and said so.
      const joined = current.abstract !== undefined;
      current.abstract = current.abstract === undefined ? line : `${current.abstract} ${line}`;
      current.lines.push(number);
      if (joined) warn(number, `a second abstract line in the entry at line ${current.line}; it was joined to the abstract. Put each abstract on one line, or delete this line if it is page text`);
    } else if (!current && looksLikeProse(line)) {
      current = { format: 'abstract-listing', line: number, lines: [number], abstract: line };
      entries.push(current);
      last = current;
      warn(number, `${quote(line, 40)} has no "Abstract:" prefix but reads like an abstract, so it was kept as one; add the prefix to confirm`);
    } else {
      // Page text inside an entry ends it: a prose line after it is not glued to the abstract above.
      current = null;
      stray(number, line);
    }
  }
  for (const entry of entries) {
    if (entry.abstract === undefined) {
      warn(entry.line, '"Abstract:" with no text after it; the empty entry is dropped, delete the line');
    }
  }
  const kept = entries.filter((entry) => entry.abstract !== undefined);
  return { format: 'abstract-listing', entries: kept, dropped: entries.length - kept.length, issues };
}
