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

/** The words of a query as index terms, in order: the same tokens and folding the indexes were built with. */
export function queryWords(query: string): string[] {
  return tokenize(query).flatMap((token) => processTerm(token) ?? []);
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
    .search(query, SEARCH_OPTIONS)
    .map((result) => ({ id: Number(result.id), score: result.score, terms: result.terms, fields: result as unknown as StoredFields }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
