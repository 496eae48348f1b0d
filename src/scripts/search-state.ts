import type { Hit } from '../lib/search/query.ts';

/** The search page's state, all of it in the URL: query, facets and sort. Pure functions only. */

/** What the URL says to show. */
export interface SearchState {
  q: string;
  categories: string[];
  years: string[];
  code: boolean;
  sort: 'relevance' | 'newest';
}

/** A facet of the results page. */
export type Facet = 'category' | 'year' | 'code';

/** Reads the state from a URL's query string. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: (params.get('q') ?? '').trim(),
    categories: params.getAll('category'),
    years: params.getAll('year'),
    code: params.get('code') === '1',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
  };
}

/** The query string of a state, empty values left out ("" when there is nothing). */
export function stateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  state.categories.forEach((category) => params.append('category', category));
  state.years.forEach((year) => params.append('year', year));
  if (state.code) params.set('code', '1');
  if (state.sort === 'newest') params.set('sort', 'newest');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when a hit passes the selected facets, ignoring one facet (to count that facet's options). */
export function passes(hit: Hit, state: SearchState, except: Facet | null = null): boolean {
  if (except !== 'category' && state.categories.length > 0 && !state.categories.some((category) => hit.fields.c.includes(category))) return false;
  if (except !== 'year' && state.years.length > 0 && !state.years.includes(hit.fields.d.slice(0, 4))) return false;
  if (except !== 'code' && state.code && hit.fields.h !== 1) return false;
  return true;
}

function tally(values: Iterable<string>): Array<[string, number]> {
  const map = new Map<string, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return [...map];
}

/** Option counts of every facet: each counted over the hits that pass the other facets' selections. */
export function facetCounts(hits: readonly Hit[], state: SearchState, maxCategories = 15): Record<Facet, Array<[string, number]>> {
  const categories = tally(hits.filter((hit) => passes(hit, state, 'category')).flatMap((hit) => hit.fields.c))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxCategories);
  for (const selected of state.categories) if (!categories.some(([id]) => id === selected)) categories.push([selected, 0]);
  const years = tally(hits.filter((hit) => passes(hit, state, 'year') && hit.fields.d !== '').map((hit) => hit.fields.d.slice(0, 4)));
  // A selected option always stays on screen, so it can be cleared even when nothing matches it.
  for (const selected of state.years) if (!years.some(([year]) => year === selected)) years.push([selected, 0]);
  years.sort((a, b) => b[0].localeCompare(a[0]));
  const code = hits.filter((hit) => passes(hit, state, 'code') && hit.fields.h === 1).length;
  return { category: categories, year: years, code: code > 0 || state.code ? [['1', code]] : [] };
}

/** The hits to show: filtered by the facets, in the chosen order. */
export function visibleHits(hits: readonly Hit[], state: SearchState): Hit[] {
  const visible = hits.filter((hit) => passes(hit, state));
  // Same-day ties in site order (ids are positions), as on every list: the later arXiv submission first.
  if (state.sort === 'newest') visible.sort((a, b) => b.fields.d.localeCompare(a.fields.d) || a.id - b.id);
  return visible;
}
