/** Pathological dumps, made in code (megabytes are not committed), each with what a good report says about it. */

/** One pathological input and what its report must contain. */
export interface PathologicalCase {
  name: string;
  bytes: () => Uint8Array;
  /** Substrings that some issue message must contain (errors and warnings alike). */
  expectIssues: string[];
  /** How many papers it must give, when that is known. */
  papers?: number;
  /** The file must be refused with an error. */
  error?: boolean;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const CARD = 'LGJun 3, 2024\nA Study of ThingsJan Koutník, Ada Lovelace\nWe study things in a sentence that is long enough to be an abstract.\n';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (char) => char.charCodeAt(0))];
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, index) => {
    bytes[index * 2 + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[index * 2 + (littleEndian ? 1 : 0)] = unit >> 8;
  });
  return bytes;
}

function seededBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** The suite, in the spirit of markdown-it's pathological tests. */
export const PATHOLOGICAL_CASES: PathologicalCase[] = [
  { name: 'a 1 MB abstract line', bytes: () => utf8(`LGJun 3, 2024\nA Study of ThingsAda Lovelace\n${'word '.repeat(200_000)}\n`), expectIssues: [], papers: 1 },
  {
    name: 'a 1 MB title line full of capitals and commas',
    bytes: () => utf8(`LGJun 3, 2024\n${'Big Title, '.repeat(90_000)}EndAda Lovelace\n`),
    expectIssues: [],
    papers: 1,
  },
  {
    name: 'a 1 MB abstract of URL beginnings that are no URLs, and of long URLs',
    bytes: () => utf8(`LGJun 3, 2024\nA Study of ThingsAda Lovelace\n${'http://,'.repeat(62_500)} ${'see https://example.org/a~b--c, '.repeat(5_000)}https://x.org/${'a'.repeat(200_000)}\n`),
    expectIssues: [],
    papers: 1,
  },
  {
    name: 'hostile text-mode LaTeX: 5,000 nested declarations and links, 100,000 brackets after a URL',
    bytes: () =>
      utf8(
        `LGJun 3, 2024\nA Study of ThingsAda Lovelace\n${'{\\em '.repeat(5_000)}x${'}'.repeat(5_000)} ${'\\href{https://a.org}{'.repeat(5_000)}y${'}'.repeat(5_000)} ${'\\em '.repeat(5_000)} https://a.org/${')'.repeat(100_000)} ${'https://b.org/~ '.repeat(20_000)}\n`,
      ),
    expectIssues: [],
    papers: 1,
  },
  { name: 'a 1 MB line of glued capitals', bytes: () => utf8(`LGJun 3, 2024\n${'aB'.repeat(500_000)}\n`), expectIssues: ['aBaBaBaB'], papers: 1 },
  { name: '100,000 blank lines', bytes: () => utf8(`${'\n'.repeat(100_000)}${CARD}${'\r\n'.repeat(50_000)}`), expectIssues: [], papers: 1 },
  { name: 'binary garbage', bytes: () => seededBytes(200_000, 7), expectIssues: ['binary file'], error: true },
  { name: 'UTF-16LE with a BOM', bytes: () => utf16(CARD, true, true), expectIssues: ['UTF-16 (little-endian, with BOM)'], papers: 1 },
  { name: 'UTF-16BE with a BOM', bytes: () => utf16(CARD, false, true), expectIssues: ['UTF-16 (big-endian, with BOM)'], papers: 1 },
  { name: 'UTF-16LE without a BOM', bytes: () => utf16(CARD, true, false), expectIssues: ['UTF-16 (little-endian, no BOM)'], papers: 1 },
  { name: 'Latin-1', bytes: () => new Uint8Array(Array.from(CARD, (char) => char.charCodeAt(0))), expectIssues: ['Latin-1'], papers: 1 },
  { name: 'an empty file', bytes: () => new Uint8Array(0), expectIssues: ['the file is empty'], error: true },
  { name: 'a file that is not a dump', bytes: () => utf8('# Notes\n\nThese are my notes about papers to read.\n'), expectIssues: ['no recognisable entries'], error: true },
  {
    name: 'a dump mixing two formats',
    bytes: () => utf8(`${CARD}CVJun 2, 2024\nOther PaperAlan Turing\nAnother abstract, long enough to be prose here.\n\nAbstract:An abstract-only entry that strayed into a card listing.\n`),
    expectIssues: ['mixes formats', 'stray line'],
  },
  {
    name: 'a truncated last entry',
    bytes: () => utf8('First abstract, long enough to count as prose for sure.\n\narXiv:2401.01234\nCreated: 2024-01-04\n\nThe second abstract of this listing was cut off in the middle of its'),
    expectIssues: ['no "arXiv:" line'],
    papers: 2,
  },
  {
    name: 'a 1 MB arXiv id line of page decorations with text after them',
    bytes: () => utf8(`First abstract, long enough to count as prose for sure.\n\narXiv:2401.01234 ${'[pdf, html, other] (replaced) '.repeat(35_000)}and more\n`),
    expectIssues: ['"and more" after the id'],
    papers: 1,
    error: true,
  },
  {
    name: 'hostile LaTeX: 20,000 nested braces, unclosed delimiters, macro bombs',
    bytes: () =>
      utf8(
        `LGJun 3, 2024\nHostile TeXAda Lovelace\n${'{'.repeat(20_000)}x${'}'.repeat(20_000)} ${'\\('.repeat(50_000)} ${'$'.repeat(100_000)} $\\def\\a{\\a\\a}\\a$ \\cite[${'['.repeat(10_000)}\n`,
      ),
    expectIssues: [],
    papers: 1,
  },
];
