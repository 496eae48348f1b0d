import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/lib/parsers/detect-format.ts';
import { parseDump } from '../../src/lib/parsers/parse-dump.ts';
import { readFixture, SEED_FILES } from '../helpers.ts';

describe('format detection', () => {
  it('recognises each seed by its content', () => {
    expect(SEED_FILES.map((name) => detectFormat(readFixture(`seed-data/listings/${name}`)))).toEqual([
      'card-listing',
      'abstract-listing',
      'card-listing',
      'arxiv-id-listing',
    ]);
  });

  it('ignores the file name', () => {
    const text = readFixture('seed-data/listings/003_9486e5228bd94662.txt');
    expect(parseDump(text, 'cards-000.txt').format).toBe('arxiv-id-listing');
  });

  it('makes a file without entries an error naming the file', () => {
    const result = parseDump('just some notes\nnothing else\n', 'notes/readme.txt');
    expect(result.format).toBeNull();
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'error', file: 'notes/readme.txt', line: null, message: expect.stringContaining('no recognisable entries') })]);
    expect(parseDump('', 'empty.txt').issues[0]?.message).toBe('the file is empty; delete it or paste a listing into it');
    expect(parseDump('\uFEFF', 'bom.txt').issues[0]?.message).toBe('the file is empty; delete it or paste a listing into it');
    expect(parseDump('\n \n\n', 'blank.txt').issues[0]?.message).toBe('the file holds only blank lines; delete it or paste a listing into it');
  });

  it('warns when a dump mixes formats, and reports the lines that do not fit', () => {
    const cards = 'LGJun 3\nA PaperAda Lovelace\nA long enough abstract for the card to read as prose.\nCVJun 2\nB PaperAlan Turing\nThe abstract of the second card, also long enough.\n';
    const result = parseDump(`${cards}\nAbstract:An abstract-only entry pasted into the wrong file.\n`, 'mixed.txt');
    expect(result.format).toBe('card-listing');
    expect(result.issues[0]).toMatchObject({ line: null, message: expect.stringContaining('mixes formats') });
    expect(result.issues[1]).toMatchObject({ line: 8, severity: 'warning' });
  });

  // The first three cards of seed 000 with "Abstract: " before each abstract, as the README allows.
  const seed000 = readFixture('seed-data/listings/000_80704c9de50da4f0.txt').split('\n');
  const prefixedCards = (thirdHeader: string) =>
    [seed000[0], seed000[1], `Abstract: ${seed000[2]}`, seed000[3], seed000[4], `Abstract: ${seed000[5]}`, thirdHeader, seed000[7], `Abstract: ${seed000[8]}`].join('\n');

  it('keeps a three-card file with "Abstract:" prefixes a card listing when one header is unreadable', () => {
    for (const header of ['GT ~ Jun 8, 2023', 'GTJun 8, 23']) {
      const result = parseDump(prefixedCards(header), 'cards.txt');
      expect(result.format, header).toBe('card-listing');
      // The two good cards keep their titles and authors.
      expect(result.entries.slice(0, 2).map((entry) => entry.titleAuthors)).toEqual([seed000[1], seed000[4]]);
      expect(result.issues.some((issue) => issue.line === 7), header).toBe(true);
    }
    expect(detectFormat(prefixedCards('GTJun 8, 2023'))).toBe('card-listing');
  });

  it('keeps an arXiv id listing whose abstracts carry "Abstract:" an id listing when an id line is missing', () => {
    const ids = readFixture('seed-data/listings/003_9486e5228bd94662.txt').split('\n');
    // Three real entries of seed 003 with the prefix; the second lost its id and Created lines.
    const text = [`Abstract: ${ids[0]}`, '', 'arXiv:2510.15464', '', `Abstract: ${ids[7]}`, '', `Abstract: ${ids[12]}`, '', 'arXiv:2509.21584', ''].join('\n');
    const result = parseDump(text, 'ids.txt');
    expect(result.format).toBe('arxiv-id-listing');
    expect(result.entries.map((entry) => [entry.line, entry.arxivId])).toEqual([
      [1, '2510.15464'],
      [5, undefined],
      [7, '2509.21584'],
    ]);
  });

  it('counts lines that start like id lines as id-listing evidence', () => {
    expect(detectFormat('Some abstract text that is long enough to be prose, surely.\n\nhttps://arxiv.org/abs/2301.00001\n')).toBe('arxiv-id-listing');
    expect(detectFormat('Some abstract text that is long enough to be prose, surely.\n\narXiv:2401.00001 (cross-list from cs.AI) [pdf, html, other]\n')).toBe('arxiv-id-listing');
  });

  it('does not take bare date lines in an abstract-only listing for card headers', () => {
    const abstracts = readFixture('seed-data/listings/001_fd2f3fd673fe7401.txt').split('\n').filter((line) => line.startsWith('Abstract:')).slice(0, 2);
    const text = ['Oct 17, 2025', abstracts[0], 'Oct 18, 2025', abstracts[1], ''].join('\n');
    const result = parseDump(text, 'abstracts.txt');
    expect(result.format).toBe('abstract-listing');
    expect(result.entries).toHaveLength(2);
    expect(result.issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });
});
