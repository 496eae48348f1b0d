import type { ResolvedCategory } from './categories.ts';
import { findCodeUrl } from './code-url.ts';
import { resolveYearlessDate, toIsoDate } from './dates.ts';
import type { Issue } from './issues.ts';
import type { DumpEntry } from './parsers/types.ts';
import type { DumpFormat } from './schema.ts';
import { readAuthorList, splitTitleAuthors, type SplitLexicon } from './split/split-title-authors.ts';
import { authorSlug } from './slug.ts';
import { quote } from './text.ts';

/** One dump entry with every field resolved, ready to merge. */
export interface NormalEntry {
  file: string;
  line: number;
  format: DumpFormat;
  /** Position in the corpus (files by path, entries by line): breaks every tie the same way. */
  order: number;
  title: string | null;
  authors: string[];
  authorsTruncated: boolean;
  /** The profile's owner, when the dump is one and the listing does not show them (see PaperSchema). */
  hiddenAuthors: string[];
  affiliations: string[];
  /** Category ids, the listing's own first. */
  categories: string[];
  published: string | null;
  /** False when the year was resolved from a capture date rather than printed. */
  publishedExact: boolean;
  updated: string | null;
  abstract: string | null;
  comments: string[];
  arxivId: string | null;
  version: number | null;
  hasCode: boolean;
  codeUrl: string | null;
  score: number | null;
}

/** How to read the yearless dates of one dump. */
export type YearPolicy =
  | { kind: 'captured'; captured: string }
  | { kind: 'inferred'; year: number }
  | { kind: 'unknown' };

/** What normalising one file needs to know about the rest of the corpus. */
export interface NormaliseContext {
  file: string;
  yearPolicy: YearPolicy;
  lexicon: SplitLexicon;
  resolveCategory: (code: string) => ResolvedCategory;
  /** The author whose profile listing the dump is (sources.json `profileOf`). */
  profileOf?: string;
}

/** The year policy of a dump: its capture date when known, else the year after its newest dated entry. */
export function yearPolicyFor(entries: readonly DumpEntry[], captured: string | undefined): YearPolicy {
  if (captured) return { kind: 'captured', captured };
  const years = entries.flatMap((entry) => (entry.date?.year ? [entry.date.year] : []));
  // Listings print the year only for dates outside the current year, so the capture year follows the newest printed one.
  return years.length > 0 ? { kind: 'inferred', year: Math.max(...years) + 1 } : { kind: 'unknown' };
}

/** Resolves one parsed entry: splits title from authors, maps categories, settles dates, finds the code link. */
export function normaliseEntry(entry: DumpEntry, order: number, context: NormaliseContext, issues: Issue[]): NormalEntry {
  const { file } = context;
  const warn = (message: string, line = entry.line) => issues.push({ severity: 'warning', file, line, message });

  let title: string | null = null;
  let authors: string[] = [];
  let authorsTruncated = false;
  let affiliations: string[] = [];
  // The parser took the line as authors, leniently when the abstract followed it (and said which names were unsure).
  const ownLine = entry.authorsLine === undefined ? null : readAuthorList(entry.authorsLine, true);
  if (entry.titleAuthors !== undefined && ownLine) {
    // The authors have a line of their own: the title line is the whole title.
    title = entry.titleAuthors;
    ({ authors, truncated: authorsTruncated, affiliations } = ownLine);
  } else if (entry.titleAuthors !== undefined) {
    const split = splitTitleAuthors(entry.titleAuthors, context.lexicon, entry.abstract === undefined ? {} : { abstract: entry.abstract });
    title = split.title;
    authors = split.authors;
    authorsTruncated = split.truncated;
    affiliations = split.affiliations;
    const titleLine = entry.lines[1] ?? entry.line;
    if (!split.found) {
      warn(
        `cannot tell where the title ends and the authors begin in ${quote(entry.titleAuthors)}; the whole line is kept as the title. Check that the authors follow the title as "Name Surname, Name Surname[ et al.]"`,
        titleLine,
      );
    } else if (split.uncertain) {
      warn(`the split of ${quote(entry.titleAuthors)} into title ${quote(split.title, 40)} and authors is uncertain; check it`, titleLine);
    }
  }

  // A profile listing's papers are all its owner's: one the card does not name is among those "et al." hides.
  const hiddenAuthors: string[] = [];
  const owner = context.profileOf;
  if (owner !== undefined && !authors.some((name) => authorSlug(name) === authorSlug(owner))) {
    if (authors.length === 0 || authorsTruncated) hiddenAuthors.push(owner);
    else warn(`this dump is ${owner}'s profile (profileOf in sources.json), but this entry's whole author list does not name them; check the entry, or the profileOf entry`, entry.lines[1] ?? entry.line);
  }

  const categories: string[] = [];
  const addCategory = (code: string) => {
    const resolved = context.resolveCategory(code);
    if (!resolved.known) {
      warn(
        resolved.mapped
          ? `subject code ${quote(code)} is mapped by the categories.codes setting (src/config.ts) to ${quote(resolved.id)}, which is not in the arXiv taxonomy; its papers are filed under that id, with no name. Check the mapping`
          : `subject code ${quote(code)} is not in the arXiv taxonomy; it is kept as written. Check the spelling, or map it in the categories.codes setting`,
      );
    }
    if (!categories.includes(resolved.id)) categories.push(resolved.id);
  };
  if (entry.subject !== undefined) addCategory(entry.subject);
  if (entry.idCategory !== undefined) addCategory(entry.idCategory);
  if (categories.length === 0 && entry.idArchive !== undefined) addCategory(entry.idArchive);

  let published: string | null = entry.created ?? null;
  let publishedExact = published !== null;
  if (published === null && entry.date) {
    const { year, month, day } = entry.date;
    if (year !== null) {
      published = toIsoDate(year, month, day);
      publishedExact = true;
    } else if (context.yearPolicy.kind === 'captured') {
      published = resolveYearlessDate(month, day, context.yearPolicy.captured);
    } else if (context.yearPolicy.kind === 'inferred') {
      // The inferred year's last day stands in for a capture date; Feb 29 then falls back to the latest leap year.
      published = resolveYearlessDate(month, day, toIsoDate(context.yearPolicy.year, 12, 31));
    }
  }

  const comments = entry.comments ?? [];
  const codeUrl = findCodeUrl([...comments, entry.abstract]);
  return {
    file,
    line: entry.line,
    format: entry.format,
    order,
    title,
    authors,
    authorsTruncated,
    hiddenAuthors,
    affiliations,
    categories,
    published,
    publishedExact,
    updated: entry.updated ?? null,
    abstract: entry.abstract ?? null,
    comments,
    arxivId: entry.arxivId ?? null,
    version: entry.version ?? null,
    hasCode: entry.hasCode === true || codeUrl !== null,
    codeUrl,
    score: entry.score ?? null,
  };
}
