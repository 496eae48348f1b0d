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
    expect(parseDump('\n\n', 'empty.txt').issues[0]?.message).toContain('empty');
  });

  it('warns when a dump mixes formats, and reports the lines that do not fit', () => {
    const cards = 'LGJun 3\nA PaperAda Lovelace\nA long enough abstract for the card to read as prose.\nCVJun 2\nB PaperAlan Turing\nThe abstract of the second card, also long enough.\n';
    const result = parseDump(`${cards}\nAbstract:An abstract-only entry pasted into the wrong file.\n`, 'mixed.txt');
    expect(result.format).toBe('card-listing');
    expect(result.issues[0]).toMatchObject({ line: null, message: expect.stringContaining('mixes formats') });
    expect(result.issues[1]).toMatchObject({ line: 8, severity: 'warning' });
  });
});
