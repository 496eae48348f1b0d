import { authorCost, ELIDED_LOWER_CASE_PARTICLE, organisationCost, PARTICLES, personNameCost, SUFFIX } from './name-shape.ts';

/**
 * Splits a card's "title glued to authors" line: `Agents' Last ExamYiyou Sun, Xinyang Han, Weichen Zhang et al.`.
 *
 * The title runs straight into the first author with no separator, so the split point lies inside a
 * "glued" word (`ExamYiyou`): a position whose previous character is not a space. Every such position in
 * every comma part is a candidate; each candidate is scored by how well the rest reads as a list of
 * names (see name-shape.ts), how well the title ends, and what the rest of the corpus knows (names seen
 * un-glued in other listings, title words seen elsewhere). The cheapest candidate wins.
 */

/** What the rest of the corpus tells the splitter. */
export interface SplitLexicon {
  /** Author names seen where no title was glued to them (2nd and 3rd names of other cards). */
  names: ReadonlySet<string>;
  /** First tokens of those names. */
  firstNames: ReadonlySet<string>;
  /** Lower-cased title words seen un-glued anywhere in the corpus. */
  words: ReadonlySet<string>;
}

/** A lexicon that knows nothing: the split then relies on name shapes alone. */
export const EMPTY_LEXICON: SplitLexicon = { names: new Set(), firstNames: new Set(), words: new Set() };

/** The result of splitting one title/authors line. */
export interface TitleAuthorsSplit {
  title: string;
  authors: string[];
  /** The list ended with "et al.". */
  truncated: boolean;
  /** Organisations after " · " at the end of the line. */
  affiliations: string[];
  /** False when no reading was plausible: the whole line is then the title and authors is empty. */
  found: boolean;
  /** True when a different reading scored almost as well. */
  uncertain: boolean;
}

/** Longest text read as one author's name. */
export const MAX_NAME_LENGTH = 120;
/** Longest end of a line examined for the author list (twelve names at most). */
const MAX_TAIL = 12 * (MAX_NAME_LENGTH + 2);

const ET_AL = /,?\s+(?:et al\.?|and others)$/i;
const AFFILIATION_SEPARATOR = ' · ';

/** Removes the " · org" affiliations and the trailing "et al." from a title/authors line. */
export function stripListTail(line: string): { body: string; truncated: boolean; affiliations: string[] } {
  const dot = line.indexOf(AFFILIATION_SEPARATOR);
  const head = dot === -1 ? line : line.slice(0, dot);
  const affiliations =
    dot === -1
      ? []
      : line
          .slice(dot + AFFILIATION_SEPARATOR.length)
          .split(/\s*·\s*/)
          .map((part) => part.trim())
          .filter((part) => part !== '');
  const truncated = ET_AL.test(head);
  return { body: head.replace(ET_AL, '').trim(), truncated, affiliations };
}

const UPPER = /\p{Lu}/u;
const UNCASED_LETTER = /\p{Lo}/u;

/** Positions inside a comma part (from `from` on) where a title could end and a name begin with nothing in between. */
export function gluePositions(part: string, from = 0): number[] {
  const positions: number[] = [];
  // Start on a whole character: never between the two halves of a surrogate pair.
  let start = Math.max(0, from);
  while (start > 0 && /[\uDC00-\uDFFF]/.test(part[start] ?? '')) start--;
  const chars = Array.from(part.slice(start));
  let offset = start + (chars[0]?.length ?? 0);
  for (let i = 1; i < chars.length; i++) {
    const previous = chars[i - 1] ?? ' ';
    const current = chars[i] ?? ' ';
    if (previous !== ' ' && (UPPER.test(current) || (UNCASED_LETTER.test(current) && !UNCASED_LETTER.test(previous)))) {
      positions.push(offset);
    }
    offset += current.length;
  }
  return positions;
}

function nameCost(name: string, lexicon: SplitLexicon): number {
  const cost = authorCost(name);
  if (!Number.isFinite(cost)) return cost;
  if (lexicon.names.has(name)) return cost - 4;
  const first = name.split(' ')[0] ?? '';
  return lexicon.firstNames.has(first) ? cost - 0.5 : cost;
}

// The cheaper of reading the last name as one name or as "A and B".
function namesCost(names: string[], lexicon: SplitLexicon): { names: string[]; cost: number } {
  const plain = names.reduce((sum, name) => sum + nameCost(name, lexicon), 0);
  const last = names[names.length - 1] ?? '';
  const and = last.indexOf(' and ');
  if (and === -1) return { names, cost: plain };
  const split = [...names.slice(0, -1), last.slice(0, and), last.slice(and + 5)];
  const splitCost = split.reduce((sum, name) => sum + nameCost(name, lexicon), 0);
  return splitCost < plain ? { names: split, cost: splitCost } : { names, cost: plain };
}

