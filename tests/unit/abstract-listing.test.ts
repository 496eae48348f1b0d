import { describe, expect, it } from 'vitest';
import { parseAbstractListing } from '../../src/lib/parsers/abstract-listing.ts';
import { readFixture } from '../helpers.ts';

describe('abstract-only listing', () => {
  it('reads the ten abstracts of seed 001 with their line numbers', () => {
    const result = parseAbstractListing(readFixture('seed-data/listings/001_fd2f3fd673fe7401.txt'), 'a.txt');
    expect(result.issues).toEqual([]);
    expect(result.entries.map((entry) => entry.line)).toEqual([1, 2, 3, 4, 5, 10, 11, 16, 18, 23]);
    expect(result.entries[0]?.abstract).toMatch(/^Post-training for long-horizon agentic tasks/);
    expect(result.entries.every((entry) => !entry.abstract?.startsWith('Abstract:'))).toBe(true);
  });

  it('joins an abstract wrapped over two lines', () => {
    const result = parseAbstractListing('Abstract:We study a problem that continues\non the next line because the page wrapped it.\n', 'a.txt');
    expect(result.entries).toEqual([
      expect.objectContaining({ abstract: 'We study a problem that continues on the next line because the page wrapped it.', lines: [1, 2] }),
    ]);
  });

  it('warns about stray page text and about an empty "Abstract:"', () => {
    const result = parseAbstractListing('Abstract:A real abstract with enough words to count.\n\nLoad more\n\nAbstract:\n', 'a.txt');
    expect(result.entries).toHaveLength(1);
    expect(result.issues.map((issue) => issue.line)).toEqual([3, 5]);
  });

  it('keeps a prose paragraph that lacks the prefix, with a warning', () => {
    const result = parseAbstractListing('Abstract:First abstract of the listing, long enough.\n\nSecond abstract without its prefix but clearly prose text.\n', 'a.txt');
    expect(result.entries).toHaveLength(2);
    expect(result.issues[0]).toMatchObject({ line: 3, severity: 'warning' });
  });

  // A real abstract (2510.15464 in seed 003, created 2025-10-17, updated 2025-10-20, "Comments are welcome") as the
  // arXiv search page shows it, with the lines the page prints below it.
  const abstract = readFixture('seed-data/listings/003_9486e5228bd94662.txt').split('\n')[0] ?? '';
  const submitted = 'Submitted 20 October, 2025; v1 submitted 17 October, 2025; originally announced October 2025.';

  it('reads the search page lines below an abstract instead of gluing them to it', () => {
    const result = parseAbstractListing(`Abstract:${abstract} ▽ More\n${submitted}\nComments: Comments are welcome\n`, 'a.txt');
    expect(result.issues).toEqual([]);
    expect(result.entries).toEqual([
      { format: 'abstract-listing', line: 1, lines: [1, 2, 3], abstract, created: '2025-10-17', updated: '2025-10-20', comments: ['Comments are welcome'] },
    ]);
    const single = parseAbstractListing(`Abstract:${abstract}\n\nSubmitted 17 October, 2025; originally announced October 2025.\n`, 'a.txt').entries[0];
    expect([single?.created, single?.updated]).toEqual(['2025-10-17', undefined]);
  });

  it('warns about every line it joins to an abstract', () => {
    const result = parseAbstractListing('Abstract:We study a problem that continues\non the next line because the page wrapped it,\nand on a third line, which is also joined here.\n', 'listings/a.txt');
    expect(result.entries).toHaveLength(1);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'listings/a.txt', line: 2, message: expect.stringContaining('joined to the abstract') }),
      expect.objectContaining({ severity: 'warning', line: 3, message: expect.stringContaining('joined to the abstract') }),
    ]);
  });

  it('reports a toggle line, an unreadable Submitted line and page lines that follow no entry', () => {
    const text = `Comments: 20 pages, 3 figures\nAbstract:${abstract}\n▽ More\nSubmitted 17 October 2025, originally announced October 2025 with a long tail.\nAuthors: Nirmit Joshi, Gene Li, Spencer Frei, Nathan Srebro\n`;
    const result = parseAbstractListing(text, 'a.txt');
    expect(result.entries.map((entry) => [entry.line, entry.abstract, entry.lines])).toEqual([[2, abstract, [2]]]);
    expect(result.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['warning', 1],
      ['warning', 3],
      ['warning', 4],
      ['warning', 5],
    ]);
    expect(result.issues.every((issue) => issue.message.startsWith('stray line'))).toBe(true);
  });

  it('makes an impossible Submitted date an error at its line', () => {
    const result = parseAbstractListing(`Abstract:${abstract}\nSubmitted 31 September, 2025; originally announced September 2025.\n`, 'a.txt');
    expect(result.entries[0]?.created).toBeUndefined();
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'error', line: 2, message: expect.stringContaining('impossible date') })]);
  });
});
