import type { Issue } from './issues.ts';
import type { NormalEntry } from './normalise.ts';
import { plainWords } from './plain-text.ts';
import type { DumpFormat, Superseded } from './schema.ts';
import { STOP_WORDS } from './search/search-options.ts';
import { hashShingles, shingles, similarEarlierSets, type SimilarAbstract } from './similarity.ts';
import { authorSlug } from './slug.ts';
import { quote } from './text.ts';

/**
 * Groups the entries that describe the same paper: same arXiv id, then same normalised title, then
 * near-identical abstracts (robust to abstract versions and math encodings). Near-linear: hash maps for
 * ids and titles, a sort-based shingle join for abstracts (see similarity.ts).
 */

/** Abstract containment needed to attach an entry without a title (abstract-only, arXiv id listing). */
export const ABSTRACT_MATCH_THRESHOLD = 0.35;
/** Containment needed to merge two titled papers whose titles differ (a retitled version). */
export const RETITLED_MATCH_THRESHOLD = 0.85;
/** Papers an entry's abstract is weighed against at most: beyond a few, an abstract shared so widely is boilerplate. */
export const MAX_CANDIDATES = 16;
/** Scores this close to an untitled entry's best match count as a tie between the papers they belong to. */
export const AMBIGUOUS_MARGIN = 0.05;

/** A title reduced to its words: case, punctuation, accents and math encoding do not matter. */
export function titleKey(title: string): string {
  return plainWords(title).join(' ');
}

