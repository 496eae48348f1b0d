import { uniqueBibtexKeys } from './bibtex.ts';
import { comparePapers } from './pipeline.ts';
import type { LinkedFragments } from './render/linked-fragments.ts';
import { plainTitle, renderPaperFragments, type PaperFragments } from './render/paper-fragments.ts';
import type { Paper } from './schema.ts';
import { toSlug } from './slug.ts';
import { archiveGroup } from './taxonomy.ts';
import { MONTH_NAMES } from './dates.ts';
import { filingNameOf } from './names.ts';
import { UNCATEGORISED } from './categories.ts';
import { countOf } from './count-of.ts';
import { topRanked, type TopRanked } from './top-ranked.ts';
import { userError } from './user-error.ts';

/**
 * Everything the pages show, computed once per build from the records: rendered titles and abstracts,
 * authors with co-authors, categories, years and months. Pages only look things up here.
 */

/** A paper with its rendered text (rendered on first use) and its place in the site. */
export interface PaperView {
  paper: Paper;
  /** Site path without base, e.g. `papers/2510.15464/` or `papers/hep-th/9711200/`. */
  path: string;
  titleHtml: string;
  titlePlain: string;
  /** True when no dump gave a title: the arXiv id (or id) stands in for it. */
  untitled: boolean;
  abstractHtml: string | null;
  excerptHtml: string | null;
  commentsHtml: string | null;
  /** The paper's own page needs KaTeX's stylesheet. */
  hasMath: boolean;
  /** A list showing this paper's title and excerpt needs KaTeX's stylesheet. */
  listHasMath: boolean;
  /** The page's meta description. */
  description: string;
  bibtex: string;
  /** The markup that links into the site, when the data-files worker made it (see render/linked-view.ts). */
  linked: LinkedFragments | undefined;
}

/** Someone (or an organisation) with at least one paper. */
export interface AuthorView {
  slug: string;
  name: string;
  path: string;
  /** The letter of the A–Z index (surname initial), or "#". */
  letter: string;
  sortKey: string;
  papers: PaperView[];
  coauthors: Array<{ slug: string; name: string; path: string; count: number }>;
  categories: Array<{ id: string; name: string | null; path: string; count: number }>;
  years: Array<{ year: number; count: number }>;
}

/** A category with its papers, newest first. */
export interface CategoryView {
  id: string;
  name: string | null;
  group: string;
  path: string;
  papers: PaperView[];
  /** The ten authors with most papers in the category, and how many more tie with the tenth. */
  topAuthors: TopRanked<{ slug: string; name: string; path: string; count: number }>;
}

/** One month of one year. */
export interface MonthView {
  year: string;
  month: string;
  label: string;
  path: string;
  papers: PaperView[];
}

/** One year with its months, newest first. */
export interface YearView {
  year: string;
  path: string;
  count: number;
  months: MonthView[];
}

/** All route data of the site. */
export interface SiteData {
  papers: PaperView[];
  authors: AuthorView[];
  categories: CategoryView[];
  years: YearView[];
  undated: PaperView[];
  /** Papers no listing gave a category (an arXiv id listing names none unless its id line does). */
  uncategorised: PaperView[];
  /** The home page's ten largest categories and ten most prolific authors, with the ties at the cut. */
  largestCategories: TopRanked<CategoryView>;
  prolificAuthors: TopRanked<AuthorView>;
  paperById: ReadonlyMap<string, PaperView>;
  authorBySlug: ReadonlyMap<string, AuthorView>;
  categoryById: ReadonlyMap<string, CategoryView>;
}

/** Site paths (without base). Old-style arXiv ids keep their slash: /papers/hep-th/9711200/ mirrors arxiv.org/abs/hep-th/9711200. */
export const paths = {
  paper: (id: string) => `papers/${id}/`,
  author: (slug: string) => `authors/${slug}/`,
  category: (id: string) => `categories/${id}/`,
  year: (year: string) => `dates/${year}/`,
  month: (year: string, month: string) => `dates/${year}/${month}/`,
  undated: () => 'dates/undated/',
  uncategorised: () => 'categories/uncategorised/',
};

// A paper's shown authors, then those a profile listing says "et al." hides: all of them have it on their page.
function everyAuthor(paper: Paper): Paper['authors'] {
  return paper.hiddenAuthors.length === 0 ? paper.authors : [...paper.authors, ...paper.hiddenAuthors];
}

// How many authors and categories the home and category pages rank.
const TOP_LIMIT = 10;

function countBy<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

// Computes a value on first use and keeps it.
function memo<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

