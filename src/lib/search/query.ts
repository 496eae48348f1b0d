import type MiniSearch from 'minisearch';
import { processTerm, tokenize, wordSearchOptions, type AbstractDocument, type StoredFields, type TitleDocument } from './search-options.ts';

/** A search result with its stored display fields. */
export interface Hit {
  id: number;
  score: number;
  /** Index terms the document matched (after prefix and fuzzy expansion), for highlighting. */
  terms: string[];
  fields: StoredFields;
}

/** The two indexes of a site; the abstract index is null until it has loaded. */
export interface SearchIndexes {
  titles: MiniSearch<TitleDocument>;
  abstracts: MiniSearch<AbstractDocument> | null;
}

/** The words of a query as index terms, in order: the same tokens and folding the indexes were built with. */
export function queryWords(query: string): string[] {
  return tokenize(query).flatMap((token) => processTerm(token) ?? []);
}

interface Match {
  score: number;
  terms: Set<string>;
}

function lookUp(indexes: SearchIndexes, word: string, isLast: boolean): Map<number, Match> {
  const options = wordSearchOptions(word, isLast);
  const found = new Map<number, Match>();
  for (const index of [indexes.titles, indexes.abstracts]) {
    if (index === null) continue;
    for (const result of index.search(word, options)) {
      const id = Number(result.id);
      const match = found.get(id) ?? { score: 0, terms: new Set<string>() };
      match.score += result.score;
      for (const term of result.terms) match.terms.add(term);
      found.set(id, match);
    }
  }
  return found;
}

/**
 * Runs a query over both indexes: every word must match somewhere (title, authors, categories or abstract),
 * scores add up across words and indexes, best first (ties by site order, so results are stable).
 */
export function searchIndexes(indexes: SearchIndexes, query: string): Hit[] {
  const words = queryWords(query);
  let matches: Map<number, Match> | null = null;
  words.forEach((word, position) => {
    const found = lookUp(indexes, word, position === words.length - 1);
    if (matches === null) {
      matches = found;
      return;
    }
    for (const [id, match] of matches) {
      const also = found.get(id);
      if (also === undefined) {
        matches.delete(id);
        continue;
      }
      match.score += also.score;
      for (const term of also.terms) match.terms.add(term);
    }
  });
  const hits: Hit[] = [];
  for (const [id, match] of (matches as Map<number, Match> | null) ?? []) {
    const fields = indexes.titles.getStoredFields(id) as StoredFields | undefined;
    if (fields) hits.push({ id, score: match.score, terms: [...match.terms], fields });
  }
  return hits.sort((a, b) => b.score - a.score || a.id - b.id);
}
