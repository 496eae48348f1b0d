import type MiniSearch from 'minisearch';
import { processTerm, SEARCH_OPTIONS, tokenize, type FullDocument, type StoredFields, type TitleDocument } from './search-options.ts';

/** A search result with its stored display fields. */
export interface Hit {
  id: number;
  score: number;
  /** Index terms the document matched (after prefix and fuzzy expansion), for highlighting. */
  terms: string[];
  fields: StoredFields;
}

/** The indexes loaded so far: the small title index first, the full index once it has arrived. */
export interface SearchIndexes {
  titles: MiniSearch<TitleDocument> | null;
  full: MiniSearch<FullDocument> | null;
}

/**
 * A query term as the search reads it: folded as the index was, and a single letter or digit dropped, since it is
 * an initial ("S. Kakade", "Kakade S") or a stray variable that would only make every word required fail.
 */
export function queryTerm(term: string): string | null {
  const folded = processTerm(term);
  return folded === null || folded.length < 2 ? null : folded;
}

/** The words of a query as the search reads them, in order: the same tokens and folding the indexes were built with. */
export function queryWords(query: string): string[] {
  return tokenize(searchableQuery(query)).flatMap((token) => queryTerm(token) ?? []);
}

// An arXiv address or a versioned id, as pasted from arXiv: the papers are indexed by their id without version.
const ARXIV_URL = /\b(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/([^\s?#]+?)(?:\.pdf)?\/?(?=[\s?#]|$)(?:[?#]\S*)?/gi;
const VERSIONED_ID = /\b((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))v\d+\b/gi;

/** The query with arXiv URLs read as their ids and versions dropped (`arxiv.org/abs/2510.15464v2` → `2510.15464`). */
export function searchableQuery(query: string): string {
  return query.replace(ARXIV_URL, (_, id: string) => id).replace(VERSIONED_ID, '$1').replace(/\barXiv:/gi, '');
}

/**
 * Why a query that found nothing could not have found anything, as advice; null when it was a real search.
 * `typing`: the last word may be unfinished (a search box as you type), so a short one is a prefix to come.
 */
export function emptyQueryHint(query: string, typing: boolean): string | null {
  const words = tokenize(searchableQuery(query));
  if (typing && (words.at(-1) ?? '').length < 3) return 'Keep typing: the last word matches the start of words once it has 3 letters';
  if (queryWords(query).length === 0) return `“${query.trim()}” has only words too short or too common to search for; add a more specific word`;
  return null;
}

/**
 * Runs a query over the best index loaded: the full one when it is there, else titles, authors and categories.
 * Best score first; equal scores in site order (newest first, ids are positions), not in the order the index
 * happens to store its terms.
 */
export function searchIndexes(indexes: SearchIndexes, query: string): Hit[] {
  const index = indexes.full ?? indexes.titles;
  if (index === null) return [];
  return index
    .search(searchableQuery(query), { ...SEARCH_OPTIONS, processTerm: queryTerm })
    .map((result) => ({ id: Number(result.id), score: result.score, terms: result.terms, fields: result as unknown as StoredFields }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
