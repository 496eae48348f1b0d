import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/issues.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { ASTRO_IMAGE_IMPORT_PREFIX, recordFieldName, reservedText } from '../../src/lib/reserved-text.ts';
import { readFixture, seedDumps, seedSources } from '../helpers.ts';

const SEED_000 = 'listings/000_80704c9de50da4f0.txt';
const SEED_001 = 'listings/001_fd2f3fd673fe7401.txt';
const SEED_002 = 'listings/002_1b722824cdb08c64.txt';
const SEED_003 = 'listings/003_9486e5228bd94662.txt';
const P = ASTRO_IMAGE_IMPORT_PREFIX;

// The seed dumps with the prefix put into one line of one dump (after `after` on that line): a copied listing
// whose text happens to start with it.
function seedsWithPrefixedLine(file: string, line: number, after = ''): ReturnType<typeof seedDumps> {
  return seedDumps().map((dump) => {
    if (dump.file !== file || !('text' in dump)) return dump;
    const lines = dump.text.split('\n');
    const text = lines[line - 1] ?? '';
    if (!text.startsWith(after)) throw new Error(`line ${line} of ${file} does not start with ${after}`);
    lines[line - 1] = `${after}${P}${text.slice(after.length)}`;
    return { ...dump, text: lines.join('\n') };
  });
}

const errorsOf = (report: ReturnType<typeof buildCorpus>['report']) => report.issues.filter((issue) => issue.severity === 'error').map(formatIssue);

describe("text that Astro's content layer would rewrite", () => {
  it("uses Astro's own image-import prefix", () => {
    const consts = readFileSync(fileURLToPath(new URL('../../node_modules/astro/dist/content/consts.js', import.meta.url)), 'utf8');
    expect(/const IMAGE_IMPORT_PREFIX = "([^"]+)"/.exec(consts)?.[1]).toBe(ASTRO_IMAGE_IMPORT_PREFIX);
  });

  it('finds every string that starts with the prefix, at any depth, and nothing else', () => {
    const value = { title: `${P}x`, abstract: `see ${P}x`, authors: [{ name: 'Ada' }, { name: `${P}y` }], score: 3, codeUrl: null };
    expect(reservedText(value)).toEqual([
      { path: 'title', text: `${P}x` },
      { path: 'authors.1.name', text: `${P}y` },
    ]);
    expect(reservedText({ title: 'plain', authors: [] })).toEqual([]);
  });

  it('names record fields in words', () => {
    expect(['title', 'authors.2.name', 'sources.1.superseded.abstract', 'sources.1.superseded.authors.0', 'sources.0.file', 'affiliations.0'].map(recordFieldName)).toEqual([
      'title',
      'author name',
      'abstract',
      'author name',
      'dump file name',
      'affiliation',
    ]);
  });

  it('reports a card title that starts with the prefix as an error at its card, and keeps the entry in the report', () => {
    // Line 2 of seed 000 is the first card's title and authors.
    const { papers, report } = buildCorpus(seedsWithPrefixedLine(SEED_000, 2), { sources: seedSources() });
    // That paper is also the first card of seed 002, which the message names: it is left out with it.
    expect(errorsOf(report)).toEqual([
      `${SEED_000}:1: the paper's title starts with "${P}", which Astro's content layer takes for an image import and would rewrite; edit the dump so that no text starts with it (the paper's other entries, ${SEED_002}:1, are left out with it)`,
    ]);
    expect(papers.some((paper) => paper.title?.startsWith(P))).toBe(false);
    // Nothing lost: every entry read is in a record or reported.
    for (const file of report.files) expect(file.read, file.file).toBe(file.made + file.merged + file.reported);
    expect(report.files.filter((file) => file.reported > 0).map((file) => [file.file, file.reported])).toEqual([
      [SEED_000, 1],
      [SEED_002, 1],
    ]);
  });

  it('names the entry of an arXiv id listing whose abstract starts with the prefix', () => {
    const text = readFixture('seed-data/listings/003_9486e5228bd94662.txt');
    const abstractLine = text.split('\n').findIndex((line) => line.trim() !== '') + 1;
    const { report } = buildCorpus(seedsWithPrefixedLine(SEED_003, abstractLine), { sources: seedSources() });
    const errors = errorsOf(report);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${SEED_003}:${abstractLine}: the paper's abstract starts with`));
    expect(report.summary.errors).toBe(1);
  });

  it('blames the entry that gave the text, not the first of the paper, and names the others', () => {
    // Seed 001's first abstract is another copy of a seed 000 card's: the card's abstract wins, and this one is
    // kept as superseded text of the abstract-only entry.
    const { report } = buildCorpus(seedsWithPrefixedLine(SEED_001, 1, 'Abstract:'), { sources: seedSources() });
    const errors = errorsOf(report);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${SEED_001}:1: the paper's abstract starts with "${P}".*\\(the paper's other entries, ${SEED_000}:\\d+, are left out with it\\)$`));
  });

  it('blames the entry whose text the record stores, not one whose text it only joins to another', () => {
    // Seed 003's first entry with a second comment that starts with the prefix (merged comments are joined, so
    // the record's comments do not start with it), and a card of the same paper whose title does.
    const [abstract = '', , comment = '', , id = '', created = ''] = readFixture('seed-data/listings/003_9486e5228bd94662.txt').split('\n');
    const listing = { file: 'a.txt', text: `${abstract}\n\n${comment}\n\n${P}see the appendix\n\n${id}\n${created}\n` };
    const card = { file: 'b.txt', text: `LGOct 17, 2025\n${P}Learning to Answer QuestionsAda Lovelace\n${abstract}\n` };
    const { papers, report } = buildCorpus([listing, card]);
    expect(errorsOf(report)).toEqual([
      `b.txt:1: the paper's title starts with "${P}", which Astro's content layer takes for an image import and would rewrite; edit the dump so that no text starts with it (the paper's other entries, a.txt:1, are left out with it)`,
    ]);
    expect(papers).toEqual([]);
    // Alone, the listing's entry makes a paper: nothing stored starts with the prefix.
    expect(buildCorpus([listing]).papers[0]?.comments).toBe(`${comment}; ${P}see the appendix`);
  });

  it("asks for a rename when a dump's own name starts with the prefix", () => {
    const dumps = seedDumps().map((dump) => (dump.file === SEED_003 ? { ...dump, file: `${P}003.txt` } : dump));
    const { report } = buildCorpus(dumps, { sources: seedSources() });
    const errors = errorsOf(report);
    // Every paper of that dump names its own entry.
    expect(errors).toHaveLength(10);
    expect(errors.every((error) => error.startsWith(`${P}003.txt:`) && error.includes("the paper's dump file name starts with") && error.includes('rename the dump'))).toBe(true);
  });
});
