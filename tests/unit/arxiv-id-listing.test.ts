import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../src/lib/arxiv-id.ts';
import { parseArxivIdListing } from '../../src/lib/parsers/arxiv-id-listing.ts';
import { readFixture } from '../helpers.ts';

describe('arXiv ids', () => {
  it('splits the version off new-style ids', () => {
    expect(parseArxivId('2510.15464')).toEqual({ id: '2510.15464', version: null, archive: null });
    expect(parseArxivId('arXiv:2510.15464v2')).toEqual({ id: '2510.15464', version: 2, archive: null });
    expect(parseArxivId('0704.0001')).toEqual({ id: '0704.0001', version: null, archive: null });
  });
  it('reads old-style ids and their archive', () => {
    expect(parseArxivId('hep-th/9711200')).toEqual({ id: 'hep-th/9711200', version: null, archive: 'hep-th' });
    expect(parseArxivId('math.GT/0309136v1')).toEqual({ id: 'math.GT/0309136', version: 1, archive: 'math.GT' });
  });
  it('rejects impossible ids', () => {
    for (const bad of ['2513.12345', '2510.1234', '1412.12345', 'foo-bar/9711200', 'hep-th/0801001', '12345']) {
      expect(parseArxivId(bad), bad).toBeNull();
    }
  });
});

describe('arXiv id listing', () => {
  it('reads the ten entries of seed 003 with abstracts, comments, ids and dates', () => {
    const result = parseArxivIdListing(readFixture('seed-data/listings/003_9486e5228bd94662.txt'), 'c.txt');
    expect(result.issues).toEqual([]);
    expect(result.entries).toHaveLength(10);
    expect(result.entries[0]).toMatchObject({
      line: 1,
      comments: ['Comments are welcome'],
      arxivId: '2510.15464',
      created: '2025-10-17',
      updated: '2025-10-20',
      lines: [1, 3, 5, 6],
    });
    expect(result.entries[5]).toMatchObject({ arxivId: '2505.12473', created: '2025-05-18' });
    expect(result.entries[5]?.updated).toBeUndefined();
    expect(result.entries[8]?.comments).toEqual(['12 pages, 10 figures, accepted at IPDPS 2025. Code: https://github.com/M-H482/NM-SpMM']);
  });

  it('reads a version, an old-style id and a category next to the id', () => {
    const text = 'An abstract about strings in a fairly long sentence here.\n\narXiv:hep-th/9711200v3 [hep-th]\nCreated: 1997-11-27\n';
    const [entry] = parseArxivIdListing(text, 'c.txt').entries;
    expect(entry).toMatchObject({ arxivId: 'hep-th/9711200', version: 3, idCategory: 'hep-th', created: '1997-11-27' });
  });

  it('keeps a truncated last entry without an id, and says so', () => {
    const text = 'First abstract with enough words to be prose here.\n\narXiv:2510.15464\nCreated: 2025-10-17\n\nSecond abstract that was cut off before its id line.';
    const result = parseArxivIdListing(text, 'c.txt');
    expect(result.entries).toHaveLength(2);
    expect(result.entries[1]?.arxivId).toBeUndefined();
    expect(result.issues).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining('no "arXiv:" line') })]);
  });

  it('reports page text before an abstract and an invalid id', () => {
    const text = 'Load more\n\nAn abstract that is long enough to be read as the abstract of this entry, surely more than fifteen words.\n\narXiv:2513.99999\n';
    const result = parseArxivIdListing(text, 'c.txt');
    expect(result.entries).toHaveLength(1);
    expect(result.issues.map((issue) => [issue.line, issue.severity])).toEqual([
      [1, 'warning'],
      [5, 'error'],
    ]);
  });
});
