import type { NormalEntry } from './normalise.ts';
import { plainWords } from './plain-text.ts';
import type { DumpFormat, Superseded } from './schema.ts';
import { hashShingles, shingles, similarEarlierSets } from './similarity.ts';

/**
 * Groups the entries that describe the same paper: same arXiv id, then same normalised title, then
 * near-identical abstracts (robust to abstract versions and math encodings). Near-linear: hash maps for
 * ids and titles, a sort-based shingle join for abstracts (see similarity.ts).
 */

/** Abstract containment needed to attach an entry without a title (abstract-only, arXiv id listing). */
export const ABSTRACT_MATCH_THRESHOLD = 0.35;
/** Containment needed to merge two titled papers whose titles differ (a retitled version). */
export const RETITLED_MATCH_THRESHOLD = 0.85;

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
  titled: boolean;
}

/** Indices of entries grouped by paper; each group sorted by corpus order, groups by their first entry. */
export function groupEntries(entries: readonly NormalEntry[]): number[][] {
  const parent = entries.map((_, index) => index);
  const info: GroupInfo[] = entries.map((entry) => ({
    arxivIds: new Set(entry.arxivId ? [entry.arxivId] : []),
    titled: entry.title !== null,
  }));
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
      kept.titled ||= dropped.titled;
    }
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
  entries.forEach((entry, index) => {
    if (entry.title === null) return;
    const key = titleKey(entry.title);
    if (key === '') return;
    const first = byTitle.get(key);
    if (first === undefined) byTitle.set(key, index);
    else union(first, index);
  });

  // Identical fingerprints (the same abstract captured again and again) merge at once; the similarity join then
  // sees each distinct abstract once, so a listing captured many times cannot crowd a shingle past its cap.
  const distinct: number[] = [];
  const sets: Uint32Array[] = [];
  // Keyed by a hash of the set; the sets under one hash are compared in full, so a collision merges nothing.
  const firstWithFingerprint = new Map<number, Array<{ position: number; set: Uint32Array }>>();
  entries.forEach((entry, position) => {
    if (!entry.abstract) return;
    const set = shingles(entry.abstract);
    if (set.length === 0) return;
    // A number, not the set joined into a string: building 10,000 such keys took 0.18 s of the parse.
    const hash = hashShingles(set);
    const sameHash = firstWithFingerprint.get(hash);
    const first = sameHash?.find((candidate) => sameSet(candidate.set, set))?.position;
    if (first !== undefined && union(first, position)) return;
    if (first === undefined) {
      if (sameHash) sameHash.push({ position, set });
      else firstWithFingerprint.set(hash, [{ position, set }]);
    }
    distinct.push(position);
    sets.push(set);
  });
  const similar = similarEarlierSets(sets, ABSTRACT_MATCH_THRESHOLD);
  distinct.forEach((position, key) => {
    for (const { key: earlierKey, score } of similar[key] ?? []) {
      const other = distinct[earlierKey];
      if (other === undefined) continue;
      const rootA = find(position);
      const rootB = find(other);
      if (rootA === rootB) break;
      const bothTitled = info[rootA]?.titled === true && info[rootB]?.titled === true;
      if (bothTitled && score < RETITLED_MATCH_THRESHOLD) continue;
      if (union(rootA, rootB)) break;
    }
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

/** A merged paper before ids are assigned. */
export interface MergedPaper {
  arxivId: string | null;
  version: number | null;
  title: string | null;
  authors: string[];
  authorsTruncated: boolean;
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
