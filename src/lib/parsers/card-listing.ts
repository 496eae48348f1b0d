import { isValidDate, monthNumber } from '../dates.ts';
import type { Issue } from '../issues.ts';
import { looksLikeProse, quote, splitLines, type DumpLine } from '../text.ts';
import { ABSTRACT_PREFIX, isForeignEntryLine } from './signatures.ts';
import type { DumpEntry, ListingDate, ParseResult } from './types.ts';

/** The parts of a card header such as `96.9LGMay 7, 2024Code`. */
export interface CardHeader {
  score?: number;
  subject: string;
  monthName: string;
  date: ListingDate;
  hasCode: boolean;
}

const HEADER =
  /^(?<score>\d{1,3}(?:\.\d+)?)?\s?(?<subject>[A-Za-z][A-Za-z-]*?[A-Za-z](?:\.[A-Za-z](?:[A-Za-z-]*?[A-Za-z])?)?)\s?(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s?(?<day>\d{1,2})(?:,\s?(?<year>\d{4}))?\s?(?<code>Code)?$/;

/** Parses a card header line, or returns null when the line is not one. */
export function parseCardHeader(text: string): CardHeader | null {
  const groups = HEADER.exec(text)?.groups;
  if (!groups?.subject || !groups.month || !groups.day) return null;
  const header: CardHeader = {
    subject: groups.subject,
    monthName: groups.month,
    date: {
      year: groups.year ? Number(groups.year) : null,
      month: monthNumber(groups.month) ?? 0,
      day: Number(groups.day),
    },
    hasCode: groups.code !== undefined,
  };
  if (groups.score) header.score = Number(groups.score);
  return header;
}

/** Parses a card listing: header, title glued to authors, abstract; blank lines, CRLF, BOM and missing abstracts are fine. */
export function parseCardListing(text: string, file: string): ParseResult {
  return parseCardLines(splitLines(text), file);
}

/** The same, over lines already split and cleaned (so a dump is cleaned once). */
export function parseCardLines(lines: readonly DumpLine[], file: string): ParseResult {
  const entries: DumpEntry[] = [];
  const issues: Issue[] = [];
  let dropped = 0;
  let card: DumpEntry | null = null;

  const close = () => {
    if (card && card.titleAuthors === undefined) {
      dropped++;
      issues.push({
        severity: 'warning',
        file,
        line: card.line,
        message: `card header ${quote(card.subject ?? '')} has no title line after it, so the card is dropped; paste the card's title and authors line below the header`,
      });
    } else if (card) {
      entries.push(card);
    }
    card = null;
  };

  for (const { number, text: line } of lines) {
    if (line === '') continue;
    const header = parseCardHeader(line);
    if (header) {
      close();
      const entry: DumpEntry = { format: 'card-listing', line: number, lines: [number], subject: header.subject, hasCode: header.hasCode };
      if (header.score !== undefined) entry.score = header.score;
      if (isValidDate(header.date)) {
        entry.date = header.date;
      } else {
        const shown = `${header.monthName} ${header.date.day}${header.date.year === null ? '' : `, ${header.date.year}`}`;
        issues.push({
          severity: 'error',
          file,
          line: number,
          message: `header ${quote(line)} has an impossible date "${shown}"; expected "Mon D[, YYYY]" with a day that exists in that month`,
        });
      }
      card = entry;
      continue;
    }
    const current: DumpEntry | null = card;
    if (current && current.titleAuthors === undefined) {
      current.titleAuthors = line;
      current.lines.push(number);
    } else if (current && current.abstract === undefined && looksLikeProse(line)) {
      current.abstract = line.replace(ABSTRACT_PREFIX, '');
      current.lines.push(number);
    } else if (current && current.abstract !== undefined && looksLikeProse(line) && !isForeignEntryLine(line)) {
      current.abstract = `${current.abstract} ${line}`;
      current.lines.push(number);
      issues.push({
        severity: 'warning',
        file,
        line: number,
        message: `a second abstract line in the card at line ${current.line}; it was joined to the abstract. Put each abstract on one line`,
      });
    } else {
      issues.push({
        severity: 'warning',
        file,
        line: number,
        message: `stray line ${quote(line)} is not part of a card (page text copied with the listing?); delete it`,
      });
    }
  }
  close();
  return { format: 'card-listing', entries, dropped, issues };
}
