/**
 * Longest <title>. Bookmarks, history and tabs show a paper by its title, so a real one (arXiv's longest run to
 * about 250 characters) is kept whole, as arXiv does; only a runaway one is cut, at a word.
 */
export const MAX_TITLE_LENGTH = 300;

/** The document title: "Page · Site", shortened at a word boundary with "…" to fit MAX_TITLE_LENGTH. */
export function documentTitle(page: string, site: string): string {
  if (page === site) return page.length <= MAX_TITLE_LENGTH ? page : shorten(page, MAX_TITLE_LENGTH);
  const suffix = ` · ${site}`;
  const full = `${page}${suffix}`;
  if (full.length <= MAX_TITLE_LENGTH) return full;
  return `${shorten(page, Math.max(20, MAX_TITLE_LENGTH - suffix.length))}${suffix}`.slice(0, MAX_TITLE_LENGTH);
}

function shorten(text: string, length: number): string {
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
