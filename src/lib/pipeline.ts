import { compareArxivIds } from './arxiv-order.ts';
import type { z } from 'astro/zod';
import { categoryName, createCategoryResolver, UNCATEGORISED, type CategoryPreference } from './categories.ts';
import { countOf } from './count-of.ts';
import type { Issue } from './issues.ts';
import { groupEntries, mergeEntries, type MergedPaper } from './merge.ts';
import { normaliseEntry, yearPolicyFor, type NormalEntry } from './normalise.ts';
import { parseDump } from './parsers/parse-dump.ts';
import { toPlainText } from './plain-text.ts';
import type { DumpEntry } from './parsers/types.ts';
import { ASTRO_IMAGE_IMPORT_PREFIX, recordFieldName, reservedText } from './reserved-text.ts';
import { PaperSchema, SourceEntrySchema, SourcesFileSchema, type DumpFormat, type Paper, type SourcesFile } from './schema.ts';
import { authorSlug, shortHash, toSlug } from './slug.ts';
import { buildSplitLexicon } from './split/split-title-authors.ts';

/** One dump as read from disk: its text, or why it could not be read. */
export type DumpInput =
  | { file: string; text: string; encodingNote?: string }
  | { file: string; error: string };

/**
 * What happened to one dump. Every entry read is accounted for: `read` = `made` + `merged` + `reported`.
 */
export interface FileReport {
  file: string;
  format: DumpFormat | null;
  /** Entries the parser read, usable or not. */
  read: number;
  /** Entries that started a new paper. */
  made: number;
  /** Entries merged into a paper another entry started. */
  merged: number;
  /** Entries in no paper, each with a reported issue saying why. */
  reported: number;
  issues: Issue[];
}

/** Everything `check-data` prints: per-file results, corpus-wide issues and a summary. */
export interface CorpusReport {
  files: FileReport[];
  /** Issues that belong to no single dump (sources.json, incomplete records). */
  issues: Issue[];
  summary: { files: number; entries: number; papers: number; incomplete: number; reported: number; errors: number; warnings: number };
}

/** Options that shape the corpus. */
export interface CorpusOptions {
  /** Parsed `sources.json` (unvalidated), or null when there is none. */
  sources?: unknown;
  /** Why sources.json could not be read, when it exists but is not JSON. */
  sourcesError?: string;
  /** The text of sources.json, to give its problems a line. */
  sourcesText?: string;
  /** Files named sources.json in subfolders of the data folder, which are not read. */
  misplacedSources?: readonly string[];
  categories?: CategoryPreference;
  /** The data folder as the report names it. */
  dataDir?: string;
}

/** The records and the report built from a set of dumps. */
export interface Corpus {
  papers: Paper[];
  report: CorpusReport;
}

const SOURCES_FILE = 'sources.json';

// The line of sources.json where a key path (`["listings/a.txt", "captured"]`) is written, or null: each key is
// looked for after the one before it, which finds it in any file a person writes.
function lineOfKey(text: string | undefined, path: readonly PropertyKey[]): number | null {
  if (text === undefined || path.length === 0) return null;
  let at = -1;
  for (const key of path) {
    const found = text.indexOf(JSON.stringify(String(key)), at + 1);
    if (found === -1) break;
    at = found;
  }
  return at === -1 ? null : text.slice(0, at).split('\n').length;
}

// One problem of sources.json's shape, said as what to change.
function sourcesProblem(problem: z.core.$ZodIssue): string {
  const [file, key] = problem.path.map(String);
  if (problem.code === 'unrecognized_keys') {
    const known = Object.keys(SourceEntrySchema.shape).map((name) => `"${name}"`);
    return `the entry for "${file}" has ${problem.keys.map((name) => `"${name}"`).join(', ')}, which ${problem.keys.length === 1 ? 'is' : 'are'} not read; an entry has only ${known.slice(0, -1).join(', ')} and ${known.at(-1)}. Check the spelling`;
  }
  if (file === undefined) return `${problem.message}; expected {"listings/file.txt": {"captured": "YYYY-MM-DD"}}`;
  if (key === undefined) return `the entry for "${file}" is not an object; expected "${file}": {"captured": "YYYY-MM-DD"}`;
  return `"${key}" of "${file}" ${problem.message.replace(/^expected /, 'is not valid: expected ')}`;
}

