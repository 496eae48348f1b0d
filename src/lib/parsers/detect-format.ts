import type { DumpFormat } from '../schema.ts';
import { splitLines, type DumpLine } from '../text.ts';
import { parseCardHeader } from './card-listing.ts';
import { ABSTRACT_PREFIX, ARXIV_LINE, CREATED_LINE } from './signatures.ts';

/** Which format a single line is a signature of, if any. */
export function signatureOf(line: string): DumpFormat | null {
  if (ARXIV_LINE.test(line) || CREATED_LINE.test(line)) return 'arxiv-id-listing';
  if (ABSTRACT_PREFIX.test(line)) return 'abstract-listing';
  if (parseCardHeader(line)) return 'card-listing';
  return null;
}

/** Signature lines of each format in a dump, most frequent first (ties: arXiv ids, then cards). */
export function formatVotes(lines: readonly DumpLine[]): Array<{ format: DumpFormat; lines: number[] }> {
  const votes = new Map<DumpFormat, number[]>([
    ['arxiv-id-listing', []],
    ['card-listing', []],
    ['abstract-listing', []],
  ]);
  for (const { number, text: line } of lines) {
    const format = line === '' ? null : signatureOf(line);
    if (format) votes.get(format)?.push(number);
  }
  return [...votes].map(([format, lines]) => ({ format, lines })).sort((a, b) => b.lines.length - a.lines.length);
}

/** The format of a dump, judged by its content only (never its name); null when no line is a signature of any format. */
export function detectFormat(text: string): DumpFormat | null {
  const [best] = formatVotes(splitLines(text));
  return best && best.lines.length > 0 ? best.format : null;
}
