import type MiniSearch from 'minisearch';
import { href } from '../lib/url.ts';
import {
  INDEX_OPTIONS,
  INDEX_PATH,
  processTerm,
  SEARCH_OPTIONS,
  TEXT_CHUNK_SIZE,
  textChunkPath,
  tokenize,
  type SearchDocument,
  type StoredFields,
  type TextPiece,
} from '../lib/search/search-options.ts';

/** Browser side of search: loads the prebuilt index once, on demand, and turns hits into safe DOM. */

/** A search result with its stored display fields. */
export interface Hit {
  id: number;
  score: number;
  /** Index terms the document matched (after prefix and fuzzy expansion), for highlighting. */
  terms: string[];
  fields: StoredFields;
}

// Result links may only point at the site's own paper pages.
const PAPER_PATH = /^papers\/[A-Za-z0-9][A-Za-z0-9._/-]*\/$/;

/** The URL of a hit's paper page, or null when the stored path is not one of the site's paper paths. */
export function paperUrl(fields: StoredFields): string | null {
  return PAPER_PATH.test(fields.p) && !fields.p.includes('..') ? href(fields.p) : null;
}

let loading: Promise<MiniSearch<SearchDocument>> | null = null;

/** Loads the index on first use (never at page load); later calls share the same promise. */
export function loadIndex(): Promise<MiniSearch<SearchDocument>> {
  loading ??= Promise.all([
    import('minisearch'),
    fetch(href(INDEX_PATH)).then((response) => {
      if (!response.ok) throw new Error(`the search index could not be loaded (HTTP ${response.status})`);
      return response.text();
    }),
  ])
    // loadJSON, not loadJSONAsync: the async variant yields every thousand terms and took 4× longer at 10k papers.
    .then(([module, json]) => module.default.loadJSON<SearchDocument>(json, INDEX_OPTIONS))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** Runs a query with the shared options. */
export function searchIndex(index: MiniSearch<SearchDocument>, query: string): Hit[] {
  return index.search(query, SEARCH_OPTIONS).map((result) => ({
    id: Number(result.id),
    score: result.score,
    terms: result.terms,
    fields: result as unknown as StoredFields,
  }));
}

const textChunks = new Map<number, Promise<TextPiece[][]>>();

/** Abstract pieces of the given papers, fetching only the chunks that hold them. */
export async function loadAbstracts(hits: readonly Hit[]): Promise<Map<number, TextPiece[]>> {
  const needed = [...new Set(hits.map((hit) => hit.fields.k))];
  for (const chunk of needed) {
    if (!textChunks.has(chunk)) {
      const request = fetch(href(textChunkPath(chunk))).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<TextPiece[][]>;
      });
      // A failed fetch is forgotten, so the next search tries again; this one shows no snippet.
      textChunks.set(chunk, request.catch(() => {
        textChunks.delete(chunk);
        return [];
      }));
    }
  }
  const loaded = new Map(await Promise.all(needed.map(async (chunk) => [chunk, await textChunks.get(chunk)] as const)));
  const out = new Map<number, TextPiece[]>();
  for (const hit of hits) {
    // Chunks hold TEXT_CHUNK_SIZE papers each, in id order.
    const pieces = loaded.get(hit.fields.k)?.[hit.id - hit.fields.k * TEXT_CHUNK_SIZE];
    if (pieces) out.set(hit.id, pieces);
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** True when a word of the text is one of the matched index terms. */
function matches(word: string, terms: ReadonlySet<string>): boolean {
  const folded = processTerm(word);
  return folded !== null && terms.has(folded);
}

/** Appends text pieces to an element: prose with matched words in <mark>, math as it is (never highlighted). */
export function appendHighlighted(target: HTMLElement, pieces: readonly TextPiece[], terms: ReadonlySet<string>): void {
  for (const [text, isMath] of pieces) {
    if (isMath) {
      const math = document.createElement('span');
      math.className = 'math';
      math.textContent = text;
      target.append(math);
      continue;
    }
    let last = 0;
    for (const match of text.matchAll(WORD)) {
      const index = match.index ?? 0;
      if (!matches(match[0], terms)) continue;
      target.append(text.slice(last, index));
      const mark = document.createElement('mark');
      mark.textContent = match[0];
      target.append(mark);
      last = index + match[0].length;
    }
    target.append(text.slice(last));
  }
}

/** About `words` words of the abstract around its first matched word, cut outside math. */
export function snippetOf(pieces: readonly TextPiece[], terms: ReadonlySet<string>, words = 36): TextPiece[] {
  const tokens: Array<{ text: string; math: boolean; word: boolean }> = [];
  for (const [text, isMath] of pieces) {
    if (isMath) tokens.push({ text, math: true, word: true });
    else for (const part of text.split(/(\s+)/)) if (part !== '') tokens.push({ text: part, math: false, word: !/^\s+$/.test(part) });
  }
  const wordIndexes = tokens.flatMap((token, index) => (token.word ? [index] : []));
  // Centre on the first match; a formula counts when its words match ("Theta" finds Θ) but is never marked.
  const firstHit = wordIndexes.findIndex((index) => {
    const token = tokens[index];
    if (token === undefined) return false;
    if (token.math) return tokenize(token.text).some((word) => matches(word, terms));
    return [...token.text.matchAll(WORD)].some((match) => matches(match[0], terms));
  });
  // A little context before the match, never so much that the match falls out of the window.
  const startWord = Math.max(0, (firstHit === -1 ? 0 : firstHit) - Math.min(8, Math.floor(words / 3)));
  const endWord = Math.min(wordIndexes.length, startWord + words);
  const from = wordIndexes[startWord] ?? 0;
  const to = (wordIndexes[endWord - 1] ?? tokens.length - 1) + 1;
  const out: TextPiece[] = [];
  if (startWord > 0) out.push(['… ', 0]);
  for (const token of tokens.slice(from, to)) out.push([token.text, token.math ? 1 : 0]);
  if (endWord < wordIndexes.length) out.push([' …', 0]);
  return out;
}