/** sources.json as validated, and whether it could be used (an unusable one gives its capture dates to no dump). */
interface SourcesRead {
  sources: SourcesFile;
  usable: boolean;
}

function readSources(raw: unknown, text: string | undefined, readError: string | undefined, issues: Issue[], files: ReadonlySet<string>): SourcesRead {
  if (readError !== undefined) {
    issues.push({ severity: 'error', file: SOURCES_FILE, line: null, message: `${readError}; fix it or delete the file` });
    return { sources: {}, usable: false };
  }
  if (raw === null || raw === undefined) return { sources: {}, usable: true };
  const parsed = SourcesFileSchema.safeParse(raw);
  if (!parsed.success) {
    // One problem per key: a date that is no date fails both of its checks.
    const seen = new Set<string>();
    for (const problem of parsed.error.issues) {
      const key = JSON.stringify(problem.path);
      if (seen.has(key)) continue;
      seen.add(key);
      const where = problem.code === 'unrecognized_keys' ? [...problem.path, problem.keys[0] ?? ''] : problem.path;
      issues.push({ severity: 'error', file: SOURCES_FILE, line: lineOfKey(text, where), message: `${sourcesProblem(problem)}; no capture date of this file is used until it is fixed` });
    }
    return { sources: {}, usable: false };
  }
  for (const file of Object.keys(parsed.data)) {
    if (!files.has(file)) {
      issues.push({
        severity: 'warning',
        file: SOURCES_FILE,
        line: lineOfKey(text, [file]),
        message: `names "${file}", which is not a dump in the data folder; fix the path (relative to the data folder, with "/", no "./" or "data/" in front) or remove the entry`,
      });
    }
  }
  return { sources: parsed.data, usable: true };
}

function yearWarning(file: string, entries: readonly DumpEntry[], policy: ReturnType<typeof yearPolicyFor>, sources: SourcesRead): Issue | null {
  const yearless = entries.filter((entry) => entry.date && entry.date.year === null).length;
  if (yearless === 0 || policy.kind === 'captured') return null;
  const fix = !sources.usable
    ? `fix ${SOURCES_FILE} (its error is reported), whose capture dates are not used until then`
    : Object.hasOwn(sources.sources, file)
      ? `add "captured": "YYYY-MM-DD" to the entry for "${file}" in ${SOURCES_FILE}`
      : `add "${file}": {"captured": "YYYY-MM-DD"} to ${SOURCES_FILE} in the data folder`;
  return {
    severity: 'warning',
    file,
    line: null,
    message:
      policy.kind === 'inferred'
        ? `has no capture date, so its ${countOf(yearless, 'date')} without a year ${yearless === 1 ? 'was' : 'were'} put in ${policy.year}, the year after its newest dated entry; ${fix}`
        : `has no capture date and no dated entry, so its ${countOf(yearless, 'date')} without a year cannot be resolved and ${yearless === 1 ? 'that paper has' : 'those papers have'} no date; ${fix}`,
  };
}

/** The id a titled paper without an arXiv id gets (before any -2 for a taken one): its title as read, slugged. */
export function titleSlug(title: string): string {
  // The title as read, not its TeX: "Learning with \emph{few} labels" is learning-with-few-labels.
  return toSlug(toPlainText(title));
}

