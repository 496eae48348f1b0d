/**
 * The 404 page's one enhancement: a link to what the mistyped or outdated address most likely meant. A versioned
 * arXiv id (`papers/2510.15464v2/`, as arXiv's own addresses have it) leads to the paper's page, which has no
 * version in its address; a list's page 1 to the list; anything else to a search for the words of its last segment.
 */

/** Where a missing page's path (after the base) most likely meant to go, as a site path and a label; null for none. */
export function likelyTarget(path: string): { path: string; label: string } | null {
  const versioned = /^papers\/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})v\d+\/?$/.exec(path);
  if (versioned?.[1]) return { path: `papers/${versioned[1]}/`, label: `the page of arXiv:${versioned[1]}` };
  // A list's first page is the list's own address: `categories/cs.LG/`, not `categories/cs.LG/1/`.
  const firstPage = /^(papers|categories\/[^/]+)\/(?:page\/)?1\/?$/.exec(path);
  if (firstPage?.[1]) return { path: `${firstPage[1]}/`, label: 'the first page of this list' };
  const words = (path.split('/').filter(Boolean).at(-1) ?? '').replace(/\.html?$/, '').split(/[-_+.\s]+/).filter((word) => word.length > 1);
  if (words.length === 0) return null;
  const query = words.join(' ');
  return { path: `search/?q=${encodeURIComponent(query)}`, label: `a search for “${query}”` };
}
