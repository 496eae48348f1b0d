import { countOf } from '../count-of.ts';
import { FORMAT_LABELS, type DumpFormat } from '../schema.ts';
import { splitLines, type DumpLine } from '../text.ts';
import { parseAbstractLines, parseAbstractListing } from './abstract-listing.ts';
import { parseArxivIdLines, parseArxivIdListing } from './arxiv-id-listing.ts';
import { parseCardLines, parseCardListing } from './card-listing.ts';
import { formatVotes } from './detect-format.ts';
import type { DumpParser, ParseResult } from './types.ts';

/** The parser of each format. */
export const PARSERS: Readonly<Record<DumpFormat, DumpParser>> = {
  'card-listing': parseCardListing,
  'abstract-listing': parseAbstractListing,
  'arxiv-id-listing': parseArxivIdListing,
};

const LINE_PARSERS: Readonly<Record<DumpFormat, (lines: readonly DumpLine[], file: string) => ParseResult>> = {
  'card-listing': parseCardLines,
  'abstract-listing': parseAbstractLines,
  'arxiv-id-listing': parseArxivIdLines,
};

/** Detects the format of one dump and parses it; a dump with no recognisable entry gives an error, never an exception. */
export function parseDump(text: string, file: string): ParseResult | { format: null; entries: []; dropped: 0; issues: ParseResult['issues'] } {
  const lines = splitLines(text);
  const [best, second] = formatVotes(lines);
  if (!best || best.lines.length === 0) {
    const blank = lines.every((line) => line.text === '');
    const empty = text.replace(/^\uFEFF/, '') === '';
    return {
      format: null,
      entries: [],
      dropped: 0,
      issues: [
        {
          severity: 'error',
          file,
          line: null,
          message: blank
            ? `${empty ? 'the file is empty' : 'the file holds only blank lines'}; delete it or paste a listing into it`
            : 'no recognisable entries: expected card headers like "LGJun 3", "Abstract:" lines, or "arXiv:<id>" lines; check that this is a listing dump, or move it out of the data folder',
        },
      ],
    };
  }
  const result = LINE_PARSERS[best.format](lines, file);
  const consumed = new Set(result.entries.flatMap((entry) => entry.lines));
  const foreign = second ? second.lines.filter((line) => !consumed.has(line)) : [];
  if (second && foreign.length > 0) {
    result.issues.unshift({
      severity: 'warning',
      file,
      line: null,
      message: `mixes formats: read as ${FORMAT_LABELS[best.format]} (${countOf(best.lines.length, 'signature line')}), but ${countOf(foreign.length, 'line')} ${foreign.length === 1 ? 'looks' : 'look'} like ${FORMAT_LABELS[second.format]}; lines that do not fit are reported below. Split the file into one file per format`,
    });
  }
  return result;
}
