import { absoluteUrl } from '../absolute-url.ts';
import type { PaperView } from '../site-data.ts';
import { href } from '../url.ts';
import { renderLinkedFragments, type LinkedFragments } from './linked-fragments.ts';
import { listItemHtml } from './paper-html.ts';

/**
 * The pages' access to a paper's linked markup. In `astro build` the data-files worker has made it, with the
 * links of the same base and site URL, on the core the page rendering does not use; otherwise (`astro dev`)
 * it is made here, once per paper.
 */

const PAGE_LINKS = { href, absolute: absoluteUrl };
const madeHere = new WeakMap<PaperView, LinkedFragments>();

/** A paper's linked markup: the worker's, or made here on first use. */
export function linkedFragmentsOf(view: PaperView): LinkedFragments {
  if (view.linked) return view.linked;
  let linked = madeHere.get(view);
  if (!linked) madeHere.set(view, (linked = renderLinkedFragments(view.paper, view, PAGE_LINKS)));
  return linked;
}

// Views live for the whole build, so each item is joined once per heading level and shared by every list.
const itemCache = new WeakMap<PaperView, Partial<Record<2 | 3, string>>>();

/** One paper-list item (`<li>…</li>`): title linked to the paper, authors, date, categories, code badge, excerpt. */
export function paperListItemHtml(view: PaperView, headingLevel: 2 | 3): string {
  let cached = itemCache.get(view);
  if (!cached) itemCache.set(view, (cached = {}));
  return (cached[headingLevel] ??= listItemHtml(linkedFragmentsOf(view).listItem, headingLevel));
}
