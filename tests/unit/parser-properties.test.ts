import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDump, PARSERS } from '../../src/lib/parsers/parse-dump.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { splitTitleAuthors, stripListTail } from '../../src/lib/split/split-title-authors.ts';
import { splitLines } from '../../src/lib/text.ts';
import { readFixture, SEED_FILES } from '../helpers.ts';

// Lines in the shapes dumps contain, taken from the seeds, mixed with arbitrary text.
const seedLines = SEED_FILES.flatMap((name) => readFixture(`seed-data/listings/${name}`).split('\n'));
const dumpLine = fc.oneof(
  fc.constantFrom(...seedLines),
  fc.constantFrom('', '', 'Load more', 'Abstract:', 'arXiv:2513.1', 'Created: 2025-02-30', 'LGJun 31', '96.9AIFeb 29, 2023Code', ' · ', 'et al.'),
  // Lines pages print around entries, readable or not.
  fc.constantFrom(
    'arXiv:2401.00001 (cross-list from cs.AI) [pdf, html, other]',
    'arXiv:2510.15464v1 [cs.LG] 17 Oct 2025',
    'https://arxiv.org/abs/2301.00001',
    'arXiv:2301.00002v0',
    'arXiv:2301.00001 see also',
    'Created: 2023-01-02 (v1)',
    'LG Jun 4 2024',
    'LGJun 5, 24',
    'Abstract: ',
    '▽ More',
    'Submitted 20 October, 2025; v1 submitted 17 October, 2025; originally announced October 2025.',
    'Submitted 31 September, 2025; originally announced September 2025.',
    'Comments: 20 pages, 3 figures',
  ),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const dumpText = fc
  .tuple(fc.array(dumpLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, bom]) => `${bom ? '\uFEFF' : ''}${lines.join(eol)}`);

describe('parser properties', () => {
  it('no input makes a parser throw', () => {
    fc.assert(
      fc.property(dumpText, (text) => {
        for (const parse of Object.values(PARSERS)) parse(text, 'f.txt');
        parseDump(text, 'f.txt');
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every non-blank line: in an entry, or in a reported issue', () => {
    fc.assert(
      fc.property(dumpText, (text) => {
        const result = parseDump(text, 'f.txt');
        if (result.format === null) {
          expect(result.issues.some((issue) => issue.severity === 'error' && issue.line === null)).toBe(true);
          return;
        }
        const accounted = new Set([...result.entries.flatMap((entry) => entry.lines), ...result.issues.flatMap((issue) => (issue.line === null ? [] : [issue.line]))]);
        const missing = splitLines(text).filter((line) => line.text !== '' && !accounted.has(line.number));
        expect(missing).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the whole pipeline never throws and every record validates', () => {
    fc.assert(
      fc.property(fc.array(dumpText, { minLength: 1, maxLength: 3 }), (texts) => {
        const { papers, report } = buildCorpus(texts.map((text, index) => ({ file: `d${index}.txt`, text })));
        expect(report.summary.papers).toBe(papers.length);
        expect(report.issues.filter((issue) => issue.message.includes('does not fit the record schema'))).toEqual([]);
        expect(new Set(papers.map((paper) => paper.id)).size).toBe(papers.length);
      }),
      { numRuns: 100 },
    );
  });

  it('a split loses no character of the line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seedLines), fc.string({ maxLength: 30 }), (line, noise) => {
        const input = `${line}${noise}`;
        const split = splitTitleAuthors(input);
        const body = stripListTail(input).body;
        const normalise = (text: string) => text.replaceAll(' and ', ', ');
        if (split.found) expect(normalise(`${split.title}${split.authors.join(', ')}`)).toBe(normalise(body));
        else expect(split.title).toBe(body);
      }),
      { numRuns: 300 },
    );
  });
});