function titleCost(title: string, lexicon: SplitLexicon, abstract: () => string): number {
  if (!/[\p{L}\p{N}]/u.test(title)) return Infinity;
  const last = title[title.length - 1] ?? '';
  let cost = 0;
  if (/[-:,;(/&[]/.test(last)) cost += 5;
  else if (last === '.' || last === "'" || last === '’') cost += 1;
  // The title's last word (its last 64 characters at most: enough to judge it, and bounded on hostile lines).
  const tailToken = title.slice(Math.max(title.lastIndexOf(' ') + 1, title.length - 64));
  // A title rarely ends in a half-word like "ReportDeep" (from splitting "ReportDeepSeek-AI" one capital too late).
  if (/\p{Ll}\p{Lu}\p{Ll}*$/u.test(tailToken)) cost += 0.3;
  // …nor in a lone word after a comma, which is what a camel-case first name split in two leaves ("…, Young").
  const lastComma = title.lastIndexOf(', ');
  if (lastComma !== -1 && !title.slice(lastComma + 2).includes(' ')) cost += 1;
  const tail = tailToken.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
  if (tail.length > 1 && (lexicon.words.has(tail) || (tail.length > 2 && abstract().includes(tail)))) cost -= 1;
  return cost;
}

interface Candidate {
  title: string;
  authors: string[];
  cost: number;
}

/** Splits a title/authors line using name shapes and what the lexicon knows; never throws. */
export function splitTitleAuthors(
  line: string,
  lexicon: SplitLexicon = EMPTY_LEXICON,
  context: { abstract?: string } = {},
): TitleAuthorsSplit {
  const { body: fullBody, truncated, affiliations } = stripListTail(line);
  // Authors sit in the last few comma parts; on an absurdly long line only its tail is examined, so work stays linear.
  const tailStart = fullBody.length > MAX_TAIL ? fullBody.indexOf(', ', fullBody.length - MAX_TAIL) : -1;
  const prefix = tailStart === -1 ? '' : fullBody.slice(0, tailStart + 2);
  const body = tailStart === -1 ? fullBody : fullBody.slice(tailStart + 2);
  // Lower-cased only if a title's last word is not in the lexicon: most are.
  let lowered: string | undefined;
  const abstract = () => (lowered ??= (context.abstract ?? '').toLowerCase());
  const parts = mergeSuffixes(body.split(', '));
  const n = parts.length;
  let best: Candidate | null = null;
  let runnerUp: Candidate | null = null;

  for (let k = 1; k <= Math.min(n, 12); k++) {
    const others = parts.slice(n - k + 1);
    if (others.some((name) => name.length > MAX_NAME_LENGTH || !Number.isFinite(nameCost(name, lexicon)))) break;
    const glued = parts[n - k] ?? '';
    const countCost = truncated ? Math.max(0, 3 - k) * 1.5 + Math.max(0, k - 3) * 2 : Math.max(0, k - 3) * 0.3;
    // No author name is longer than MAX_NAME_LENGTH, so only the end of the glued part can hold the split.
    for (const position of gluePositions(glued, glued.length - MAX_NAME_LENGTH)) {
      const head = glued.slice(position);
      const title = prefix + [...parts.slice(0, n - k), glued.slice(0, position)].join(', ');
      const names = namesCost([head, ...others], lexicon);
      const cost = names.cost + titleCost(title, lexicon, abstract) + countCost;
      if (!Number.isFinite(cost)) continue;
      const candidate = { title, authors: names.names, cost };
      if (!best || cost < best.cost) {
        if (best && best.title !== title) runnerUp = best;
        best = candidate;
      } else if (title !== best.title && (!runnerUp || cost < runnerUp.cost)) {
        runnerUp = candidate;
      }
    }
  }
  if (!best) return { title: fullBody, authors: [], truncated, affiliations, found: false, uncertain: false };
  const uncertain = runnerUp !== null && runnerUp.cost - best.cost < 0.5;
  return { title: best.title, authors: best.authors, truncated, affiliations, found: true, uncertain };
}

/** The `Authors:` label a page may print before an author list. */
export const AUTHORS_LABEL = /^Authors?\s?:\s*/i;
// Lower-case words an author list has: particles ("van der"), "and", "et al.", "and others"; elided particles.
const NAME_LOWER_CASE_WORDS: ReadonlySet<string> = new Set([...PARTICLES, 'and', 'et', 'al.', 'al', 'others']);
const LOWER_CASE_WORD = /(?<=^|\s)\p{Ll}\S*/gu;
// How much of a line the lower-case check reads: the first names, or an abstract's first words.
const LEADING_TEXT = 400;
/** Most names read from a line of its own: arXiv prints every author, and large collaborations sign by the hundred. */
const MAX_LISTED_AUTHORS = 500;
// What a page prints after a name: footnote marks ("Jane Doe1,*") and an affiliation in brackets ("Jane Doe (MIT)").
const FOOTNOTE_MARKS = /[\d*†‡§¶]+$/u;
const FOOTNOTE_ONLY = /^[\d*†‡§¶\s]+$/u;
const BRACKETED_AFFILIATION = /\s*\(([^()]+)\)$/;

/** An author list on a line of its own, as read by readAuthorList. */
export interface AuthorList {
  authors: string[];
  truncated: boolean;
  affiliations: string[];
  /** Names that do not read as names, kept as written (only when read leniently). */
  unsure: string[];
}

/**
 * Reads a line that is nothing but an author list, as arXiv prints it below a title: `Jan Hendrik Metzen, Nicole
 * Finnie[, and Robin Hutmacher][ et al.][ · org]`, perhaps after an `Authors:` label, footnote marks and
 * bracketed affiliations taken off the names. Null when any name does not read as a person or an organisation, or
 * when the line is one lone word (a one-word abstract such as "Withdrawn"). `lenient` keeps names that do not read
 * as names (`María de las Mercedes`) when the line has the shape of a list: several comma parts of a few
 * capitalised words each, which no sentence has; they are listed in `unsure`.
 */
export function readAuthorList(line: string, lenient = false): AuthorList | null {
  const unlabelled = line.replace(AUTHORS_LABEL, '');
  // Most lines tried are abstracts, whose first lower-case word ("We study …") no name has: rejected cheaply.
  const orgs = unlabelled.indexOf(AFFILIATION_SEPARATOR);
  const names = orgs === -1 ? unlabelled : unlabelled.slice(0, orgs);
  if (!lenient) {
    for (const [word] of names.slice(0, LEADING_TEXT).matchAll(LOWER_CASE_WORD)) {
      if (!NAME_LOWER_CASE_WORDS.has(word) && !ELIDED_LOWER_CASE_PARTICLE.test(word)) return null;
    }
  }
  const { body, truncated, affiliations } = stripListTail(unlabelled);
  if (body === '' || body.length > MAX_LISTED_AUTHORS * (MAX_NAME_LENGTH + 2)) return null;
  // Footnote marks set off by commas ("Jane Doe1,*, Alan Turing2") are parts of their own: no names.
  const parts = mergeSuffixes(body.split(/,\s*/)).filter((part) => !FOOTNOTE_ONLY.test(part));
  if (parts.length > MAX_LISTED_AUTHORS) return null;
  const last = parts.length - 1;
  // "A, B, and C" and "A and B" (and "A and B and C").
  if (last > 0) parts[last] = (parts[last] ?? '').replace(/^and\s+/, '');
  parts.splice(last, 1, ...(parts[last] ?? '').split(' and '));
  const authors: string[] = [];
  const unsure: string[] = [];
  const bracketed: string[] = [];
  let cost = 0;
  for (const raw of parts) {
    const inBrackets = BRACKETED_AFFILIATION.exec(raw);
    if (inBrackets?.[1]) bracketed.push(inBrackets[1].trim());
    const part = raw.replace(BRACKETED_AFFILIATION, '').replace(FOOTNOTE_MARKS, '').trim();
    if (part === '') return null;
    // Not authorCost: its cache is for names, and most lines tried here are abstracts.
    const partCost = part.length > MAX_NAME_LENGTH ? Infinity : Math.min(personNameCost(part), organisationCost(part));
    if (!Number.isFinite(partCost)) {
      // A list's shape: a few words, the first capitalised (or uncased), no sentence inside.
      if (!lenient || parts.length < 2 || part.split(' ').length > 6 || !/^[\p{Lu}\p{Lo}]/u.test(part) || /[.!?;:]\s/.test(part)) return null;
      unsure.push(part);
    } else {
      cost += partCost;
    }
    authors.push(part);
  }
  if (authors.length === 1 && cost >= 3) return null;
  // More names that do not read as names than names that do: a sentence of capitalised words, not a list.
  if (unsure.length * 2 > authors.length) return null;
  return { authors, truncated, affiliations: [...new Set([...bracketed, ...affiliations])], unsure };
}

// "John Smith, Jr." splits into a name and a suffix part; put them back together.
function mergeSuffixes(parts: string[]): string[] {
  const merged: string[] = [];
  for (const part of parts) {
    if (SUFFIX.test(part) && merged.length > 0) merged[merged.length - 1] += `, ${part}`;
    else merged.push(part);
  }
  return merged;
}

/** Learns author names and title words from every title/authors line of the corpus. */
export function buildSplitLexicon(lines: Iterable<string>): SplitLexicon {
  const names = new Set<string>();
  const firstNames = new Set<string>();
  const words = new Set<string>();
  for (const line of lines) {
    // A line longer than any real title and author list teaches nothing.
    if (line.length > MAX_TAIL * 2) continue;
    const parts = stripListTail(line).body.split(', ');
    // The first part always holds the start of the title; later parts without a glue point are plain names.
    for (const part of parts.slice(1)) {
      if (gluePositions(part).length === 0 && personNameCost(part) <= 1) {
        names.add(part);
        firstNames.add(part.split(' ')[0] ?? part);
      }
    }
    for (const token of line.split(/[^\p{L}\p{N}]+/u)) {
      if (token.length > 1 && !/\p{Ll}\p{Lu}/u.test(token)) words.add(token.toLowerCase());
    }
  }
  return { names, firstNames, words };
}
