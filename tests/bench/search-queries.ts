/**
 * Deterministic benchmark queries drawn from a site's papers: title words, author surnames, abstract words,
 * 3–5 letter prefixes (what the header box searches while typing), one-edit typos and title + surname mixes.
 */
import type { Paper } from '../../src/lib/schema.ts';
import { STOP_WORDS } from '../../src/lib/search/search-options.ts';
import { mulberry32 } from './generate-corpus.ts';

/** What a query is made of. */
export type QueryKind = 'title' | 'author' | 'abstract' | 'prefix' | 'typo' | 'title+author';

/** One benchmark query. */
export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

/** How many queries of each kind make the default mix of 200. */
export const QUERY_MIX: Readonly<Record<QueryKind, number>> = { title: 40, author: 30, abstract: 40, prefix: 40, typo: 30, 'title+author': 20 };

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Plain words of a text worth searching: letters only, at least 3 of them, no stop words. */
export function words(text: string | null): string[] {
  return (text ?? '').split(/[^A-Za-z]+/).filter((word) => word.length >= 3 && !STOP_WORDS.has(word.toLowerCase()));
}

function surname(name: string): string {
  return name.split(' ').pop() ?? name;
}

function titleWords(random: Random, papers: readonly Paper[]): string[] {
  for (;;) {
    const found = words(pick(random, papers).title);
    if (found.length > 0) return found;
  }
}

function titlePhrase(random: Random, papers: readonly Paper[]): string {
  const found = titleWords(random, papers);
  const length = Math.min(found.length, 1 + Math.floor(random() * 3));
  const start = Math.floor(random() * (found.length - length + 1));
  return found.slice(start, start + length).join(' ');
}

function authorSurname(random: Random, papers: readonly Paper[]): string {
  for (;;) {
    const authors = pick(random, papers).authors;
    if (authors.length > 0) return surname(pick(random, authors).name);
  }
}

function abstractWords(random: Random, papers: readonly Paper[], count: number): string {
  for (;;) {
    const found = words(pick(random, papers).abstract).filter((word) => word.length >= 4);
    if (found.length >= count) {
      const start = Math.floor(random() * (found.length - count + 1));
      return found.slice(start, start + count).join(' ');
    }
  }
}

function longWord(random: Random, papers: readonly Paper[], minLength: number): string {
  for (;;) {
    const paper = pick(random, papers);
    const found = [...words(paper.title), ...words(paper.abstract)].filter((word) => word.length >= minLength);
    if (found.length > 0) return pick(random, found).toLowerCase();
  }
}

/** One edit of a word: substitute, delete, transpose or insert a letter (never the first letter). */
export function typo(random: Random, word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = pick(random, [...'abcdefghijklmnopqrstuvwxyz'].filter((candidate) => candidate !== word[at]));
  const edit = Math.floor(random() * 4);
  if (edit === 0) return `${word.slice(0, at)}${letter}${word.slice(at + 1)}`;
  if (edit === 1) return `${word.slice(0, at)}${word.slice(at + 1)}`;
  if (edit === 2) return `${word.slice(0, at)}${word[at + 1] ?? ''}${word[at] ?? ''}${word.slice(at + 2)}`;
  return `${word.slice(0, at)}${letter}${word.slice(at)}`;
}

function query(kind: QueryKind, random: Random, papers: readonly Paper[]): string {
  switch (kind) {
    case 'title':
      return titlePhrase(random, papers);
    case 'author':
      return authorSurname(random, papers);
    case 'abstract':
      return abstractWords(random, papers, 1 + Math.floor(random() * 2));
    case 'prefix':
      return longWord(random, papers, 6).slice(0, 3 + Math.floor(random() * 3));
    case 'typo':
      return typo(random, longWord(random, papers, 5));
    case 'title+author':
      return `${pick(random, titleWords(random, papers))} ${authorSurname(random, papers)}`;
  }
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The benchmark queries for a set of papers, kinds interleaved; the same papers and seed give the same queries. */
export function benchQueries(papers: readonly Paper[], seed = 4, mix: Readonly<Record<QueryKind, number>> = QUERY_MIX): BenchQuery[] {
  const random = mulberry32(seed);
  const queries = (Object.entries(mix) as Array<[QueryKind, number]>).flatMap(([kind, count]) =>
    Array.from({ length: count }, () => ({ kind, text: query(kind, random, papers) })),
  );
  return shuffle(random, queries);
}
