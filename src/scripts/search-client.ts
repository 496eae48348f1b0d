import { href } from '../lib/url.ts';
import type { Hit, SearchIndexes } from '../lib/search/query.ts';
import {
  FULL_INDEX_OPTIONS,
  FULL_INDEX_PATH,
  processTerm,
  TEXT_CHUNK_SIZE,
  textChunkPath,
  TITLE_INDEX_OPTIONS,
  TITLE_INDEX_PATH,
  tokenize,
  type StoredFields,
  type TextPiece,
} from '../lib/search/search-options.ts';

export { emptyQueryHint, searchIndexes, type Hit, type SearchIndexes } from '../lib/search/query.ts';

/**
 * Browser side of search: loads the prebuilt indexes on demand — the small title index on the first interaction,
 * the full index right after it — and turns hits into safe DOM.
 */

// Result links may only point at the site's own paper pages.
const PAPER_PATH = /^papers\/[A-Za-z0-9][A-Za-z0-9._/-]*\/$/;

/** The URL of a hit's paper page, or null when the stored path is not one of the site's paper paths. */
export function paperUrl(fields: StoredFields): string | null {
  return PAPER_PATH.test(fields.p) && !fields.p.includes('..') ? href(fields.p) : null;
}

async function fetchText(path: string, what: string): Promise<string> {
  const response = await fetch(href(path));
  if (!response.ok) throw new Error(`the ${what} could not be loaded (HTTP ${response.status})`);
  return response.text();
}

// A failed load is forgotten, so the next interaction tries again.
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

// loadJSON, not loadJSONAsync: the async variant yields every thousand terms and took 4× longer at 10k papers.
const loadTitles = once(async () => {
  const [module, json] = await Promise.all([import('minisearch'), fetchText(TITLE_INDEX_PATH, 'search index')]);
  return module.default.loadJSON(json, TITLE_INDEX_OPTIONS);
});

const loadFull = once(async () => {
  const [module, json] = await Promise.all([import('minisearch'), fetchText(FULL_INDEX_PATH, 'full search index')]);
  return module.default.loadJSON(json, FULL_INDEX_OPTIONS);
});

let fullLoaded: SearchIndexes['full'] = null;
const fullListeners = new Set<() => void>();

function fullArrived(full: NonNullable<SearchIndexes['full']>): void {
  if (fullLoaded !== null) return;
  fullLoaded = full;
  for (const listener of fullListeners) listener();
  fullListeners.clear();
}

/**
 * For the header box: loads the title index on first use (never at page load) and the full index behind it.
 * Resolves with what is loaded so far; `onFull` runs once the full index arrives, to search again with it.
 */
export async function loadIndexes(onFull?: () => void): Promise<SearchIndexes> {
  if (fullLoaded !== null) return { titles: null, full: fullLoaded };
  if (onFull) fullListeners.add(onFull);
  const titles = await loadTitles();
  // Only now, so the small index does not share the connection with the large one.
  loadFull().then(fullArrived, () => undefined);
  return { titles, full: fullLoaded };
}

/** For the results page: the full index alone (it holds everything the title index does). */
export async function loadFullIndex(): Promise<SearchIndexes> {
  const full = await loadFull();
  fullArrived(full);
  return { titles: null, full };
}

const textChunks = new Map<number, Promise<TextPiece[][]>>();

/** Abstract pieces of the given papers, fetching only the chunks that hold them. */
export async function loadSnippetTexts(hits: readonly Hit[]): Promise<Map<number, TextPiece[]>> {
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


