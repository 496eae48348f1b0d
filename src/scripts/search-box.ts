import { countOf } from '../lib/count-of.ts';
import { formatDate } from '../lib/dates.ts';
import { href } from '../lib/url.ts';
import { appendHighlighted, emptyQueryHint, loadIndexes, paperUrl, searchIndexes, type Hit } from './search-client.ts';

/**
 * The header search box as an ARIA combobox: typing shows the top results in a listbox, ↑/↓ move,
 * Enter opens the selected paper (or, with none selected, the full results page), Escape closes.
 * `/` and Ctrl/Cmd+K focus it. The index loads on the first focus or keystroke, never at page load.
 */

const MAX_SUGGESTIONS = 8;

/** Wires one search form (input + listbox) for suggestions. */
export function enhanceSearchBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) return;
  const listbox = document.createElement('ul');
  listbox.id = `${input.id}-listbox`;
  listbox.className = 'suggestions';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', 'Search suggestions');
  listbox.hidden = true;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.append(listbox, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  let active = -1;
  let options: Array<{ element: HTMLLIElement; url: string }> = [];
  let generation = 0;
  // Set by Escape and blur: until the visitor types or presses ↓/↑ again, neither a search still in flight nor
  // the abstracts arriving may reopen the list they closed.
  let dismissed = false;

  const setActive = (index: number) => {
    options.forEach((option, position) => option.element.setAttribute('aria-selected', String(position === index)));
    active = index;
    const current = options[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.element.id);
      current.element.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
    status.textContent = '';
  };
  const dismiss = () => {
    dismissed = true;
    generation++;
    close();
  };
  const resume = () => {
    dismissed = false;
    void update();
  };
  const option = (id: string, url: string, fill: (element: HTMLLIElement) => void) => {
    const element = document.createElement('li');
    element.id = id;
    element.setAttribute('role', 'option');
    element.setAttribute('aria-selected', 'false');
    fill(element);
    element.addEventListener('mousedown', (event) => event.preventDefault());
    element.addEventListener('click', () => window.location.assign(url));
    return { element, url };
  };
  // `rawQuery` as typed, trailing space and all: whether the last word is still being typed.
  const render = (query: string, rawQuery: string, hits: Hit[]) => {
    listbox.replaceChildren();
    options = [];
    for (const hit of hits.slice(0, MAX_SUGGESTIONS)) {
      const url = paperUrl(hit.fields);
      if (!url) continue;
      options.push(
        option(`${listbox.id}-${hit.id}`, url, (element) => {
          const title = document.createElement('span');
          title.className = 'suggestion-title';
          appendHighlighted(title, hit.fields.t, new Set(hit.terms));
          const meta = document.createElement('span');
          meta.className = 'suggestion-meta';
          meta.textContent = `${hit.fields.a || 'Authors not given'} · ${formatDate(hit.fields.d)}`;
          element.append(title, meta);
        }),
      );
    }
    const allUrl = `${href('search/')}?q=${encodeURIComponent(query)}`;
    options.push(
      option(`${listbox.id}-all`, allUrl, (element) => {
        element.className = 'suggestion-all';
        element.textContent =
          hits.length === 0
            ? `${emptyQueryHint(query, !/\s$/.test(rawQuery)) ?? `No papers match “${query}”`} — open the search page`
            : hits.length === 1
              ? `See the result for “${query}” on the search page`
              : `See all ${hits.length} results for “${query}”`;
      }),
    );
    listbox.append(...options.map((entry) => entry.element));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
    status.textContent = hits.length === 0 ? 'No results.' : `${countOf(hits.length, 'result')}. Use the up and down arrow keys to choose one.`;
  };
  // Suggestions come from the title index first; when the abstracts arrive, search again unless a choice is under way.
  const refresh = (): void => {
    if (!dismissed && document.activeElement === input && input.value.trim() !== '' && active === -1) void update();
  };
  const update = async () => {
    const query = input.value.trim();
    const run = ++generation;
    if (query === '') {
      close();
      return;
    }
    try {
      const indexes = await loadIndexes(refresh);
      if (run === generation) render(query, input.value, searchIndexes(indexes, query));
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : 'Search is unavailable.';
    }
  };

  input.addEventListener('focus', () => void loadIndexes(refresh).catch(() => undefined), { once: true });
  input.addEventListener('input', () => resume());
  input.addEventListener('keydown', (event) => {
    // Keys that choose a candidate in an input method editor are not ours.
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listbox.hidden) {
        resume();
        return;
      }
      event.preventDefault();
      // Positions cycle through the options and back to the input (-1).
      const next = active + (event.key === 'ArrowDown' ? 1 : -1);
      setActive(next >= options.length ? -1 : next < -1 ? options.length - 1 : next);
    } else if (event.key === 'Enter') {
      const current = options[active];
      if (!listbox.hidden && current) {
        event.preventDefault();
        window.location.assign(current.url);
      }
    } else if (event.key === 'Escape') {
      if (!listbox.hidden) {
        event.preventDefault();
        dismiss();
      } else if (input.value !== '') {
        // The list may not be open yet (the index still loading): what is in flight must not open it.
        input.value = '';
        dismiss();
      }
    }
  });
  input.addEventListener('blur', () => dismiss());
}

/** `/` and Ctrl/Cmd+K focus the header search box, unless the visitor is typing somewhere. */
export function bindSearchShortcuts(input: HTMLInputElement): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const commandK = event.key?.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (slash || commandK) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}
