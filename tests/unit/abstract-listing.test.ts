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
});
