import type { Options, SearchOptions } from 'minisearch';
import { plainTextWords } from '../plain-text.ts';
import type { IndexSettings } from './serialised-index.ts';

/**
 * MiniSearch settings shared by the index build and the browser: the same tokens, the same term
 * processing (accents folded, Greek letters and LaTeX commands read as their names, English stop
 * words dropped) and the same search behaviour (title boosted, prefix as you type, fuzzy for typos).
 */

/** English stop words: too common to help a query. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been but by can do does for from had has have how i if in into is it its of on or our so such than that the their them then there these they this those to was we were what when where which while who will with within without you your'.split(' '),
);

/** A document of the title index: its searchable fields (text with LaTeX, as the record has it) plus the stored display fields. */
export interface TitleDocument extends StoredFields {
  id: number;
  title: string;
  authors: string;
  categories: string;
  /** The arXiv id without version (`2510.15464`, `hep-th/9711200`), or "": pasted ids find their paper. */
  arxiv: string;
}

/** A document of the full index: every searched field, and the same stored display fields. */
export interface FullDocument extends TitleDocument {
  abstract: string;
  /** Affiliations and organisations ("berkeley"), as the listings gave them. */
  affiliations: string;
}

/** A piece of displayed text: [text, 1] for math (never highlighted) or [text, 0] for prose. */
export type TextPiece = [string, 0 | 1];

/** What each result carries for display, without loading the paper. Short keys keep the index small. */
export interface StoredFields {
  /** Title pieces (math as Unicode text). */
  t: TextPiece[];
  /** Author names, "et al." appended when cut. */
  a: string;
  /** ISO date or "". */
  d: string;
  /** Category ids, primary first. */
  c: string[];
  /** 1 when code is available. */
  h: 0 | 1;
  /** Site path of the paper, without base. */
  p: string;
  /** Chunk of search/text/ that holds the snippet text. */
  k: number;
  /** Affiliations, when the listings gave any: shown with the authors, so a match on them is visible. */
  f?: string;
}

/** Fields of the small index loaded on the first interaction: titles, authors, categories (ids and names), arXiv ids. */
export const TITLE_FIELDS = ['title', 'authors', 'categories', 'arxiv'] as const;
/** Fields of the full index loaded right after it (and alone by the results page): the same plus abstracts and affiliations. */
export const FULL_FIELDS = [...TITLE_FIELDS, 'abstract', 'affiliations'] as const;

// Latin letters that Unicode does not decompose into a base letter plus a mark (so NFKD alone keeps them).
const UNDECOMPOSED: Readonly<Record<string, string>> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
const UNDECOMPOSED_LETTER = /[ıłøđðħŧßæœþ]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Folds one token: lower case, no accents (Ildız and Łukasz match Ildiz and Lukasz); stop words dropped. */
export function processTerm(term: string): string | null {
  // Most tokens are ASCII, which has nothing to fold but case: NFKD is the costly part of indexing otherwise.
  const folded = ASCII.test(term)
    ? term.toLowerCase()
    : term
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter] ?? letter);
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  return folded;
}

/** Splits text into word tokens after reading math as words, so `\Theta`, `Θ` and `Theta` give the same token. */
export function tokenize(text: string): string[] {
  return plainTextWords(text);
}

/** Options of the title index: build and client must agree on these. */
export const TITLE_INDEX_OPTIONS: Options<TitleDocument> = {
  fields: [...TITLE_FIELDS],
  storeFields: ['t', 'a', 'd', 'c', 'h', 'p', 'k', 'f'],
  tokenize,
  processTerm,
};

/** Options of the full index: the same tokens, terms and stored fields, every field searched. */
export const FULL_INDEX_OPTIONS: IndexSettings<FullDocument> = {
  fields: [...FULL_FIELDS],
  storeFields: ['t', 'a', 'd', 'c', 'h', 'p', 'k', 'f'],
  tokenize,
  processTerm,
};

/**
 * Search behaviour: title first, then authors. The word being typed (the last one) matches as a prefix once it
 * has 3 letters; words of 5 letters or more tolerate a typo. Prefixes on every word and typos on short words
 * cost the most and helped least (BENCHMARKS.md, "Search"). Every word must match, in any field.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3, authors: 2.5, categories: 1.5, arxiv: 3, abstract: 1, affiliations: 1.5 },
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 3,
  // Not for numbers: an arXiv id's 15464 must not find 15463 and 15465.
  fuzzy: (term) => (term.length >= 5 && !/^\d+$/.test(term) ? 0.2 : false),
  maxFuzzy: 2,
  combineWith: 'AND',
  weights: { fuzzy: 0.45, prefix: 0.6 },
};

/** Path of the title index (loaded on the first interaction), under base. */
export const TITLE_INDEX_PATH = 'search/titles.json';
/** Path of the full index (loaded right after the title index, and alone by the results page), under base. */
export const FULL_INDEX_PATH = 'search/index.json';
/** Path of a snippet-text chunk, under base. */
export const textChunkPath = (chunk: number) => `search/text/${chunk}.json`;
/** Papers per snippet-text chunk: a results page of 20 hits fetches at most 20 small files. */
export const TEXT_CHUNK_SIZE = 10;
