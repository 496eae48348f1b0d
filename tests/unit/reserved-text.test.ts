import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/issues.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { ASTRO_IMAGE_IMPORT_PREFIX, reservedTextPaths } from '../../src/lib/reserved-text.ts';
import { readFixture, seedDumps, seedSources } from '../helpers.ts';

const SEED_000 = 'listings/000_80704c9de50da4f0.txt';
const SEED_003 = 'listings/003_9486e5228bd94662.txt';

// The seed dumps with one line of one dump given the prefix: a copied listing whose text happens to start with it.
function seedsWithPrefixedLine(file: string, line: number): ReturnType<typeof seedDumps> {
  return seedDumps().map((dump) => {
    if (dump.file !== file || !('text' in dump)) return dump;
    const lines = dump.text.split('\n');
    lines[line - 1] = `${ASTRO_IMAGE_IMPORT_PREFIX}${lines[line - 1]}`;
    return { ...dump, text: lines.join('\n') };
  });
}

describe("text that Astro's content layer would rewrite", () => {
  it("uses Astro's own image-import prefix", () => {
    const consts = readFileSync(fileURLToPath(new URL('../../node_modules/astro/dist/content/consts.js', import.meta.url)), 'utf8');
    expect(/const IMAGE_IMPORT_PREFIX = "([^"]+)"/.exec(consts)?.[1]).toBe(ASTRO_IMAGE_IMPORT_PREFIX);
  });

  it('finds every string that starts with the prefix, at any depth, and nothing else', () => {
    const value = { title: `${ASTRO_IMAGE_IMPORT_PREFIX}x`, abstract: `see ${ASTRO_IMAGE_IMPORT_PREFIX}x`, authors: [{ name: 'Ada' }, { name: `${ASTRO_IMAGE_IMPORT_PREFIX}y` }], score: 3, codeUrl: null };
    expect(reservedTextPaths(value)).toEqual(['title', 'authors.1.name']);
    expect(reservedTextPaths({ title: 'plain', authors: [] })).toEqual([]);
  });

  it('finds none in the seed records', () => {
    const { papers } = buildCorpus(seedDumps(), { sources: seedSources() });
    expect(papers.flatMap((paper) => reservedTextPaths(paper))).toEqual([]);
  });

  it('reports a card title that starts with the prefix as an error at its card, and keeps the entry in the report', () => {
    // Line 2 of seed 000 is the first card's title and authors.
    const { papers, report } = buildCorpus(seedsWithPrefixedLine(SEED_000, 2), { sources: seedSources() });
    const errors = report.issues.filter((issue) => issue.severity === 'error').map(formatIssue);
    expect(errors).toEqual([`${SEED_000}:1: the paper's title starts with "${ASTRO_IMAGE_IMPORT_PREFIX}", which Astro's content layer takes for an image import and would rewrite; edit the dump so that no text starts with it`]);
    expect(papers.some((paper) => paper.title?.startsWith(ASTRO_IMAGE_IMPORT_PREFIX))).toBe(false);
    // Nothing lost: every entry read is in a record or reported.
    for (const file of report.files) expect(file.read, file.file).toBe(file.made + file.merged + file.reported);
    expect(report.files.find((file) => file.file === SEED_000)?.reported).toBe(1);
  });

  it('names the entry of an arXiv id listing whose abstract starts with the prefix', () => {
    const text = readFixture('seed-data/listings/003_9486e5228bd94662.txt');
    const abstractLine = text.split('\n').findIndex((line) => line.trim() !== '') + 1;
    const { report } = buildCorpus(seedsWithPrefixedLine(SEED_003, abstractLine), { sources: seedSources() });
    const [error] = report.issues.filter((issue) => issue.severity === 'error');
    expect(error && formatIssue(error)).toMatch(new RegExp(`^${SEED_003}:${abstractLine}: `));
    expect(error?.message).toContain("the paper's abstract starts with");
    expect(report.summary.errors).toBe(1);
  });
});