function sameSet(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface GroupInfo {
  arxivIds: Set<string>;
  /** The group's distinct titles by title key, each as its set of significant words (empty: an untitled group). */
  titles: Map<string, ReadonlySet<string>>;
}

/** Share of the shorter title's words found in the other title: how a retitled version still reads like the first. */
export const RELATED_TITLE_THRESHOLD = 0.5;

// A title's words without the English stop words ("On the Hodge Conjecture" and "On the Riemann Hypothesis" share
// no word that counts); all of them for a title made of stop words only.
function significantWords(key: string): ReadonlySet<string> {
  const words = key.split(' ');
  const significant = words.filter((word) => !STOP_WORDS.has(word));
  return new Set(significant.length > 0 ? significant : words);
}

function relatedTitles(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size >= RELATED_TITLE_THRESHOLD;
}

/**
 * Why groupEntries reports an entry: merged despite a different title, kept apart from a paper with its abstract
 * because the titles are unrelated, or left alone between several papers.
 */
export type MergeNote = 'retitled' | 'apart' | 'ambiguous';

const place = (entry: NormalEntry | undefined) => (entry ? `${entry.file}:${entry.line}` : '?');
const quoted = (text: string | null) => quote(text ?? '', 80);
/** Papers an ambiguity warning names at most; the rest are counted. */
const NAMED_PAPERS = 3;

/**
 * Indices of entries grouped by paper; each group sorted by corpus order, groups by their first entry.
 * `report` receives a warning for every merge of two differently titled entries, for every titled entry kept apart
 * from one with a near-identical abstract, and for every untitled entry whose abstract fits several papers equally
 * (it is then attached to none of them).
 */
export function groupEntries(entries: readonly NormalEntry[], report: (issue: Issue, kind: MergeNote) => void = () => undefined): number[][] {
  const parent = entries.map((_, index) => index);
  const keys = entries.map((entry) => (entry.title === null ? '' : titleKey(entry.title)));
  const info: GroupInfo[] = entries.map((entry, index) => {
    const key = keys[index] ?? '';
    return { arxivIds: new Set(entry.arxivId ? [entry.arxivId] : []), titles: new Map(key === '' ? [] : [[key, significantWords(key)]]) };
  });
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    let node = index;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const compatible = (a: number, b: number): boolean => {
    const ids = new Set([...(info[a]?.arxivIds ?? []), ...(info[b]?.arxivIds ?? [])]);
    return ids.size <= 1;
  };
  const titled = (root: number) => (info[root]?.titles.size ?? 0) > 0;
  // Two titled papers are one only if some title of each reads like the other: distinct papers can share an
  // abstract word for word (a series by one author, the standard "withdrawn" notice).
  const titlesAgree = (a: number, b: number): boolean => {
    if (!titled(a) || !titled(b)) return true;
    for (const x of info[a]?.titles.values() ?? []) for (const y of info[b]?.titles.values() ?? []) if (relatedTitles(x, y)) return true;
    return false;
  };
  const warnAt = (position: number, message: string, kind: MergeNote) =>
    report({ severity: 'warning', file: entries[position]?.file ?? '(corpus)', line: entries[position]?.line ?? null, message }, kind);
  const union = (a: number, b: number): boolean => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) return true;
    if (!compatible(rootA, rootB)) return false;
    const [keep, drop] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    parent[drop] = keep;
    const kept = info[keep];
    const dropped = info[drop];
    if (kept && dropped) {
      dropped.arxivIds.forEach((id) => kept.arxivIds.add(id));
      for (const [key, words] of dropped.titles) kept.titles.set(key, words);
    }
    return true;
  };
  // A merge on the abstract alone: refused between titled papers whose titles are unrelated, reported when the
  // titles differ (a retitled version), so a wrong merge is never silent.
  const unionByAbstract = (a: number, b: number): boolean => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) return true;
    if (!titlesAgree(rootA, rootB)) return false;
    const differentTitles = titled(rootA) && titled(rootB);
    if (!union(rootA, rootB)) return false;
    if (differentTitles) {
      const [earlier, later] = a < b ? [a, b] : [b, a];
      warnAt(
        later,
        `the title ${quoted(entries[later]?.title ?? null)} differs from ${quoted(entries[earlier]?.title ?? null)} (${place(entries[earlier])}), but their abstracts are near-identical and the titles alike, so they are merged as one paper (a retitled version); if they are different papers, give them arXiv ids (two different ids are never merged) or titles that share fewer words`,
        'retitled',
      );
    }
    return true;
  };
  // Two groups that can never be one: titled papers the title and abstract passes left apart, or different ids.
  const distinctPapers = (a: number, b: number) => (titled(a) && titled(b)) || !compatible(a, b);
  const describe = (root: number) => {
    const index = entries.findIndex((entry, position) => entry.title !== null && find(position) === root);
    return index === -1 ? `the entry at ${place(entries[root])}` : `${quoted(entries[index]?.title ?? null)} (${place(entries[index])})`;
  };
  // An untitled entry whose abstract fits two different papers equally well belongs to neither for sure. Papers it
  // could never join (another arXiv id) are no candidates.
  const ambiguous = (position: number, candidates: readonly number[]): boolean => {
    const own = find(position);
    const roots = [...new Set(candidates.map(find))].filter((root) => root !== own && compatible(root, own));
    if (!roots.some((root, index) => roots.slice(0, index).some((other) => distinctPapers(root, other)))) return false;
    const named = roots.slice(0, NAMED_PAPERS).map(describe).join(' and ');
    const more = roots.length > NAMED_PAPERS ? ` (and ${roots.length - NAMED_PAPERS} more)` : '';
    warnAt(position, `this abstract fits ${named}${more} equally well, so it is kept as its own paper rather than attached to one by a guess; if it only repeats one of them, delete it`, 'ambiguous');
    return true;
  };

  const byId = new Map<string, number>();
  const byTitle = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (entry.arxivId) {
      const first = byId.get(entry.arxivId);
      if (first === undefined) byId.set(entry.arxivId, index);
      else union(first, index);
    }
  });
  keys.forEach((key, index) => {
    if (key === '') return;
    const first = byTitle.get(key);
    if (first === undefined) byTitle.set(key, index);
    else union(first, index);
  });

  // Entries with identical fingerprints (the same abstract captured again and again) share one set, so the
  // similarity join sees each distinct abstract once and a listing captured many times cannot crowd a shingle
  // past its cap.
  const sets: Uint32Array[] = [];
  const holders: number[][] = [];
  const setOf = new Map<number, number>();
  // Keyed by a hash of the set; the sets under one hash are compared in full, so a collision merges nothing.
  const byFingerprint = new Map<number, number[]>();
  entries.forEach((entry, position) => {
    if (!entry.abstract) return;
    const set = shingles(entry.abstract);
    if (set.length === 0) return;
    // A number, not the set joined into a string: building 10,000 such keys took 0.18 s of the parse.
    const hash = hashShingles(set);
    const sameHash = byFingerprint.get(hash) ?? [];
    let key = sameHash.find((candidate) => sameSet(sets[candidate] as Uint32Array, set));
    if (key === undefined) {
      key = sets.length;
      sets.push(set);
      holders.push([]);
      byFingerprint.set(hash, [...sameHash, key]);
    }
    holders[key]?.push(position);
    setOf.set(position, key);
  });
  // Each set's similar sets, both ways (the join lists only earlier ones), best first; a set is its own best.
  const neighbours: SimilarAbstract[][] = sets.map((_, key) => [{ key, score: 1 }]);
  similarEarlierSets(sets, ABSTRACT_MATCH_THRESHOLD).forEach((found, key) => {
    for (const { key: earlier, score } of found) {
      neighbours[key]?.push({ key: earlier, score });
      neighbours[earlier]?.push({ key, score });
    }
  });
  for (const list of neighbours) list.sort((x, y) => y.score - x.score || x.key - y.key);

  // Titled papers first, so that an untitled entry is then weighed against every paper it might belong to.
  entries.forEach((entry, position) => {
    const key = setOf.get(position);
    if (key === undefined || entry.title === null) return;
    const tried = new Set<number>();
    let apart: number | undefined;
    for (const { key: other, score } of neighbours[key] ?? []) {
      if (score < RETITLED_MATCH_THRESHOLD) break;
      // Holders are in corpus order: only earlier entries, each paper tried once.
      for (const candidate of holders[other] ?? []) {
        if (candidate >= position) break;
        const root = find(candidate);
        if (entries[candidate]?.title === null || tried.has(root)) continue;
        // An abstract that many different papers share is boilerplate (the withdrawn notice): after a few it
        // tells nothing, and trying every one would be quadratic.
        if (tried.size >= MAX_CANDIDATES) break;
        tried.add(root);
        if (!unionByAbstract(candidate, position) && apart === undefined && compatible(root, find(position))) apart = candidate;
      }
    }
    // Kept apart on their titles alone: said once, so that a retitled version is never a silent duplicate.
    if (apart !== undefined && find(apart) !== find(position)) {
      warnAt(
        position,
        `this paper's abstract is near-identical to that of ${quoted(entries[apart]?.title ?? null)} (${place(entries[apart])}), but the titles are unrelated, so they are kept as two papers; if they are one paper that was retitled, give both listings the same title`,
        'apart',
      );
    }
  });
  entries.forEach((_, position) => {
    const key = setOf.get(position);
    if (key === undefined || titled(find(position))) return;
    const best = new Map<number, number>();
    collect: for (const { key: other, score } of neighbours[key] ?? []) {
      for (const candidate of holders[other] ?? []) {
        const root = find(candidate);
        if (root !== find(position) && !best.has(root)) best.set(root, score);
        if (best.size >= MAX_CANDIDATES) break collect;
      }
    }
    const ranked = [...best].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const top = ranked[0]?.[1] ?? 0;
    const tied = ranked.filter(([, score]) => score >= top - AMBIGUOUS_MARGIN).map(([root]) => root);
    if (tied.length > 1 && ambiguous(position, tied)) return;
    for (const [root] of ranked) if (unionByAbstract(root, position)) break;
  });

  const groups = new Map<number, number[]>();
  entries.forEach((_, position) => {
    const root = find(position);
    const group = groups.get(root);
    if (group) group.push(position);
    else groups.set(root, [position]);
  });
  return [...groups.values()].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** Which format's value wins when sources disagree: arXiv id listings, then cards, then abstract-only listings. */
