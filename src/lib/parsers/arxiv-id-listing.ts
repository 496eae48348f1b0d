import { parseArxivId } from '../arxiv-id.ts';
import { isValidDate, monthNumber, parseIsoDate } from '../dates.ts';
import type { Issue } from '../issues.ts';
import { looksLikeProse, quote, splitLines, type DumpLine } from '../text.ts';
import { ABSTRACT_PREFIX, ARXIV_START, CATEGORY_ID, COMMENTS_LABEL, CREATED_LINE, CREATED_START, SEARCH_PAGE_LABEL } from './signatures.ts';
import type { DumpEntry, ParseResult } from './types.ts';


interface Block {
  text: string;
  line: number;
  lines: number[];
  /** The block began with `Abstract:` (removed from `text`): it is the abstract of its entry. */
  prefixed: boolean;
}

// The abstract is the block marked `Abstract:`, else the first block that reads as prose (page text such as
// "Load more" before it is stray); with neither there is no abstract, only comments.
function abstractIndex(blocks: Block[]): number {
  const marked = blocks.findIndex((block) => block.prefixed && block.text !== '');
  return marked === -1 ? blocks.findIndex((block) => looksLikeProse(block.text)) : marked;
}

/** What an id line says: `arXiv:2510.15464v1 [cs.LG] 17 Oct 2025`, `https://arxiv.org/abs/2510.15464`, … */
export interface IdLine {
  /** The id as written after `arXiv:` or the URL, version included (not validated). */
  id: string;
  /** The category in brackets, or the one a cross-list comes from. */
  category?: string;
  /** Bracketed text that is neither a category nor a list of links (`[..]`); ignored. */
  ignored: string[];
  /** A stamp date (`17 Oct 2025`) that is not a real day. */
  badStamp?: string;
  /** Text after the id that is none of the known parts; the line is an error. */
  unreadable?: string;
}

const ID_LINE = /^(?:arXiv\s?:\s?|(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)(\S*?)(?:\.pdf)?\/?(?=\s|\[|$)\s*(.*)$/i;
const LINK = '(?:pdf|ps|html|other|src|source|tex|dvi|formats?)';
// The links a listing page prints after each id: `[pdf, html, other]`.
const LINK_LIST = new RegExp(`^${LINK}(?:\\s*,\\s*${LINK})*$`, 'i');
// Page decorations after the id: a bracket (category or links), `(cross-list from cs.AI)`, `(replaced)`, and
// the date of a PDF stamp (`arXiv:2510.15464v1 [cs.LG] 17 Oct 2025`).
const DECORATION =
  /(?:\[(?<bracket>[^\]]*)\]|\(cross-list from (?<crossList>[^)]*)\)|\((?<replaced>replaced)\)|(?<day>\d{1,2}) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<year>\d{4}))(?:\s+|$)/iy;

/** Reads a line that starts like an id line (see ARXIV_START); null when it does not start so. */
export function readIdLine(line: string): IdLine | null {
  const match = ARXIV_START.test(line) ? ID_LINE.exec(line) : null;
  if (!match) return null;
  const result: IdLine = { id: match[1] ?? '', ignored: [] };
  const rest = match[2] ?? '';
  let crossList: string | undefined;
  // Sticky: each decoration is read where the last one ended.
  let at = 0;
  while (at < rest.length) {
    DECORATION.lastIndex = at;
    const groups = DECORATION.exec(rest)?.groups;
    if (!groups) {
      result.unreadable = rest.slice(at);
      break;
    }
    at = DECORATION.lastIndex;
    if (groups.bracket !== undefined) {
      const inner = groups.bracket.trim();
      if (LINK_LIST.test(inner)) {
        // Links to the formats of the paper: page text, nothing to keep.
      } else if (CATEGORY_ID.test(inner) && result.category === undefined) {
        result.category = inner;
      } else {
        result.ignored.push(`[${groups.bracket}]`);
      }
    } else if (groups.crossList !== undefined) {
      const inner = groups.crossList.trim();
      if (CATEGORY_ID.test(inner) && crossList === undefined) crossList = inner;
      else result.ignored.push(`(cross-list from ${groups.crossList})`);
    } else if (groups.day !== undefined) {
      const date = { year: Number(groups.year), month: monthNumber(groups.month ?? '') ?? 0, day: Number(groups.day) };
      if (!isValidDate(date)) result.badStamp = `${groups.day} ${groups.month} ${groups.year}`;
    }
  }
  // The page that lists a cross-list names the category it comes from: the paper's primary one.
  if (result.category === undefined && crossList !== undefined) result.category = crossList;
  return result;
}

