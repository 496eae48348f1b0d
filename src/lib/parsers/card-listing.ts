import { isListingYear, isValidDate, monthNumber, MONTHS, YEAR_RANGE } from '../dates.ts';
import { SUBJECT_CODES, SUBJECT_CODES_LOWER_CASE } from '../taxonomy.ts';
import type { Issue } from '../issues.ts';
import { AUTHORS_LABEL, readAuthorList, splitTitleAuthors, stripListTail, type AuthorList } from '../split/split-title-authors.ts';
import { looksLikeProse, quote, splitLines, type DumpLine } from '../text.ts';
import { ABSTRACT_PREFIX, isForeignEntryLine } from './signatures.ts';
import type { DumpEntry, ListingDate, ParseResult } from './types.ts';

/** The parts of a card header such as `96.9LGMay 7, 2024Code`. */
export interface CardHeader {
  score?: number;
  subject: string;
  monthName: string;
  date: ListingDate;
  hasCode: boolean;
}

// Parts of a header: relevance score, subject code (`LG`, `quant-ph`, `cs.LG`), month as abbreviated, full or
// dotted (`Jun`, `June`, `Sept.`).
const SCORE = String.raw`(?<score>\d{1,3}(?:\.\d+)?)`;
const SUBJECT = String.raw`(?<subject>[A-Za-z][A-Za-z-]*?[A-Za-z](?:\.[A-Za-z](?:[A-Za-z-]*?[A-Za-z])?)?)`;
const MONTH = String.raw`(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
// `Jun 3`, `Jun 3, 2024` or `Jun 3 2024`: a four-digit year after a comma or a space cannot be taken for anything else.
const HEADER = new RegExp(String.raw`^${SCORE}?\s?${SUBJECT}\s?${MONTH}\s?(?<day>\d{1,2})(?:(?:,\s?|\s)(?<year>\d{4}))?\s?(?<code>Code)?$`);
// A line shaped like a header that HEADER does not read: subject (or score) and month, perhaps with a separator
// between, then a day followed by nothing but digits and punctuation (`LGJun 5, 24`, `LG Jun 4th 2024`,
// `LG | Jun 3`). It must be short too, so that a title line never looks like one.
const SEPARATOR = String.raw`(?<separator>\s?[|·•:/-]\s?)`;
// Any case: a month in lower case (`lgjun 3, 2024`) is read here, to say so.
const HEADER_LIKE = new RegExp(
  String.raw`^(?:${SCORE}\s?)?(?:${SUBJECT}(?:${SEPARATOR}|\s)?)?${MONTH}\s?(?<rest>\d(?:[\d\s,.'/-]|st|nd|rd|th)*?)\s?(?<code>Code)?$`,
  'i',
);
// A subject code then a date in another order: ISO (`LG 2024-05-07`) or the day first (`LG3 Jun 2024`).
const HEADER_LIKE_REORDERED = new RegExp(
  String.raw`^(?:${SCORE}\s?)?${SUBJECT}(?:${SEPARATOR}|\s)?(?:(?<iso>\d{4}-\d{1,2}-\d{1,2})|(?<day>\d{1,2})\s?${MONTH}(?:,?\s?(?<year>\d{4}))?)\s?(?<code>Code)?$`,
  'i',
);
const HEADER_LIKE_MAX = 40;

/** Parses a card header line, or returns null when the line is not one. */
export function parseCardHeader(text: string): CardHeader | null {
  const groups = HEADER.exec(text)?.groups;
  if (!groups?.subject || !groups.month || !groups.day) return null;
  const header: CardHeader = {
    subject: groups.subject,
    monthName: groups.month,
    date: {
      year: groups.year ? Number(groups.year) : null,
      month: monthNumber(groups.month) ?? 0,
      day: Number(groups.day),
    },
    hasCode: groups.code !== undefined,
  };
  if (groups.score) header.score = Number(groups.score);
  return header;
}

/**
 * For a line shaped like a card header that parseCardHeader cannot read (`LGJun 5, 24`): what is wrong with it, and
 * the subject and Code flag it shows. Null for a line that is not shaped like a header (or is a readable one).
 */
export function unreadableCardHeader(text: string): { problem: string; subject?: string; hasCode: boolean } | null {
  if (text.length > HEADER_LIKE_MAX || parseCardHeader(text)) return null;
  // A date in another order counts only after a subject code as the taxonomy writes it: "Updated 2024-05-07" and
  // "Released 3 May 2024" are page text, not headers.
  const reordered = HEADER_LIKE_REORDERED.exec(text)?.groups;
  if (reordered?.subject && SUBJECT_CODES.has(reordered.subject)) return { problem: reorderedProblem(reordered), subject: reordered.subject, hasCode: reordered.code !== undefined };
  const groups = HEADER_LIKE.exec(text)?.groups;
  if (!groups) return null;
  const rest = groups.rest ?? '';
  const month = groups.month ?? '';
  // A month in lower case counts only in a whole date after a known code in any case ("lgjun 3, 2024"): "Codec 2"
  // ("Co" and "dec 2") is a title.
  if (month !== capitalised(month) && !(groups.subject && SUBJECT_CODES_LOWER_CASE.has(groups.subject.toLowerCase()) && /\d{4}/.test(rest))) return null;
  const problem = month !== '' && month !== capitalised(month)
    ? `its month ${quote(month)} is not written as ${quote(capitalised(month))}`
    : !groups.subject
    ? 'it has no subject code before the month'
    : groups.separator !== undefined
      ? `its subject and date are separated by ${quote(groups.separator.trim())}`
      : /^\d{1,2}(?:,\s?|\s)\d{1,3}$/.test(rest)
        ? 'its year has fewer than four digits'
        : /^\d{1,2}(?:st|nd|rd|th)\b/.test(rest)
          ? 'its day has a suffix ("4th")'
          : /^\d{3,}/.test(rest)
            ? 'its day has more than two digits (is a space missing before the year?)'
            : `its date ${quote(`${groups.month ?? ''} ${rest}`)} is not in a form it can read`;
  const result: { problem: string; subject?: string; hasCode: boolean } = { problem, hasCode: groups.code !== undefined };
  if (groups.subject) result.subject = groups.subject;
  return result;
}

function capitalised(word: string): string {
  return `${word.slice(0, 1).toUpperCase()}${word.slice(1).toLowerCase()}`;
}

// What is wrong with a header whose date is in another order, with the date as a header writes it when it is a real day.
function reorderedProblem(groups: Record<string, string | undefined>): string {
  if (groups.iso !== undefined) {
    const [year, month, day] = groups.iso.split('-').map(Number) as [number, number, number];
    const written = isValidDate({ year, month, day }) ? `; write it as ${quote(`${MONTHS[month - 1]} ${day}, ${year}`)}` : '';
    return `its date ${quote(groups.iso)} is written year first${written}`;
  }
  const month = monthNumber(groups.month ?? '');
  const written = month === null ? '' : `; write it as ${quote(`${MONTHS[month - 1]} ${groups.day}${groups.year ? `, ${groups.year}` : ''}`)}`;
  return `its day comes before the month${written}`;
}

// True when a title line already ends in its glued author list: "et al." or organisations after it, or (when the
// line below holds one name only, which page text such as "Google DeepMind" or "View Code" can look like) two names
// or more the splitter is sure of ("…ExamYiyou Sun, Xinyang Han"). One glued name cannot be told from a title's
// hyphenated last words ("A Single-Author Paper"), and a title's own "A, B and C" from names, so neither counts.
function holdsGluedList(titleLine: string, belowIsOneName: boolean): boolean {
  const { truncated, affiliations } = stripListTail(titleLine);
  if (truncated || affiliations.length > 0) return true;
  if (!belowIsOneName) return false;
  const split = splitTitleAuthors(titleLine);
  // A reading whose title ends in "-" or ":" cut a word or a title in two ("…theory, Like-" + "Quantum Semantics").
  return split.found && !split.uncertain && split.authors.length > 1 && !/[-:,;(/&[]$/.test(split.title);
}

/**
 * Parses a card listing: header, title glued to authors (or the title, then the authors on a line of their own),
 * abstract; blank lines, CRLF, BOM and missing abstracts are fine.
 */
export function parseCardListing(text: string, file: string): ParseResult {
  return parseCardLines(splitLines(text), file);
}

/** The same, over lines already split and cleaned (so a dump is cleaned once). */
export function parseCardLines(lines: readonly DumpLine[], file: string): ParseResult {
  const entries: DumpEntry[] = [];
  const issues: Issue[] = [];
  let dropped = 0;
  let card: DumpEntry | null = null;
  // The header line of `card`, as written.
  let headerText = '';

  const close = () => {
    if (card && card.titleAuthors === undefined) {
      dropped++;
      issues.push({
        severity: 'warning',
        file,
        line: card.line,
        message: `card header ${quote(headerText)} has no title line after it, so the card is dropped; paste the card's title and authors line below the header`,
      });
      for (const line of card.lines.slice(1)) {
        issues.push({ severity: 'warning', file, line, message: `this abstract belongs to the card at line ${card.line}, which is dropped because it has no title line` });
      }
    } else if (card) {
      entries.push(card);
    }
    card = null;
  };

  // A prose line may be joined to the abstract only right after it (blank lines aside): once a line that is no part
  // of the card came between, a later prose line is not glued to this card.
  let joinable = false;
  // A bare "Abstract:" line was just read: the next line is the card's abstract.
  let labelled = false;
  const strayLine = (number: number, line: string) => {
    joinable = false;
    issues.push({
      severity: 'warning',
      file,
      line: number,
      message: `stray line ${quote(line)} is not part of a card: if it is page text copied with the listing, delete it; if it belongs to a paper, put the paper's header (such as "LGJun 3, 2024") above its title line`,
    });
  };

  // The next non-blank line after lines[index], if any. Each run of blank lines is scanned by one caller at most.
  const nextText = (index: number): string | undefined => {
    for (let next = index + 1; next < lines.length; next++) {
      const text = lines[next]?.text ?? '';
      if (text !== '') return text;
    }
    return undefined;
  };
  const isCardStart = (text: string) => parseCardHeader(text) !== null || unreadableCardHeader(text) !== null;
  // An author list on a line of its own below a title line that holds no glued list of its own, as arXiv prints
  // it. Taken when it says so (`Authors:`), when the abstract follows, or, with two names or more, when the card
  // ends after it; so that page text such as "Load More" (which reads as a name) after a card without an
  // abstract stays a stray line. Read leniently (names that do not read as names kept, with a warning) when the
  // abstract follows: a list's line must never become the abstract.
  const authorsLineOf = (index: number, line: string, titleLine: string): AuthorList | null => {
    const next = nextText(index);
    const abstractFollows = next !== undefined && (ABSTRACT_PREFIX.test(next) || (looksLikeProse(next) && !isForeignEntryLine(next) && !isCardStart(next)));
    const list = readAuthorList(line, abstractFollows);
    if (list === null || holdsGluedList(titleLine, list.authors.length === 1)) return null;
    const cardEnds = next === undefined || isCardStart(next);
    return AUTHORS_LABEL.test(line) || abstractFollows || (cardEnds && list.authors.length > 1) ? list : null;
  };

  let authorsLine: AuthorList | null = null;
  for (const [index, { number, text: line }] of lines.entries()) {
    if (line === '') continue;
    const header = parseCardHeader(line);
    if (header) {
      close();
      joinable = false;
      labelled = false;
      const entry: DumpEntry = { format: 'card-listing', line: number, lines: [number], subject: header.subject, hasCode: header.hasCode };
      if (header.score !== undefined) entry.score = header.score;
      if (isValidDate(header.date)) {
        entry.date = header.date;
      } else {
        const shown = `${header.monthName} ${header.date.day}${header.date.year === null ? '' : `, ${header.date.year}`}`;
        issues.push({
          severity: 'error',
          file,
          line: number,
          message: header.date.year !== null && !isListingYear(header.date.year) && isValidDate({ ...header.date, year: null })
            ? `header ${quote(line)} has the year ${header.date.year}, outside the years ${YEAR_RANGE.first}–${YEAR_RANGE.last} a listing date can have; check the year`
            : `header ${quote(line)} has an impossible date "${shown}"; expected "Mon D[, YYYY]" with a day that exists in that month`,
        });
      }
      card = entry;
      headerText = line;
      continue;
    }
    const unreadable = unreadableCardHeader(line);
    if (unreadable) {
      // Still a card boundary: the lines below it are its title and abstract, never the previous card's.
      close();
      joinable = false;
      labelled = false;
      issues.push({
        severity: 'error',
        file,
        line: number,
        message: `header ${quote(line)} cannot be read: ${unreadable.problem}; expected "[score]SUBJECTMon D[, YYYY][Code]" such as "96.9LGMay 7, 2024Code" or "LG Jun 3 2024"`,
      });
      card = { format: 'card-listing', line: number, lines: [number], hasCode: unreadable.hasCode };
      if (unreadable.subject !== undefined) card.subject = unreadable.subject;
      headerText = line;
      continue;
    }
    const current: DumpEntry | null = card;
    const prefixed = ABSTRACT_PREFIX.test(line);
    if (current && current.titleAuthors === undefined && current.abstract === undefined && !prefixed && !labelled) {
      current.titleAuthors = line;
      current.lines.push(number);
    } else if (current?.titleAuthors?.endsWith(',') && current.authorsLine === undefined && current.abstract === undefined && !prefixed && readAuthorList(line) !== null) {
      // A glued author list that wrapped onto the next line ("…Jane Doe," then "Alan Turing, Ada Lovelace").
      current.titleAuthors = `${current.titleAuthors} ${line}`;
      current.lines.push(number);
    } else if (current?.titleAuthors !== undefined && current.authorsLine === undefined && current.abstract === undefined && !prefixed && !labelled && (authorsLine = authorsLineOf(index, line, current.titleAuthors))) {
      current.authorsLine = line;
      current.lines.push(number);
      if (authorsLine.unsure.length > 0) {
        issues.push({
          severity: 'warning',
          file,
          line: number,
          message: `the author list below the title has ${authorsLine.unsure.map((name) => quote(name)).join(', ')}, which ${authorsLine.unsure.length === 1 ? 'does' : 'do'} not read as a name; kept as written. Check the names`,
        });
      }
    } else if (current && current.abstract === undefined && (prefixed || labelled || looksLikeProse(line))) {
      const abstract = line.replace(ABSTRACT_PREFIX, '');
      current.lines.push(number);
      // A bare "Abstract:" is a label: the abstract is the next line, never a title line.
      labelled = abstract === '';
      if (abstract !== '') current.abstract = abstract;
      joinable = true;
    } else if (current && current.abstract !== undefined && joinable && looksLikeProse(line) && !isForeignEntryLine(line)) {
      current.abstract = `${current.abstract} ${line}`;
      current.lines.push(number);
      issues.push({
        severity: 'warning',
        file,
        line: number,
        message: `a second abstract line in the card at line ${current.line}; it was joined to the abstract. Put each abstract on one line`,
      });
    } else {
      strayLine(number, line);
    }
  }
  close();
  return { format: 'card-listing', entries, dropped, issues };
}
