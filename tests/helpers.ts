import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DumpInput } from '../src/lib/pipeline.ts';

/** Absolute path of a file under tests/fixtures. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`./fixtures/${relative}`, import.meta.url));
}

/** Text of a fixture file. */
export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** The four seed dumps, named as they are in data/listings. */
export const SEED_FILES = [
  '000_80704c9de50da4f0.txt',
  '001_fd2f3fd673fe7401.txt',
  '002_1b722824cdb08c64.txt',
  '003_9486e5228bd94662.txt',
] as const;

/** The seed dumps as pipeline input, under listings/ as in the shipped data folder. */
export function seedDumps(): DumpInput[] {
  return SEED_FILES.map((name) => ({ file: `listings/${name}`, text: readFixture(`seed-data/listings/${name}`) }));
}

/** The sources.json the seeds ship with: captured 2026-11-21. */
export function seedSources(): Record<string, { captured: string }> {
  return Object.fromEntries(SEED_FILES.map((name) => [`listings/${name}`, { captured: '2026-11-21' }]));
}

/** A real arXiv paper from the metadata samples: title and full author list as arXiv gives them. */
export interface RealPaper {
  title: string;
  authors: string[];
  abstract: string;
  categories: string[];
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every paper of both real metadata samples (cs-2021-01 JSON and the OAI snapshot JSONL). */
export function realPapers(): RealPaper[] {
  const cs = JSON.parse(readFixture('real-arxiv/cs-2021-01-sample.json')) as Array<{ title: string; authors: string; abstract: string; categories: string }>;
  const oai = readFixture('real-arxiv/oai-snapshot-sample.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { title: string; abstract: string; categories: string; authors_parsed: string[][] });
  return [
    ...cs.map((paper) => ({
      title: clean(paper.title),
      authors: paper.authors.split(/, | and /).map(clean),
      abstract: clean(paper.abstract),
      categories: paper.categories.split(' '),
    })),
    ...oai.map((paper) => ({
      title: clean(paper.title),
      // authors_parsed is [last, first, suffix] with LaTeX accents already decoded.
      authors: paper.authors_parsed.map(([last = '', first = '', suffix = '']) => clean([first, last, suffix].filter(Boolean).join(' '))),
      abstract: clean(paper.abstract),
      categories: paper.categories.split(' '),
    })),
  ];
}

/** The title/authors line a card listing shows for a paper: at most three names, then " et al.". */
export function cardTitleLine(paper: Pick<RealPaper, 'title' | 'authors'>): string {
  return `${paper.title}${paper.authors.slice(0, 3).join(', ')}${paper.authors.length > 3 ? ' et al.' : ''}`;
}

// The installed KaTeX's version, read from its package.json.
function installedKatexVersion(): string {
  return (JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('katex/package.json')), 'utf8')) as { version: string }).version;
}

/** The folder of the site's KaTeX assets under `base`: `katex/<version>-<hash of the stylesheet>/`. */
export function katexFolderPattern(base: string): RegExp {
  return new RegExp(`${base}katex/${installedKatexVersion().replaceAll('.', '\\.')}-[0-9a-f]{8}/`);
}