// The fields of a view that come from the paper's fragments (but titlePlain: the data files need it alone).
const FRAGMENT_FIELDS = ['titleHtml', 'abstractHtml', 'excerptHtml', 'commentsHtml', 'description', 'bibtex', 'hasMath', 'listHasMath', 'linked'] as const satisfies ReadonlyArray<keyof PaperFragments & keyof PaperView>;

// Fails to compile when PaperView gains a field that neither viewPaper sets nor FRAGMENT_FIELDS lists.
type UnsetFields = Exclude<keyof PaperView, 'paper' | 'path' | 'untitled' | 'titlePlain' | (typeof FRAGMENT_FIELDS)[number]>;
const everyFieldSet: [UnsetFields] extends [never] ? true : never = true;
void everyFieldSet;

function viewPaper(paper: Paper, onMathError: (message: string) => void, rendered: PaperFragments | undefined, bibtexKey: () => string | undefined): PaperView {
  const path = paths.paper(paper.id);
  const untitled = paper.title === null;
  if (rendered) {
    // Rendered by the data-files worker: a plain object, read on every page that shows the paper.
    const { titlePlain, titleHtml, abstractHtml, excerptHtml, commentsHtml, description, bibtex, hasMath, listHasMath, linked } = rendered;
    return { paper, path, untitled, titlePlain, titleHtml, abstractHtml, excerptHtml, commentsHtml, description, bibtex, hasMath, listHasMath, linked };
  }
  // Rendered when a page first asks (the data files need none of it).
  const fragments = memo(() => renderPaperFragments(paper, onMathError, bibtexKey()));
  const titlePlain = memo(() => plainTitle(paper));
  const view = {
    paper,
    path,
    untitled,
    get titlePlain() {
      return titlePlain();
    },
  };
  for (const field of FRAGMENT_FIELDS) Object.defineProperty(view, field, { get: () => fragments()[field], enumerable: true });
  return view as PaperView;
}

/**
 * Builds all route data from the records; `log` hears about formulas that fell back to source. `rendered` holds
 * papers' fragments made beforehand (by the data-files worker), by id. Pure.
 */
