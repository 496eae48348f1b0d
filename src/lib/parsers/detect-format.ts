import type { DumpFormat } from '../schema.ts';
import { splitLines, type DumpLine } from '../text.ts';
import { parseCardHeader, unreadableCardHeader } from './card-listing.ts';
import { ABSTRACT_PREFIX, ARXIV_START, CREATED_START } from './signatures.ts';

/** Which format a single line, on its own, is a signature of, if any. */
export function signatureOf(line: string): DumpFormat | null {
  if (ARXIV_START.test(line) || CREATED_START.test(line)) return 'arxiv-id-listing';
  if (ABSTRACT_PREFIX.test(line)) return 'abstract-listing';
  // An unreadable header counts only with a subject code: a bare date line ("Oct 17, 2025") is page text in the
  // other formats, and must not turn their file into a card listing.
  if (parseCardHeader(line) || unreadableCardHeader(line)?.subject !== undefined) return 'card-listing';
  return null;
}

/**
 * Signature lines of each format in a dump, most frequent first (ties: arXiv ids, then cards). Lines are judged
 * with their neighbours (blank lines aside), so that one unreadable line cannot flip a whole file to another format:
 * the line after a card header is a card's title line, an `Abstract:` line right after that title line is a card's
 * abstract, and an `Abstract:` line whose next signature line is an `arXiv:` or `Created:` line is an arXiv id
 * listing's abstract.
 */
export function formatVotes(lines: readonly DumpLine[]): Array<{ format: DumpFormat; lines: number[] }> {
  const formats: Array<{ number: number; format: DumpFormat }> = [];
  // What the previous non-blank line was in a card: its header, or the title line after the header.
  let previous: 'header' | 'title' | null = null;
  for (const { number, text: line } of lines) {
    if (line === '') continue;
    const own = signatureOf(line);
    if (own === 'card-listing') {
      formats.push({ number, format: own });
      previous = 'header';
    } else if (previous === 'header' && own === null) {
      formats.push({ number, format: 'card-listing' });
      previous = 'title';
    } else if (previous === 'title' && own === 'abstract-listing') {
      formats.push({ number, format: 'card-listing' });
      previous = null;
    } else {
      if (own) formats.push({ number, format: own });
      previous = null;
    }
  }
  // An `Abstract:` line followed by an id line, before any other signature, belongs to an arXiv id listing.
  const own = formats.map((vote) => vote.format);
  formats.forEach((vote, index) => {
    if (vote.format === 'abstract-listing' && own[index + 1] === 'arxiv-id-listing') vote.format = 'arxiv-id-listing';
  });
  const votes = new Map<DumpFormat, number[]>([
    ['arxiv-id-listing', []],
    ['card-listing', []],
    ['abstract-listing', []],
  ]);
  for (const { number, format } of formats) votes.get(format)?.push(number);
  return [...votes].map(([format, lines]) => ({ format, lines })).sort((a, b) => b.lines.length - a.lines.length);
}

/** The format of a dump, judged by its content only (never its name); null when no line is a signature of any format. */
export function detectFormat(text: string): DumpFormat | null {
  const [best] = formatVotes(splitLines(text));
  return best && best.lines.length > 0 ? best.format : null;
}
