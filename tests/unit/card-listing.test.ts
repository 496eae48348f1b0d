import { describe, expect, it } from 'vitest';
import { parseCardHeader, parseCardListing, unreadableCardHeader } from '../../src/lib/parsers/card-listing.ts';
import { readAuthorList } from '../../src/lib/split/split-title-authors.ts';
import { readFixture } from '../helpers.ts';

describe('card headers', () => {
  it('reads subject code and yearless date', () => {
    expect(parseCardHeader('AIJun 3')).toEqual({ subject: 'AI', monthName: 'Jun', date: { year: null, month: 6, day: 3 }, hasCode: false });
  });
  it('reads a relevance score glued in front', () => {
    expect(parseCardHeader('96.9AIJun 3')).toMatchObject({ score: 96.9, subject: 'AI', date: { month: 6, day: 3 } });
  });
  it('reads a year and the Code flag', () => {
    expect(parseCardHeader('LGMay 7, 2024Code')).toMatchObject({ subject: 'LG', date: { year: 2024, month: 5, day: 7 }, hasCode: true });
  });
  it('reads archive-style codes such as quant-ph', () => {
    expect(parseCardHeader('quant-phOct 12, 2019')).toMatchObject({ subject: 'quant-ph', date: { year: 2019, month: 10, day: 12 } });
  });
  it('reads a four-digit year after a space, without the comma', () => {
    expect(parseCardHeader('LG Jun 4 2024')).toMatchObject({ subject: 'LG', date: { year: 2024, month: 6, day: 4 }, hasCode: false });
    expect(parseCardHeader('cs.LGJun 4 2024Code')).toMatchObject({ subject: 'cs.LG', date: { year: 2024, month: 6, day: 4 }, hasCode: true });
    expect(parseCardHeader('LGMay 72024')).toBeNull();
  });
  it('reads full and dotted month names, and no other spelling', () => {
    expect(parseCardHeader('LGSept. 3')).toMatchObject({ date: { month: 9, day: 3 } });
    expect(parseCardHeader('LGJune 3, 2024')).toMatchObject({ date: { year: 2024, month: 6, day: 3 } });
    expect(parseCardHeader('LGJunxyz 3')).toBeNull();
  });
  it('says what is wrong with a line shaped like a header that it cannot read', () => {
    expect(unreadableCardHeader('LGJun 5, 24')).toEqual({ problem: 'its year has fewer than four digits', subject: 'LG', hasCode: false });
    expect(unreadableCardHeader('LG Jun 4th 2024Code')).toMatchObject({ problem: expect.stringContaining('suffix'), hasCode: true });
    expect(unreadableCardHeader('LG | Jun 3, 2024')?.problem).toContain('separated by "|"');
    expect(unreadableCardHeader('Jun 3, 2024')?.problem).toContain('no subject code');
    expect(unreadableCardHeader('LGJun 3, 2024')).toBeNull();
    expect(unreadableCardHeader("Agents' Last ExamYiyou Sun, Xinyang Han, Weichen Zhang et al.")).toBeNull();
    expect(unreadableCardHeader('Reviewing March 2020Ada Lovelace')).toBeNull();
  });
  it('says how to write a header whose month is in lower case, whose date is ISO or whose day comes first', () => {
    expect(unreadableCardHeader('lgjun 3, 2024')).toEqual({ problem: 'its month "jun" is not written as "Jun"', subject: 'lg', hasCode: false });
    expect(unreadableCardHeader('LG 2024-05-07Code')).toEqual({ problem: 'its date "2024-05-07" is written year first; write it as "May 7, 2024"', subject: 'LG', hasCode: true });
    expect(unreadableCardHeader('LG 2024-02-30')?.problem).toBe('its date "2024-02-30" is written year first');
    expect(unreadableCardHeader('LG3 Jun 2024')).toEqual({ problem: 'its day comes before the month; write it as "Jun 3, 2024"', subject: 'LG', hasCode: false });
    expect(unreadableCardHeader('cs.LG 12 March')?.problem).toBe('its day comes before the month; write it as "Mar 12"');
    expect(unreadableCardHeader('In 2024-05-07 we met')).toBeNull();
  });
  it('takes no page text or short title for a header it cannot read: the subject must be a known code', () => {
    for (const line of ['Updated 2024-05-07', 'Published: 2024-05-07', 'Released 3 May 2024', 'since march 2020.', 'Codec 2', 'Grammar 2.0', 'lgjun 3']) {
      expect(unreadableCardHeader(line), line).toBeNull();
    }
    expect(unreadableCardHeader('quant-ph 3 Jun 2024')?.problem).toBe('its day comes before the month; write it as "Jun 3, 2024"');
    // A known code in any case, with a whole date: archives and full ids too.
    for (const line of ['csjun 3, 2024', 'hep-thjun 3, 2024', 'cs.LGjun 3, 2024']) expect(unreadableCardHeader(line)?.problem, line).toContain('is not written as "Jun"');
  });
  it('does not take prose or title lines for headers', () => {
    expect(parseCardHeader('Load more')).toBeNull();
    expect(parseCardHeader("Agents' Last ExamYiyou Sun, Xinyang Han, Weichen Zhang et al.")).toBeNull();
    expect(parseCardHeader('LJun 3')).toBeNull();
  });
});

