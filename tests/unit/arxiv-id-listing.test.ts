import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../src/lib/arxiv-id.ts';
import { parseArxivIdListing, readIdLine } from '../../src/lib/parsers/arxiv-id-listing.ts';
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
    for (const bad of ['2513.12345', '2510.1234', '1412.12345', 'foo-bar/9711200', 'hep-th/0801001', '12345', '2301.00002v0', '2301.00002v01', 'hep-th/9711200v0']) {
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

// Three real abstracts of seed 003, with their real ids: 2510.15464, 2509.23730, 2509.21584.
const seed003 = readFixture('seed-data/listings/003_9486e5228bd94662.txt').split('\n');
const [A, B, C] = [seed003[0] ?? '', seed003[7] ?? '', seed003[12] ?? ''];

describe('id lines as pages print them', () => {
  it('reads the category and ignores the decorations of listing pages and PDF stamps', () => {
    expect(readIdLine('arXiv:2401.00001 (cross-list from cs.AI) [pdf, html, other]')).toEqual({ id: '2401.00001', category: 'cs.AI', ignored: [] });
    expect(readIdLine('arXiv:2401.00001 (replaced) [pdf, html, other]')).toEqual({ id: '2401.00001', ignored: [] });
    expect(readIdLine('arXiv:2510.15464v1 [cs.LG] 17 Oct 2025')).toEqual({ id: '2510.15464v1', category: 'cs.LG', ignored: [] });
    expect(readIdLine('arXiv:2510.15464v1 [cs.LG] 31 Feb 2025')?.badStamp).toBe('31 Feb 2025');
    expect(readIdLine('arXiv:2510.15464 see the journal version')?.unreadable).toBe('see the journal version');
    expect(readIdLine('arXiv:2401.00001 [pdf, html, other] and more')?.unreadable).toBe('and more');
  });

  it('reads arxiv.org abs and pdf URLs as id lines', () => {
    expect(readIdLine('https://arxiv.org/abs/2301.00001')?.id).toBe('2301.00001');
    expect(readIdLine('arxiv.org/pdf/2301.00001v2.pdf')?.id).toBe('2301.00001v2');
    expect(readIdLine('http://export.arxiv.org/abs/hep-th/9711200v1/')?.id).toBe('hep-th/9711200v1');
    expect(readIdLine('arXiv admin note: text overlap with arXiv:2301.00001')).toBeNull();
    expect(readIdLine('https://arxiv.org/list/cs.LG/recent')).toBeNull();
  });

  it('gives each abstract to the id below it whatever the decorations', () => {
    const text = `${A}\n\narXiv:2510.15464v1 [cs.LG] 17 Oct 2025\n\n${B}\n\narXiv:2509.23730 (cross-list from cs.AI) [pdf, html, other]\nCreated: 2025-09-28\n\n${C}\n\nhttps://arxiv.org/abs/2509.21584\n`;
    const result = parseArxivIdListing(text, 'c.txt');
    expect(result.issues).toEqual([]);
    expect(result.entries.map((entry) => [entry.arxivId, entry.version, entry.idCategory, entry.abstract, entry.comments])).toEqual([
      ['2510.15464', 1, 'cs.LG', A, undefined],
      ['2509.23730', undefined, 'cs.AI', B, undefined],
      ['2509.21584', undefined, undefined, C, undefined],
    ]);
    expect(result.entries[1]?.created).toBe('2025-09-28');
  });

  it('strips a leading "Abstract:" and keeps the entry apart from the next one when a Created line is unreadable', () => {
    const text = `Abstract: ${A}\n\narXiv:2510.15464\nCreated: 2025-10-17 (v1)\n\n${B}\n\narXiv:2509.23730\nCreated: 2025-09-28\n`;
    const result = parseArxivIdListing(text, 'listings/ids.txt');
    expect(result.entries.map((entry) => [entry.arxivId, entry.abstract, entry.comments, entry.lines])).toEqual([
      ['2510.15464', A, undefined, [1, 3, 4]],
      ['2509.23730', B, undefined, [6, 8, 9]],
    ]);
    expect(result.entries[0]?.created).toBeUndefined();
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'error', file: 'listings/ids.txt', line: 4, message: expect.stringContaining('"Created: 2025-10-17 (v1)" cannot be read; expected "Created: YYYY-MM-DD"') }),
    ]);
  });

  it('makes an id line with unknown text after the id an error at that line, and still ends the entry there', () => {
    const text = `${A}\n\narXiv:2510.15464 see the journal version\n\n${B}\n\narXiv:2509.23730\n`;
    const result = parseArxivIdListing(text, 'c.txt');
    expect(result.entries.map((entry) => [entry.arxivId, entry.abstract, entry.comments])).toEqual([
      ['2510.15464', A, undefined],
      ['2509.23730', B, undefined],
    ]);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'error', line: 3, message: expect.stringContaining('"see the journal version" after the id') })]);
  });

  it('makes version 0 and an empty "arXiv:" errors at their lines, keeping both entries', () => {
    const text = `${A}\n\narXiv:2510.15464v0\n\n${B}\n\narXiv:\n`;
    const result = parseArxivIdListing(text, 'c.txt');
    expect(result.entries.map((entry) => [entry.arxivId, entry.abstract])).toEqual([
      [undefined, A],
      [undefined, B],
    ]);
    expect(result.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['error', 3],
      ['error', 7],
    ]);
    expect(result.issues[0]?.message).toContain('"2510.15464v0" (versions start at v1)');
    expect(result.issues[1]?.message).toContain('has no id');
  });

  it('keeps an "Abstract:" entry whose id line is missing as its own entry, not as the next entry\'s comment', () => {
    const text = `Abstract: ${A}\n\nAbstract: ${B}\n\narXiv:2509.23730\n`;
    const result = parseArxivIdListing(text, 'c.txt');
    expect(result.entries.map((entry) => [entry.line, entry.arxivId, entry.abstract, entry.comments])).toEqual([
      [1, undefined, A, undefined],
      [3, '2509.23730', B, undefined],
    ]);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'warning', line: 1, message: expect.stringContaining('no "arXiv:" line below it') })]);
  });

  it('reports an "Abstract:" with no text instead of making an empty abstract', () => {
    const result = parseArxivIdListing(`Abstract:\n\n${B}\n\narXiv:2509.23730\n`, 'c.txt');
    expect(result.entries.map((entry) => entry.abstract)).toEqual([B]);
    expect(result.issues).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('"Abstract:" with no text') })]);
  });

  it('reads a title line right above the first "Abstract:" as a stray line, not as an entry of its own', () => {
    const result = parseArxivIdListing('Learning to Generate Answers With Many Correct Options at Test Time\nAbstract: We study the problem of learning to generate an answer to a question in many settings.\n\narXiv:2301.00001\nCreated: 2023-01-02\n', 'ids.txt');
    expect(result.entries.map((entry) => [entry.arxivId, entry.abstract?.slice(0, 11)])).toEqual([['2301.00001', 'We study th']]);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'warning', line: 1, message: expect.stringContaining('comes before the abstract') })]);
  });

  it('reports page text above an empty "Abstract:" rather than dropping it (a fast-check counterexample)', () => {
    const result = parseArxivIdListing(`!\nAbstract: \nAbstract:${A}\narXiv:2513.1`, 'ids.txt');
    expect(result.issues.map((issue) => issue.line)).toEqual(expect.arrayContaining([1, 2, 4]));
    expect(result.issues.find((issue) => issue.line === 1)?.message).toContain('stray line "!"');
    expect(result.entries.map((entry) => entry.abstract)).toEqual([A]);
  });

  it('refuses the layout of an arXiv search-results page, where the id comes before the abstract, with one error saying why', () => {
    const text = `arXiv:2510.15464 [pdf, other]\nLearning from Correct Demonstrations\nAuthors: Fan Chen, Dylan J. Foster\nAbstract: ${A}\n\narXiv:2509.23730 [pdf]\nAnother Title\nAuthors: Ada Lovelace\nAbstract: ${B}\n`;
    const result = parseArxivIdListing(text, 'search.txt');
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('arXiv search-results page') })]);
    // No "Authors:" line becomes a comment of an entry.
    expect(result.entries.flatMap((entry) => entry.comments ?? []).filter((comment) => comment.startsWith('Authors'))).toEqual([]);
    expect(result.issues.find((issue) => issue.line === 8)?.message).toContain('search-page text like line 3');
  });
});

describe('comments in an arXiv id listing', () => {
  it('drops the "Comments:" label arXiv pages print, and reports a label with nothing after it', () => {
    const abstract = 'We study the problem of learning to generate an answer to a question with many correct answers.';
    const result = parseArxivIdListing(`${abstract}\n\nComments: 20 pages, harvmac\n\nComments:\n\narXiv:hep-th/9711200v3 [hep-th]\n`, 'ids.txt');
    expect(result.entries.map((entry) => [entry.abstract, entry.comments, entry.lines])).toEqual([[abstract, ['20 pages, harvmac'], [1, 3, 5, 7]]]);
    expect(result.issues.map((issue) => [issue.severity, issue.line, issue.message])).toEqual([['warning', 5, '"Comments:" with no text after it; delete the line, or paste the comments after it']]);
  });
});