export const FORMAT_PRECEDENCE: Readonly<Record<DumpFormat, number>> = {
  'arxiv-id-listing': 0,
  'card-listing': 1,
  'abstract-listing': 2,
};

// Owners of the profiles the paper is in (one per slug) that its author list does not name; none when that list is
// whole (another dump gave every author, and the owner is not among them: the normaliser warned of that case).
function hiddenOwners(ranked: readonly NormalEntry[], authorSource: NormalEntry | null | undefined): string[] {
  const shown = authorSource?.authors ?? [];
  if (shown.length > 0 && !authorSource?.authorsTruncated) return [];
  const owners = new Map<string, string>();
  for (const name of ranked.flatMap((entry) => entry.hiddenAuthors)) {
    const slug = authorSlug(name);
    if (!owners.has(slug) && !shown.some((author) => authorSlug(author) === slug)) owners.set(slug, name);
  }
  return [...owners.values()];
}

/** A merged paper before ids are assigned. */
export interface MergedPaper {
  arxivId: string | null;
  version: number | null;
  title: string | null;
  authors: string[];
  authorsTruncated: boolean;
  /** Profile owners no shown author list names (see PaperSchema). */
  hiddenAuthors: string[];
  affiliations: string[];
  categories: string[];
  published: string | null;
  publishedYearInferred: boolean;
  updated: string | null;
  abstract: string | null;
  comments: string | null;
  hasCode: boolean;
  codeUrl: string | null;
  score: number | null;
  sources: Array<{ file: string; line: number; format: DumpFormat; superseded?: Superseded }>;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * Merges the entries of one paper. Precedence (see README "Merging"): values from arXiv id listings, then
 * cards, then abstract-only listings, earlier files first; a full author list beats a truncated one and a
 * longer one a shorter; an exact date beats a resolved one; categories, affiliations and comments are united;
 * the highest score and version are kept. Every value a source gave that the record does not show is kept in
 * that source's `superseded`.
 */
export function mergeEntries(group: readonly NormalEntry[]): MergedPaper {
  const ranked = [...group].sort((a, b) => FORMAT_PRECEDENCE[a.format] - FORMAT_PRECEDENCE[b.format] || a.order - b.order);
  const first = <T>(pick: (entry: NormalEntry) => T | null): T | null => {
    for (const entry of ranked) {
      const value = pick(entry);
      if (value !== null) return value;
    }
    return null;
  };

  const authorSource =
    [...ranked]
      .filter((entry) => entry.authors.length > 0)
      .sort((a, b) => Number(a.authorsTruncated) - Number(b.authorsTruncated) || b.authors.length - a.authors.length)[0] ?? null;
  const datedSource =
    ranked.find((entry) => entry.published !== null && entry.publishedExact) ?? ranked.find((entry) => entry.published !== null) ?? null;
  const scores = ranked.flatMap((entry) => (entry.score === null ? [] : [entry.score]));
  const versions = ranked.flatMap((entry) => (entry.version === null ? [] : [entry.version]));
  const updates = ranked.flatMap((entry) => (entry.updated === null ? [] : [entry.updated])).sort();

  const merged: MergedPaper = {
    arxivId: first((entry) => entry.arxivId),
    version: versions.length > 0 ? Math.max(...versions) : null,
    title: first((entry) => entry.title),
    authors: authorSource?.authors ?? [],
    authorsTruncated: authorSource?.authorsTruncated ?? false,
    hiddenAuthors: hiddenOwners(ranked, authorSource),
    affiliations: unique(ranked.flatMap((entry) => entry.affiliations)),
    categories: unique(ranked.flatMap((entry) => entry.categories)),
    published: datedSource?.published ?? null,
    publishedYearInferred: datedSource !== null && !datedSource.publishedExact,
    updated: updates[updates.length - 1] ?? null,
    abstract: first((entry) => entry.abstract),
    comments: unique(ranked.flatMap((entry) => entry.comments)).join('; ') || null,
    hasCode: ranked.some((entry) => entry.hasCode),
    codeUrl: first((entry) => entry.codeUrl),
    score: scores.length > 0 ? Math.max(...scores) : null,
    sources: [],
  };

  merged.sources = [...group]
    .sort((a, b) => a.order - b.order)
    .map((entry) => {
      const superseded: Superseded = {};
      if (entry.title !== null && entry.title !== merged.title) superseded.title = entry.title;
      if (entry.authors.length > 0 && entry.authors.join('\n') !== merged.authors.join('\n')) superseded.authors = entry.authors;
      if (entry.abstract !== null && entry.abstract !== merged.abstract) superseded.abstract = entry.abstract;
      if (entry.published !== null && entry.published !== merged.published) superseded.published = entry.published;
      if (entry.updated !== null && entry.updated !== merged.updated) superseded.updated = entry.updated;
      if (entry.score !== null && entry.score !== merged.score) superseded.score = entry.score;
      if (entry.version !== null && entry.version !== merged.version) superseded.version = entry.version;
      if (entry.codeUrl !== null && entry.codeUrl !== merged.codeUrl) superseded.codeUrl = entry.codeUrl;
      const source = { file: entry.file, line: entry.line, format: entry.format };
      return Object.keys(superseded).length > 0 ? { ...source, superseded } : source;
    });
  return merged;
}