const ID_FORMS = '"arXiv:2510.15464", "arXiv:2510.15464v2", "arXiv:hep-th/9711200" or "https://arxiv.org/abs/2510.15464"';

/** Parses an arXiv id listing: abstract, optional comments, `arXiv:<id>`, `Created: … [Updated: …]`, blank-line separated. */
export function parseArxivIdListing(text: string, file: string): ParseResult {
  return parseArxivIdLines(splitLines(text), file);
}

/** The same, over lines already split and cleaned (so a dump is cleaned once). */
export function parseArxivIdLines(lines: readonly DumpLine[], file: string): ParseResult {
  const entries: DumpEntry[] = [];
  const issues: Issue[] = [];
  let pending: Block[] = [];
  let block: Block | null = null;
  // The entry whose id line came last, while its `Created:` line may still follow (nothing else came between).
  let awaitingCreated: DumpEntry | null = null;

  const warn = (line: number, message: string) => issues.push({ severity: 'warning', file, line, message });
  const error = (line: number, message: string) => issues.push({ severity: 'error', file, line, message });
  const stray = (line: number, content: string, why: string) => warn(line, `stray line ${quote(content)} ${why}; delete it`);

  // An "Abstract:" with nothing after it in its block is reported, and is no part of the entry.
  const dropEmpty = () => {
    for (const b of pending) if (b.text === '') warn(b.line, '"Abstract:" with no text after it; delete the line, or paste the abstract after it');
    pending = pending.filter((b) => b.text !== '');
  };

  const entryFromPending = (line: number): DumpEntry => {
    const entry: DumpEntry = { format: 'arxiv-id-listing', line, lines: [] };
    dropEmpty();
    if (pending.length > 0) {
      const index = abstractIndex(pending);
      pending.slice(0, Math.max(0, index)).forEach((b) => b.lines.forEach((n) => stray(n, b.text, 'comes before the abstract of an entry')));
      const abstract = index === -1 ? undefined : pending[index];
      const comments = index === -1 ? pending : pending.slice(index + 1);
      if (abstract) {
        entry.line = abstract.line;
        entry.abstract = abstract.text;
        entry.lines.push(...abstract.lines);
      }
      if (comments.length > 0) {
        // Without the `Comments:` label arXiv's pages print; a label with nothing after it leaves no comment.
        const kept: string[] = [];
        for (const block of comments) {
          const text = block.text.replace(COMMENTS_LABEL, '');
          if (text === '') warn(block.line, '"Comments:" with no text after it; delete the line, or paste the comments after it');
          else kept.push(text);
          entry.lines.push(...block.lines);
        }
        if (kept.length > 0) entry.comments = kept;
      }
    }
    pending = [];
    return entry;
  };

  // An entry whose abstract has no id line below it (the next entry began, or the file ended): kept without an id.
  const keepWithoutId = (why: string, strayWhy = 'has no abstract or "arXiv:" line with it') => {
    dropEmpty();
    if (abstractIndex(pending) === -1) {
      // No abstract, so no entry: its lines are reported rather than dropped.
      pending.forEach((b) => b.lines.forEach((n) => stray(n, b.text, strayWhy)));
      pending = [];
      return;
    }
    const entry = entryFromPending(pending[0]?.line ?? 1);
    warn(entry.line, `this entry has no "arXiv:" line below it (${why}); it is kept without an id, add "arXiv:<id>" and "Created: YYYY-MM-DD" below it`);
    entries.push(entry);
  };

  const readId = (number: number, line: string, idLine: IdLine) => {
    const entry = entryFromPending(number);
    entry.lines.push(number);
    const parsed = parseArxivId(idLine.id);
    if (parsed) {
      entry.arxivId = parsed.id;
      if (parsed.version !== null) entry.version = parsed.version;
      if (parsed.archive !== null) entry.idArchive = parsed.archive;
    } else {
      const why = idLine.id === '' ? 'has no id' : /v0+$/i.test(idLine.id) ? `has an invalid arXiv id "${idLine.id}" (versions start at v1)` : `has an invalid arXiv id "${idLine.id}"`;
      error(number, `id line ${quote(line)} ${why}; expected ${ID_FORMS}`);
    }
    if (idLine.unreadable !== undefined) {
      error(
        number,
        `id line ${quote(line)} has ${quote(idLine.unreadable, 40)} after the id, which is not part of an id line; expected "arXiv:<id>" followed only by "[cs.LG]", "(cross-list from cs.AI)", "(replaced)", "[pdf, html, other]" or a stamp date such as "17 Oct 2025"`,
      );
    }
    if (idLine.badStamp !== undefined) error(number, `id line ${quote(line)} has an impossible stamp date "${idLine.badStamp}"; expected a real day such as "17 Oct 2025"`);
    if (idLine.category !== undefined) entry.idCategory = idLine.category;
    for (const ignored of idLine.ignored) warn(number, `${quote(ignored)} is not a category id such as [cs.LG]; it is ignored`);
    if (entry.abstract === undefined) warn(number, `${quote(line)} has no abstract above it; the paper is kept without one`);
    entries.push(entry);
    awaitingCreated = entry;
  };

  const readCreated = (number: number, line: string) => {
    const target = awaitingCreated;
    awaitingCreated = null;
    const created = CREATED_LINE.exec(line);
    if (!created) {
      target?.lines.push(number);
      error(number, `date line ${quote(line)} cannot be read; expected "Created: YYYY-MM-DD" or "Created: YYYY-MM-DD Updated: YYYY-MM-DD" and nothing else, right below the "arXiv:" line`);
      return;
    }
    if (!target) {
      stray(number, line, 'does not follow an "arXiv:" line');
      return;
    }
    target.lines.push(number);
    for (const [key, value] of [['created', created[1]], ['updated', created[2]]] as const) {
      if (value === undefined) continue;
      if (parseIsoDate(value)) {
        target[key] = value;
      } else {
        error(number, `${key === 'created' ? 'Created' : 'Updated'} date "${value}" is not a real date; expected YYYY-MM-DD`);
      }
    }
  };

  // `Authors:` and the like come from an arXiv search-results page, where each id line comes before its title,
  // authors and abstract: read as this format, every abstract would go to the wrong id. An error, once, with the
  // way out; never a comment of an entry.
  let searchPageAt: number | null = null;
  const searchPageLine = (number: number, line: string) => {
    if (searchPageAt === null) {
      searchPageAt = number;
      error(
        number,
        `${quote(line)} is a line of an arXiv search-results page, where each paper's arXiv: line comes before its title, authors and abstract; Papershelf does not read that layout (each abstract would go to the wrong id). Paste the papers as an arXiv id listing (abstract, then "arXiv:<id>" and "Created: YYYY-MM-DD") or as a card listing`,
      );
    } else {
      stray(number, line, `is search-page text like line ${searchPageAt}`);
    }
  };

  for (const { number, text: line } of lines) {
    if (line === '') {
      block = null;
      continue;
    }
    const idLine = readIdLine(line);
    if (idLine) {
      block = null;
      readId(number, line, idLine);
      continue;
    }
    if (CREATED_START.test(line)) {
      block = null;
      readCreated(number, line);
      continue;
    }
    if (SEARCH_PAGE_LABEL.test(line)) {
      block = null;
      searchPageLine(number, line);
      continue;
    }
    awaitingCreated = null;
    const prefixed = ABSTRACT_PREFIX.test(line);
    // Lines without a blank between them are one block; an `Abstract:` line always starts a new one.
    if (block && !prefixed) {
      block.text = block.text === '' ? line : `${block.text} ${line}`;
      block.lines.push(number);
      continue;
    }
    // A second `Abstract:` before any id line: the entry above it lost its id line, and this one starts the next entry.
    // (Only a second one: a prose line above the first, a title say, is not an entry of its own.)
    if (prefixed && pending.some((earlier) => earlier.prefixed && earlier.text !== '')) keepWithoutId(`the next entry's "Abstract:" at line ${number} comes first`);
    block = { text: prefixed ? line.replace(ABSTRACT_PREFIX, '') : line, line: number, lines: [number], prefixed };
    pending.push(block);
  }
  if (pending.length > 0) keepWithoutId('was the dump cut off?', 'follows the last entry');
  return { format: 'arxiv-id-listing', entries, dropped: 0, issues };
}