export function buildSiteData(
  records: readonly Paper[],
  log: (message: string) => void = () => {},
  rendered?: ReadonlyMap<string, PaperFragments>,
): SiteData {
  // Sorts as `localeCompare(…, 'en')` does, without looking up a collator for each comparison.
  const english = new Intl.Collator('en');
  const sorted = [...records].sort(comparePapers);
  // Citation keys unique across the site (numbered oldest first): made only if a paper's fragments are rendered here.
  const bibtexKeys = memo(() => uniqueBibtexKeys(sorted));
  const papers = sorted.map((paper) => viewPaper(paper, log, rendered?.get(paper.id), () => bibtexKeys().get(paper.id)));
  const paperById = new Map(papers.map((view) => [view.paper.id, view]));

  const byAuthor = new Map<string, { names: string[]; papers: PaperView[] }>();
  for (const view of papers) {
    for (const author of everyAuthor(view.paper)) {
      const entry = byAuthor.get(author.slug) ?? { names: [], papers: [] };
      entry.names.push(author.name);
      if (entry.papers[entry.papers.length - 1] !== view) entry.papers.push(view);
      byAuthor.set(author.slug, entry);
    }
  }
  // The most frequent spelling names the author; ties go to the spelling on the newest paper.
  const nameOf = new Map([...byAuthor].map(([slug, entry]) => {
    const counts = countBy(entry.names);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? slug;
    return [slug, best] as const;
  }));

  // A person files under the surname, an organisation under its whole name; the slug breaks ties.
  const sortKeyOf = new Map([...nameOf].map(([slug, name]) => [slug, `${toSlug(filingNameOf(name)) || slug} ${slug}`] as const));
  const authors: AuthorView[] = [...byAuthor].map(([slug, entry]) => {
    const name = nameOf.get(slug) ?? slug;
    const sortKey = sortKeyOf.get(slug) ?? slug;
    const initial = sortKey[0]?.toUpperCase() ?? '#';
    const coauthorCounts = countBy(entry.papers.flatMap((view) => [...new Set(everyAuthor(view.paper).map((author) => author.slug))].filter((other) => other !== slug)));
    const categoryCounts = countBy(entry.papers.flatMap((view) => view.paper.categories.map((category) => category.id)));
    const yearCounts = countBy(entry.papers.flatMap((view) => (view.paper.published ? [Number(view.paper.published.slice(0, 4))] : [])));
    return {
      slug,
      name,
      path: paths.author(slug),
      letter: /[A-Z]/.test(initial) ? initial : '#',
      sortKey,
      papers: entry.papers,
      coauthors: [...coauthorCounts]
        .map(([other, count]) => ({ slug: other, name: nameOf.get(other) ?? other, path: paths.author(other), count }))
        .sort((a, b) => b.count - a.count || english.compare(sortKeyOf.get(a.slug) ?? a.slug, sortKeyOf.get(b.slug) ?? b.slug)),
      categories: [...categoryCounts]
        .map(([id, count]) => ({ id, name: entry.papers.flatMap((view) => view.paper.categories).find((category) => category.id === id)?.name ?? null, path: paths.category(id), count }))
        .sort((a, b) => b.count - a.count || english.compare(a.id, b.id)),
      years: [...yearCounts].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    };
  });
  authors.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const authorBySlug = new Map(authors.map((author) => [author.slug, author]));

  const byCategory = new Map<string, { name: string | null; papers: PaperView[] }>();
  for (const view of papers) {
    for (const category of view.paper.categories) {
      const entry = byCategory.get(category.id) ?? { name: category.name, papers: [] };
      entry.papers.push(view);
      byCategory.set(category.id, entry);
    }
  }
  // Only the ten shown become views: a large category has thousands of authors.
  const topAuthorsOf = (categoryPapers: readonly PaperView[]): CategoryView['topAuthors'] => {
    const ranked = topRanked(
      [...countBy(categoryPapers.flatMap((view) => [...new Set(everyAuthor(view.paper).map((author) => author.slug))]))]
        // Ties by surname, as in the A–Z index and the home page's most prolific authors.
        .sort(([slugA, countA], [slugB, countB]) => countB - countA || english.compare(authorBySlug.get(slugA)?.sortKey ?? slugA, authorBySlug.get(slugB)?.sortKey ?? slugB)),
      TOP_LIMIT,
      ([, count]) => count,
    );
    return { ...ranked, shown: ranked.shown.map(([slug, count]) => ({ slug, name: nameOf.get(slug) ?? slug, path: paths.author(slug), count })) };
  };
  const categories: CategoryView[] = [...byCategory]
    .map(([id, entry]) => ({
      id,
      name: entry.name,
      group: archiveGroup(id),
      path: paths.category(id),
      papers: entry.papers,
      topAuthors: topAuthorsOf(entry.papers),
    }))
    .sort((a, b) => english.compare(a.id, b.id));
  const categoryById = new Map(categories.map((category) => [category.id, category]));
  const uncategorised = papers.filter((view) => view.paper.categories.length === 0);
  // The pipeline reports this as a data error at the listing's line (src/lib/pipeline.ts); never built past it.
  if (uncategorised.length > 0 && categoryById.has(UNCATEGORISED)) {
    throw userError(`a listing names a category "${UNCATEGORISED}", the address of the page of the ${countOf(uncategorised.length, 'paper')} without a category; npm run check-data names its line`);
  }

  const byMonth = new Map<string, PaperView[]>();
  const undated: PaperView[] = [];
  for (const view of papers) {
    const date = view.paper.published;
    if (date === null) {
      undated.push(view);
      continue;
    }
    const list = byMonth.get(date.slice(0, 7));
    if (list) list.push(view);
    else byMonth.set(date.slice(0, 7), [view]);
  }
  const years = new Map<string, MonthView[]>();
  for (const [key, monthPapers] of [...byMonth].sort((a, b) => (a[0] < b[0] ? 1 : -1))) {
    const [year = '', month = ''] = key.split('-');
    const label = `${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
    const monthView = { year, month, label, path: paths.month(year, month), papers: monthPapers };
    const list = years.get(year);
    if (list) list.push(monthView);
    else years.set(year, [monthView]);
  }

  return {
    papers,
    authors,
    categories,
    years: [...years].map(([year, months]) => ({ year, path: paths.year(year), count: months.reduce((sum, month) => sum + month.papers.length, 0), months })),
    undated,
    uncategorised,
    largestCategories: topRanked(
      [...categories].sort((a, b) => b.papers.length - a.papers.length || english.compare(a.id, b.id)),
      TOP_LIMIT,
      (category) => category.papers.length,
    ),
    prolificAuthors: topRanked(
      // `authors` is already in A–Z order, which a stable sort keeps within each count.
      [...authors].sort((a, b) => b.papers.length - a.papers.length),
      TOP_LIMIT,
      (author) => author.papers.length,
    ),
    paperById,
    authorBySlug,
    categoryById,
  };
}