function assignIds(drafts: readonly MergedPaper[]): string[] {
  const taken = new Set<string>();
  return drafts.map((draft) => {
    const base = draft.arxivId ?? ((draft.title !== null ? titleSlug(draft.title) : '') || `abstract-${shortHash(draft.abstract ?? draft.sources[0]?.file ?? '')}`);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

function toRecord(draft: MergedPaper, id: string): Paper {
  return {
    id,
    arxivId: draft.arxivId,
    version: draft.version,
    title: draft.title,
    authors: draft.authors.map((name) => ({ name, slug: authorSlug(name) })),
    hiddenAuthors: draft.hiddenAuthors.map((name) => ({ name, slug: authorSlug(name) })),
    authorsTruncated: draft.authorsTruncated,
    affiliations: draft.affiliations,
    categories: draft.categories.map((category) => ({ id: category, name: categoryName(category) })),
    published: draft.published,
    publishedYearInferred: draft.publishedYearInferred,
    updated: draft.updated,
    abstract: draft.abstract,
    comments: draft.comments,
    hasCode: draft.hasCode,
    codeUrl: draft.codeUrl,
    score: draft.score,
    incomplete: draft.title === null && draft.authors.length === 0 && draft.arxivId === null,
    sources: draft.sources,
  };
}

// A record with text Astro's content layer would rewrite (reserved-text.ts) is an error at the entry that gave
// that text; the paper's other entries are named, as they are reported with it.
function reservedTextIssue(record: Paper, entries: readonly NormalEntry[]): Issue | null {
  const found = reservedText(record);
  if (found.length === 0) return null;
  // Merging joins comments, so the record's text may start with an entry's rather than equal it.
  const gave = (entry: NormalEntry) => reservedText(entry).some(({ text }) => found.some((stored) => stored.text.startsWith(text)));
  const source = entries.find(gave) ?? entries.find((entry) => reservedText(entry).length > 0) ?? record.sources[0];
  const fields = [...new Set(found.map(({ path }) => recordFieldName(path)))];
  const fix = fields.includes('dump file name') ? 'rename the dump (or its folder) and edit any text that starts with it' : 'edit the dump so that no text starts with it';
  const others = entries.filter((entry) => entry !== source).map((entry) => `${entry.file}:${entry.line}`);
  return {
    severity: 'error',
    file: source?.file ?? '(corpus)',
    line: source?.line ?? null,
    message: `the paper's ${fields.join(' and ')} ${fields.length === 1 ? 'starts' : 'start'} with "${ASTRO_IMAGE_IMPORT_PREFIX}", which Astro's content layer takes for an image import and would rewrite; ${fix}${others.length > 0 ? ` (the paper's other entries, ${others.join(', ')}, are left out with it)` : ''}`,
  };
}

/**
 * Newest first, undated last: the order of papers.json and of every list. Within a day, as on arXiv, the later
 * submission (the higher arXiv id) first; papers without an arXiv id after those, by id.
 */
export function comparePapers(a: Paper, b: Paper): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  if (a.arxivId !== null && b.arxivId !== null) return compareArxivIds(b.arxivId, a.arxivId);
  if (a.arxivId !== null || b.arxivId !== null) return a.arxivId !== null ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Parses, normalises and merges dumps into validated paper records, reporting everything it could not use. Pure. */
export function buildCorpus(dumps: readonly DumpInput[], options: CorpusOptions = {}): Corpus {
  const sorted = [...dumps].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const corpusIssues: Issue[] = [];
  const sourcesRead = readSources(options.sources, options.sourcesText, options.sourcesError, corpusIssues, new Set(sorted.map((dump) => dump.file)));
  for (const file of options.misplacedSources ?? []) {
    corpusIssues.push({ severity: 'warning', file, line: null, message: `is not read: only the data folder's own ${SOURCES_FILE} is; move its entries there, with paths relative to the data folder` });
  }
  // A site without papers is almost always a data folder set wrong: an error, for the build as for check-data.
  if (sorted.length === 0) {
    corpusIssues.push({
      severity: 'error',
      file: options.dataDir ?? 'the data folder',
      line: null,
      message: 'holds no dumps (*.txt files, at any depth); add listing dumps to it, or set PAPERS_DATA_DIR (or dataDir in src/config.ts) to the folder that holds them',
    });
  }
  const resolveCategory = createCategoryResolver(options.categories);

  const parsed = sorted.map((dump) => {
    if ('error' in dump) {
      return { file: dump.file, format: null, entries: [] as DumpEntry[], dropped: 0, issues: [{ severity: 'error', file: dump.file, line: null, message: dump.error } satisfies Issue] };
    }
    const result = parseDump(dump.text, dump.file);
    const issues = [...result.issues];
    if (dump.encodingNote) issues.unshift({ severity: 'warning', file: dump.file, line: null, message: dump.encodingNote });
    return { file: dump.file, format: result.format, entries: result.entries, dropped: result.dropped, issues };
  });

  // Glued lines only: a title whose authors have a line of their own would teach its own words as names.
  const lexicon = buildSplitLexicon(parsed.flatMap((file) => file.entries.flatMap((entry) => (entry.titleAuthors && entry.authorsLine === undefined ? [entry.titleAuthors] : []))));
  const normal: NormalEntry[] = [];
  for (const file of parsed) {
    const policy = yearPolicyFor(file.entries, sourcesRead.sources[file.file]?.captured);
    const warning = yearWarning(file.file, file.entries, policy, sourcesRead);
    if (warning) file.issues.unshift(warning);
    const profileOf = sourcesRead.sources[file.file]?.profileOf;
    const context = { file: file.file, yearPolicy: policy, lexicon, resolveCategory, ...(profileOf ? { profileOf } : {}) };
    for (const entry of file.entries) normal.push(normaliseEntry(entry, normal.length, context, file.issues));
  }

  const issuesOf = new Map(parsed.map((file) => [file.file, file.issues]));
  const ambiguous = new Set<string>();
  const groups = groupEntries(normal, (issue, kind) => {
    issuesOf.get(issue.file)?.push(issue);
    if (kind === 'ambiguous') ambiguous.add(`${issue.file}:${issue.line}`);
  });
  const drafts = groups.map((group) => mergeEntries(group.map((index) => normal[index] as NormalEntry)));
  const ids = assignIds(drafts);
  const made = new Map<string, number>();
  const merged = new Map<string, number>();
  const rejected = new Map<string, number>();
  const count = (counter: Map<string, number>, file: string) => counter.set(file, (counter.get(file) ?? 0) + 1);
  const papers: Paper[] = [];
  groups.forEach((group, index) => {
    const draft = drafts[index] as MergedPaper;
    const record = toRecord(draft, ids[index] ?? '');
    const check = PaperSchema.safeParse(record);
    const reserved = check.success ? reservedTextIssue(record, group.map((entryIndex) => normal[entryIndex] as NormalEntry)) : null;
    group.forEach((entryIndex, position) => {
      const file = normal[entryIndex]?.file ?? '';
      count(!check.success || reserved ? rejected : position === 0 ? made : merged, file);
    });
    if (reserved) {
      corpusIssues.push(reserved);
      return;
    }
    if (!check.success) {
      const source = record.sources[0];
      corpusIssues.push({
        severity: 'error',
        file: source?.file ?? '(corpus)',
        line: source?.line ?? null,
        message: `paper ${record.id} does not fit the record schema (${check.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}); this is a Papershelf bug, please report it with this entry`,
      });
      return;
    }
    if (record.incomplete && !ambiguous.has(`${record.sources[0]?.file}:${record.sources[0]?.line}`)) {
      const source = record.sources[0];
      corpusIssues.push({
        severity: 'warning',
        file: source?.file ?? '(corpus)',
        line: source?.line ?? null,
        message: `this abstract matches no paper in the other dumps, so it is kept as an incomplete record "${record.id}" (no title, no authors); add the paper's card or arXiv id entry to a dump`,
      });
    }
    papers.push(check.data);
  });
  papers.sort(comparePapers);
  // The papers without a category have their page at categories/uncategorised/: a listed category cannot be called so.
  const named = papers.find((paper) => paper.categories.some((category) => category.id === UNCATEGORISED));
  if (named && papers.some((paper) => paper.categories.length === 0)) {
    const source = named.sources[0];
    corpusIssues.push({
      severity: 'error',
      file: source?.file ?? '(corpus)',
      line: source?.line ?? null,
      message: `names the category "${UNCATEGORISED}", whose address is the page of the papers without a category; rename that subject code, or map it to another with the categories.codes setting`,
    });
  }

  const files: FileReport[] = parsed.map((file) => ({
    file: file.file,
    format: file.format,
    read: file.entries.length + file.dropped,
    made: made.get(file.file) ?? 0,
    merged: merged.get(file.file) ?? 0,
    reported: file.dropped + (rejected.get(file.file) ?? 0),
    // In line order, whole-file issues first: parsing, normalising and merging each add theirs as they go.
    issues: file.issues.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  }));
  const allIssues = [...corpusIssues, ...files.flatMap((file) => file.issues)];
  return {
    papers,
    report: {
      files,
      issues: corpusIssues,
      summary: {
        files: files.length,
        entries: files.reduce((sum, file) => sum + file.read, 0),
        papers: papers.length,
        incomplete: papers.filter((paper) => paper.incomplete).length,
        reported: files.reduce((sum, file) => sum + file.reported, 0),
        errors: allIssues.filter((issue) => issue.severity === 'error').length,
        warnings: allIssues.filter((issue) => issue.severity === 'warning').length,
      },
    },
  };
}