describe('card listing', () => {
  it('reads every card of seed 000 with its header fields', () => {
    const result = parseCardListing(readFixture('seed-data/listings/000_80704c9de50da4f0.txt'), 'a.txt');
    expect(result.issues).toEqual([]);
    expect(result.entries).toHaveLength(23);
    expect(result.entries[3]).toMatchObject({
      line: 10,
      subject: 'AS',
      date: { year: null, month: 2, day: 2 },
      hasCode: true,
      titleAuthors: 'HuPER: A Human-Inspired Framework for Phonetic PerceptionChenxu Guo, Jiachen Lian, Yisi Liu et al.',
    });
    expect(result.entries[3]?.abstract).toMatch(/^We propose HuPER, a human-inspired framework/);
  });

  it('reads scores from seed 002', () => {
    const result = parseCardListing(readFixture('seed-data/listings/002_1b722824cdb08c64.txt'), 'b.txt');
    expect(result.entries).toHaveLength(13);
    expect(result.entries.map((entry) => entry.score)).toEqual([96.9, 85.1, undefined, 98.4, 89.9, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('parses CRLF endings, a BOM, blank lines, a missing abstract and no final newline', () => {
    const text = '\uFEFFLGJun 3\r\nFirst PaperAda Lovelace\r\n\r\nAn abstract that is long enough to read as prose.\r\n\r\n\r\nCVJan 2, 2020\r\nSecond PaperAlan Turing\r\nAIFeb 1\r\nThird PaperGrace Hopper';
    const result = parseCardListing(text, 'x.txt');
    expect(result.issues).toEqual([]);
    expect(result.entries.map((entry) => [entry.line, entry.titleAuthors, entry.abstract])).toEqual([
      [1, 'First PaperAda Lovelace', 'An abstract that is long enough to read as prose.'],
      [7, 'Second PaperAlan Turing', undefined],
      [9, 'Third PaperGrace Hopper', undefined],
    ]);
  });

  it('reports a stray "Load more" line with its line number and keeps the cards', () => {
    const text = 'LGJun 3\nA PaperAda Lovelace\nWe study things in a long enough abstract sentence.\nLoad more\nCVJun 2\nB PaperAlan Turing\n';
    const result = parseCardListing(text, 'listings/x.txt');
    expect(result.entries).toHaveLength(2);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'listings/x.txt', line: 4, message: expect.stringContaining('"Load more"') }),
    ]);
  });

  it('makes an impossible date an error that names the header and the expected form', () => {
    const result = parseCardListing('LGJun 31\nA PaperAda Lovelace\n', 'listings/000.txt');
    expect(result.issues[0]).toMatchObject({ severity: 'error', line: 1 });
    expect(result.issues[0]?.message).toContain('header "LGJun 31" has an impossible date');
    expect(result.issues[0]?.message).toContain('expected "Mon D[, YYYY]"');
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]?.date).toBeUndefined();
  });

  it('names the years a date can have when a header’s year is outside them, and not when the day is the problem', () => {
    const message = (header: string) => parseCardListing(`${header}\nA PaperAda Lovelace\n`, 'x.txt').issues[0]?.message;
    expect(message('LGJun 3, 1850')).toBe('header "LGJun 3, 1850" has the year 1850, outside the years 1900–2999 a listing date can have; check the year');
    expect(message('LGFeb 29, 2023')).toContain('has an impossible date "Feb 29, 2023"');
    expect(message('LGJun 31, 1850')).toContain('has an impossible date "Jun 31, 1850"');
  });

  it('accepts Feb 29 without a year but not in a non-leap year', () => {
    expect(parseCardListing('LGFeb 29\nA PaperAda Lovelace\n', 'f').issues).toEqual([]);
    expect(parseCardListing('LGFeb 29, 2023\nA PaperAda Lovelace\n', 'f').issues[0]?.severity).toBe('error');
  });

  it('reports a header with no title line instead of dropping it silently', () => {
    const result = parseCardListing('LGJun 3\nCVJun 2\nB PaperAlan Turing\n', 'f.txt');
    expect(result.entries).toHaveLength(1);
    expect(result.issues).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('has no title line') })]);
  });

  // The first three cards of seed 000, real text: headers at lines 1, 4 and 7.
  const seed000 = readFixture('seed-data/listings/000_80704c9de50da4f0.txt').split('\n').slice(0, 9);
  const withHeaders = (second: string, third: string) => [...seed000.slice(0, 3), second, ...seed000.slice(4, 6), third, ...seed000.slice(7, 9)].join('\n');

  it('reads a header without the comma, and makes a two-digit year an error that still starts a card', () => {
    const result = parseCardListing(withHeaders('CL Jun 1 2025', 'GTJun 8, 23'), 'listings/000_x.txt');
    expect(result.entries.map((entry) => [entry.line, entry.subject, entry.date, entry.titleAuthors, entry.abstract])).toEqual([
      [1, 'AI', { year: null, month: 6, day: 3 }, seed000[1], seed000[2]],
      [4, 'CL', { year: 2025, month: 6, day: 1 }, seed000[4], seed000[5]],
      [7, 'GT', undefined, seed000[7], seed000[8]],
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'listings/000_x.txt',
        line: 7,
        message: expect.stringMatching(/^header "GTJun 8, 23" cannot be read: its year has fewer than four digits; expected "\[score\]SUBJECTMon D\[, YYYY\]\[Code\]"/),
      }),
    ]);
  });

  it('glues nothing to a card after a header it cannot recognise at all', () => {
    const result = parseCardListing(withHeaders('CLJun 1', 'GT ~ Jun 8, 2023'), 'f.txt');
    expect(result.entries.map((entry) => [entry.line, entry.abstract])).toEqual([
      [1, seed000[2]],
      [4, seed000[5]],
    ]);
    // The header, the title line and the abstract of the third card are each reported at their line.
    expect(result.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['warning', 7],
      ['warning', 8],
      ['warning', 9],
    ]);
    expect(result.issues.every((issue) => issue.message.startsWith('stray line'))).toBe(true);
  });

  it('removes an "Abstract:" prefix and reports the abstract of a card that has no title line', () => {
    const text = `LGJun 3\nAbstract: ${seed000[2]}\nCLJun 1\n${seed000[4]}\nAbstract: ${seed000[5]}\n`;
    const result = parseCardListing(text, 'f.txt');
    expect(result.entries.map((entry) => [entry.line, entry.titleAuthors, entry.abstract])).toEqual([[3, seed000[4], seed000[5]]]);
    expect(result.dropped).toBe(1);
    expect(result.issues.map((issue) => issue.line)).toEqual([1, 2]);
  });

  it('never takes the abstract under a bare "Abstract:" right after a header for the title line', () => {
    const abstract = 'We study things in a sentence that is long enough to be an abstract of a paper.';
    const result = parseCardListing(`LGJun 3, 2024\nAbstract:\n${abstract}\nCVJun 4, 2024\nA Study of ThingsAda Lovelace\n${abstract}\n`, 'cards.txt');
    expect(result.entries.map((entry) => entry.titleAuthors)).toEqual(['A Study of ThingsAda Lovelace']);
    expect(result.dropped).toBe(1);
    expect(result.issues.map((issue) => [issue.line, issue.message.slice(0, 40)])).toEqual([
      [1, 'card header "LGJun 3, 2024" has no title'],
      [2, 'this abstract belongs to the card at lin'],
      [3, 'this abstract belongs to the card at lin'],
    ]);
  });

  it('keeps the cards under headers it cannot read, so that their title and abstract are never stray lines', () => {
    const abstract = 'We study things in a sentence that is long enough to be an abstract of a paper.';
    const result = parseCardListing(`lgjun 3, 2024\nA Study of ThingsAda Lovelace\n${abstract}\n\nLG 2024-05-07\nAnother StudyAlan Turing\n${abstract}\n`, 'cards.txt');
    expect(result.entries.map((entry) => [entry.line, entry.titleAuthors, entry.abstract])).toEqual([
      [1, 'A Study of ThingsAda Lovelace', abstract],
      [5, 'Another StudyAlan Turing', abstract],
    ]);
    expect(result.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['error', 1],
      ['error', 5],
    ]);
  });

  it('reads the authors from a line of their own when the abstract follows, and keeps a name-like page line after a card with no abstract stray', () => {
    const abstract = 'We show that a single author can write a paper, and that the parser reads the author below the title.';
    const result = parseCardListing(`CVJun 3, 2024\nA Single-Author Paper\nJan Metzen\n\n${abstract}\nAIJun 4, 2024\nAgents' Last ExamYiyou Sun, Xinyang Han et al.\nLoad More\n`, 'cards.txt');
    expect(result.entries.map((entry) => [entry.titleAuthors, entry.authorsLine, entry.abstract, entry.lines])).toEqual([
      ['A Single-Author Paper', 'Jan Metzen', abstract, [1, 2, 3, 5]],
      ["Agents' Last ExamYiyou Sun, Xinyang Han et al.", undefined, undefined, [6, 7]],
    ]);
    expect(result.issues.map((issue) => [issue.line, issue.message.slice(0, 34)])).toEqual([[8, 'stray line "Load More" is not part']]);
  });

  it('keeps a glued author list when a single name-like line follows the title line, as page text', () => {
    const abstract = 'We study things in a sentence that is long enough to be an abstract of a paper.';
    const result = parseCardListing(`AIJun 4, 2024\nAgents' Last ExamYiyou Sun, Xinyang Han et al.\nGoogle DeepMind\n${abstract}\n`, 'cards.txt');
    expect(result.entries.map((entry) => [entry.titleAuthors, entry.authorsLine, entry.abstract])).toEqual([["Agents' Last ExamYiyou Sun, Xinyang Han et al.", undefined, abstract]]);
    expect(result.issues.map((issue) => [issue.line, issue.message.slice(0, 40)])).toEqual([[3, 'stray line "Google DeepMind" is not part']]);
  });

  it('joins a glued author list that wrapped onto the next line', () => {
    const abstract = 'We study things in a sentence that is long enough to be an abstract of a paper.';
    const result = parseCardListing(`AIJun 4, 2024\nA Study of ThingsJane Doe,\nAlan Turing, Ada Lovelace\n${abstract}\n`, 'cards.txt');
    expect(result.entries.map((entry) => [entry.titleAuthors, entry.abstract, entry.lines])).toEqual([['A Study of ThingsJane Doe, Alan Turing, Ada Lovelace', abstract, [1, 2, 3, 4]]]);
  });

  it('never makes an author line the abstract: unreadable names are kept with a warning, footnote marks and bracketed affiliations taken off', () => {
    const abstract = 'We study things in a sentence that is long enough to be an abstract of a paper.';
    const names = 'María de las Mercedes Pérez1,*, Jon Smith (MIT), Ada Lovelace2, Grace Hopper, Alan Turing';
    const result = parseCardListing(`AIJun 4, 2024\nA Study of Things\n${names}\n${abstract}\n`, 'cards.txt');
    expect(result.entries.map((entry) => [entry.titleAuthors, entry.authorsLine, entry.abstract])).toEqual([['A Study of Things', names, abstract]]);
    expect(readAuthorList(names, true)).toEqual({
      authors: ['María de las Mercedes Pérez', 'Jon Smith', 'Ada Lovelace', 'Grace Hopper', 'Alan Turing'],
      truncated: false,
      affiliations: ['MIT'],
      unsure: ['María de las Mercedes Pérez'],
    });
    expect(result.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [3, 'the author list below the title has "María de las Mercedes Pérez", which does not read as a name; kept as written. Check the names'],
    ]);
  });

  it('reads an author line of two names or more when the card ends after it', () => {
    const result = parseCardListing('AIJun 4, 2024\nA Study of Things\nJane Doe, Alan Turing\nAIJun 5, 2024\nAnother StudyAda Lovelace\n', 'cards.txt');
    expect(result.entries.map((entry) => [entry.titleAuthors, entry.authorsLine])).toEqual([
      ['A Study of Things', 'Jane Doe, Alan Turing'],
      ['Another StudyAda Lovelace', undefined],
    ]);
  });
});
