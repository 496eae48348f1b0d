/** One page of each type of the seed site, for accessibility checks and screenshots. */
export const PAGE_TYPES: ReadonlyArray<{ name: string; path: string }> = [
  { name: 'home', path: '' },
  { name: 'all-papers', path: 'papers/' },
  { name: 'paper-with-math', path: 'papers/overt-a-benchmark-for-over-refusal-evaluation-on-text-to-image-models/' },
  { name: 'paper-untitled', path: 'papers/2503.01253/' },
  { name: 'authors', path: 'authors/' },
  { name: 'author', path: 'authors/baihe-huang/' },
  { name: 'categories', path: 'categories/' },
  { name: 'category', path: 'categories/cs.LG/' },
  { name: 'uncategorised', path: 'categories/uncategorised/' },
  { name: 'dates', path: 'dates/' },
  { name: 'year', path: 'dates/2025/' },
  { name: 'month', path: 'dates/2024/03/' },
  { name: 'search-empty', path: 'search/' },
  { name: 'search-results', path: 'search/?q=diffusion' },
  { name: 'not-found', path: 'no/such/page/' },
];
