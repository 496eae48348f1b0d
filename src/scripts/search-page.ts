import { countOf } from '../lib/count-of.ts';
import { formatDate } from '../lib/dates.ts';
import { appendHighlighted, emptyQueryHint, loadFullIndex, loadSnippetTexts, paperUrl, searchIndexes, snippetOf, type Hit } from './search-client.ts';
import { facetCounts, readState, stateQuery, visibleHits, type Facet, type SearchState } from './search-state.ts';

/**
 * The full results page: query, facets (category, year, code) and sort live in the URL, so results are
 * shareable and Back/Forward restore them. Everything is built with DOM APIs and textContent.
 */

const PAGE_SIZE = 20;

/** Wires the results page. */
export function startSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form');
  const input = root.querySelector<HTMLInputElement>('input[name="q"]');
  const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const facets = root.querySelector<HTMLElement>('[data-search-facets]');
  const results = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const filters = root.querySelector<HTMLElement>('[data-search-filters]');
  const filtersToggle = filters?.querySelector('details');
  const filtersSummary = root.querySelector<HTMLElement>('[data-search-filters-summary]');
  if (!form || !input || !sort || !status || !facets || !results || !more || !filters || !filtersToggle || !filtersSummary) return;
  // Beside the results on wide screens, always open; above them on phones, closed until asked for.
  const wide = window.matchMedia('(min-width: 56rem)');
  const openOnWide = () => {
    if (wide.matches) filtersToggle.open = true;
  };
  openOnWide();
  wide.addEventListener('change', openOnWide);
  const categoryNames = new Map<string, string>(Object.entries(JSON.parse(facets.dataset.categories ?? '{}') as Record<string, string>));

  let state = readState(window.location.search);
  // How many results were shown, and where the page was scrolled, are kept in the history entry (not the URL:
  // they are no part of a shared link), so that Back from a paper returns to the result it was opened from.
  const saved = (entry: unknown): { shown: number; scrollY: number } => {
    const { shown: count, scrollY } = (entry ?? {}) as { shown?: unknown; scrollY?: unknown };
    return { shown: typeof count === 'number' && count > PAGE_SIZE ? count : PAGE_SIZE, scrollY: typeof scrollY === 'number' ? scrollY : 0 };
  };
  const remember = () => window.history.replaceState({ shown, scrollY: window.scrollY }, '');
  // The results arrive after the page has loaded: the browser's own restoring would scroll an empty page.
  window.history.scrollRestoration = 'manual';
  let { shown, scrollY: restoreTo } = saved(window.history.state);
  let visible: Hit[] = [];
  let run = 0;

  const navigate = (next: SearchState) => {
    // This entry keeps its results and scroll position, for Back.
    remember();
    state = next;
    shown = PAGE_SIZE;
    restoreTo = 0;
    window.history.pushState({ shown, scrollY: 0 }, '', `${window.location.pathname}${stateQuery(state)}`);
    void render();
  };

  const facetGroup = (legend: string, facet: Facet, entries: Array<[string, number]>, selected: (value: string) => boolean, label: (value: string) => string) => {
    const fieldset = document.createElement('fieldset');
    const title = document.createElement('legend');
    title.textContent = legend;
    fieldset.append(title);
    for (const [value, count] of entries) {
      const option = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = selected(value);
      box.dataset.facet = facet;
      box.value = value;
      box.addEventListener('change', () => {
        const toggle = (list: string[]) => (box.checked ? [...list, value] : list.filter((item) => item !== value));
        if (facet === 'category') navigate({ ...state, categories: toggle(state.categories) });
        else if (facet === 'year') navigate({ ...state, years: toggle(state.years) });
        else navigate({ ...state, code: box.checked });
      });
      const text = document.createElement('span');
      text.textContent = `${label(value)} (${count})`;
      option.append(box, text);
      fieldset.append(option);
    }
    return fieldset;
  };

  const renderFacets = (hits: Hit[]) => {
    const counts = facetCounts(hits, state);
    // Rebuilding the filters must not drop the keyboard focus of the checkbox just toggled.
    const focused = document.activeElement instanceof HTMLInputElement && facets.contains(document.activeElement) ? document.activeElement : null;
    facets.replaceChildren(
      facetGroup('Category', 'category', counts.category, (id) => state.categories.includes(id), (id) => (categoryNames.has(id) ? `${categoryNames.get(id)} (${id})` : id)),
      facetGroup('Year', 'year', counts.year, (year) => state.years.includes(year), (year) => year),
      ...(counts.code.length > 0 ? [facetGroup('Code', 'code', counts.code, () => state.code, () => 'Has code')] : []),
    );
    filters.hidden = hits.length === 0;
    const selected = state.categories.length + state.years.length + (state.code ? 1 : 0);
    filtersSummary.textContent = selected === 0 ? 'Filters' : `Filters (${selected} chosen)`;
    if (focused) {
      const again = [...facets.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((box) => box.dataset.facet === focused.dataset.facet && box.value === focused.value);
      again?.focus();
    }
  };

  const renderResults = async (terms: Set<string>[], hits: Hit[]) => {
    const page = hits.slice(0, shown);
    const items = page.map((hit, position) => {
      const url = paperUrl(hit.fields);
      const matched = terms[position] ?? new Set();
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      heading.className = 'paper-title';
      const link = document.createElement('a');
      if (url) link.href = url;
      appendHighlighted(link, hit.fields.t, matched);
      heading.append(link);
      const authors = document.createElement('p');
      authors.className = 'meta';
      if (hit.fields.a) appendHighlighted(authors, [[hit.fields.a, 0]], matched);
      else authors.textContent = 'Authors not given';
      // Affiliations are searched, so a paper found by one says so.
      if (hit.fields.f) {
        authors.append(' · ');
        appendHighlighted(authors, [[hit.fields.f, 0]], matched);
      }
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = [formatDate(hit.fields.d), hit.fields.c.join(', ')].filter(Boolean).join(' · ');
      if (hit.fields.h === 1) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = 'Code';
        meta.append(' ', badge);
      }
      const snippet = document.createElement('p');
      snippet.className = 'excerpt';
      snippet.dataset.snippetFor = String(hit.id);
      item.append(heading, authors, meta, snippet);
      return item;
    });
    results.replaceChildren(...items);
    more.hidden = hits.length <= shown;
    const abstracts = await loadSnippetTexts(page);
    page.forEach((hit, position) => {
      const pieces = abstracts.get(hit.id);
      const target = items[position]?.querySelector<HTMLElement>('.excerpt');
      if (pieces && target) appendHighlighted(target, snippetOf(pieces, terms[position] ?? new Set()), terms[position] ?? new Set());
    });
  };

  // The built title, e.g. "Search · Papershelf"; each query's history entry gets its own in front of it.
  const baseTitle = document.title;
  const render = async () => {
    const current = ++run;
    input.value = state.q;
    sort.value = state.sort;
    document.title = state.q === '' ? baseTitle : `“${state.q}” · ${baseTitle}`;
    if (state.q === '') {
      status.textContent = 'Type words from a title, an author’s name or an abstract. Prefixes and small typos are fine; math such as “Theta” or “\\Theta” works too.';
      results.replaceChildren();
      facets.replaceChildren();
      filters.hidden = true;
      more.hidden = true;
      return;
    }
    status.textContent = 'Searching…';
    try {
      // Full results need the abstracts: this page loads the full index only.
      const indexes = await loadFullIndex();
      if (current !== run) return;
      const started = performance.now();
      const hits = searchIndexes(indexes, state.q);
      visible = visibleHits(hits, state);
      const took = performance.now() - started;
      renderFacets(hits);
      if (visible.length === 0) {
        const filtered = hits.length > 0;
        status.textContent = filtered
          ? `No papers match “${state.q}” with the chosen filters; ${hits.length} match without them. Clear a filter to see them.`
          : `No papers match “${state.q}”. ${emptyQueryHint(state.q, false) ?? 'Check the spelling, use fewer or shorter words'}, or browse by author, category or date.`;
        results.replaceChildren();
        more.hidden = true;
        return;
      }
      status.textContent = `${countOf(visible.length, 'result')} for “${state.q}” (${took < 1 ? took.toFixed(2) : took.toFixed(1)} ms)`;
      await renderResults(visible.map((hit) => new Set(hit.terms)), visible);
      if (restoreTo > 0 && current === run) window.scrollTo(0, restoreTo);
      restoreTo = 0;
    } catch (error) {
      status.textContent = `Search is unavailable: ${error instanceof Error ? error.message : 'unknown error'}. You can still browse by author, category or date.`;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...state, q: input.value.trim() });
  });
  sort.addEventListener('change', () => navigate({ ...state, sort: sort.value === 'newest' ? 'newest' : 'relevance' }));
  more.addEventListener('click', () => {
    const first = shown;
    shown += PAGE_SIZE;
    remember();
    void renderResults(visible.map((hit) => new Set(hit.terms)), visible).then(() => {
      // Keyboard users continue at the first new result, not at a button that may have gone.
      results.querySelectorAll<HTMLAnchorElement>('.paper-title a')[first]?.focus();
    });
  });
  input.addEventListener('focus', () => void loadFullIndex().catch(() => undefined), { once: true });
  window.addEventListener('popstate', (event) => {
    state = readState(window.location.search);
    ({ shown, scrollY: restoreTo } = saved(event.state));
    void render();
  });
  // Leaving for a paper (or anywhere): the scroll position goes into this entry, for Back.
  window.addEventListener('pagehide', remember);
  root.querySelector('[data-search-app]')?.removeAttribute('hidden');
  void render();
}
