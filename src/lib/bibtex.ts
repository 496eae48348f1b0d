import type { Paper } from './schema.ts';
import { decodeTextAccents } from './plain-text.ts';
import { toSlug } from './slug.ts';
import { isOrganisation, surnameOf } from './names.ts';
import { PARTICLES } from './split/name-shape.ts';

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'towards', 'toward', 'via', 'from', 'is', 'are']);

/** "Aäron van den Oord" → "van den Oord, Aäron"; organisations stay whole in braces. */
export function bibtexName(name: string): string {
  const cached = nameCache.get(name);
  if (cached !== undefined) return cached;
  const formatted = formatName(name);
  // An author appears on many papers; the name-shape scoring behind formatName is the costly part.
  if (nameCache.size > 100_000) nameCache.clear();
  nameCache.set(name, formatted);
  return formatted;
}

const nameCache = new Map<string, string>();

function formatName(name: string): string {
  const tokens = name.replace(/,(?= )/g, '').split(' ');
  // An organisation ("Google DeepMind", "Gemini Team") is one braced name, never "Last, First".
  if (isOrganisation(name)) return `{${name}}`;
  const surname = surnameOf(name);
  let start = tokens.lastIndexOf(surname);
  while (start > 1 && PARTICLES.has(tokens[start - 1] ?? '')) start--;
  const suffix = tokens.slice(tokens.lastIndexOf(surname) + 1).join(' ');
  const last = tokens.slice(start, tokens.lastIndexOf(surname) + 1).join(' ');
  const first = tokens.slice(0, start).join(' ');
  return suffix ? `${last}, ${suffix}, ${first}` : `${last}, ${first}`;
}

// A field value must have balanced braces; if the source's are not, drop them rather than break the entry.
function field(value: string): string {
  let depth = 0;
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) break;
  }
  return depth === 0 ? value : value.replace(/[{}]/g, '');
}

// Slugs title words only up to the first one that counts, not the whole title.
function firstSignificantWord(title: string): string | undefined {
  for (const token of title.split(/[^\p{L}\p{N}]+/u)) {
    const word = toSlug(token).replace(/-/g, '');
    if (word.length > 2 && !STOP_WORDS.has(word)) return word;
  }
  return undefined;
}

/** The citation key: first author's surname, year, first significant title word ("huang2024optimal"). */
export function bibtexKey(paper: Paper): string {
  const surname = paper.authors[0] ? toSlug(surnameOf(paper.authors[0].name)).replace(/-/g, '') : 'anonymous';
  const year = paper.published?.slice(0, 4) ?? '';
  // The title's words as read, not its TeX: no "mathcal" or "textsc" from the source, "grobner" for Gr\"obner.
  const words = decodeTextAccents((paper.title ?? '').replace(MATH, ' ')).replace(/\\[A-Za-z]+/g, ' ');
  return `${surname}${year}${firstSignificantWord(words) ?? (paper.arxivId ?? paper.id).replace(/[^a-z0-9]/gi, '')}`;
}

const MATH = /\$\$?[^$]*\$\$?/g;

// LaTeX's special characters that a listing writes bare ("R&D at 95% Scale") break the entry: `&` is an error and
// `%` comments out the rest of the line. Escaped ones (`\&`) stay as they are.
function escapeSpecials(text: string): string {
  return text.replace(/(?<!\\)([&%#])/g, '\\$1');
}

/**
 * Each paper's citation key, unique across the papers given (in the site's order, newest first): the oldest paper
 * keeps bibtexKey's key, newer ones with the same key get "b", "c", … after it, as reference managers do, so that
 * entries copied from several pages into one .bib file never clash, and a newer paper added later never changes
 * the key of one already cited (an older one added later can).
 */
export function uniqueBibtexKeys(papers: readonly Paper[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  const oldestFirst = [...papers].reverse();
  const plain = oldestFirst.map(bibtexKey);
  // Plain keys are taken first, so that a suffixed key never takes another paper's plain one ("smith2024ab").
  const plainKeys = new Set(plain);
  oldestFirst.forEach((paper, index) => {
    const key = plain[index] ?? '';
    let unique = key;
    for (let n = 1; used.has(unique) || (n > 1 && plainKeys.has(unique)); n++) unique = `${key}${keySuffix(n)}`;
    used.add(unique);
    keys.set(paper.id, unique);
  });
  return keys;
}

// b, c, …, z, then ba, bb, … (never "a": the first paper has no suffix).
function keySuffix(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let suffix = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 26)) suffix = `${letters[rest % 26]}${suffix}`;
  return suffix;
}

/** A BibTeX entry in the form arXiv exports (@misc with eprint), from the record's fields, under `key`. */
export function toBibtex(paper: Paper, key = bibtexKey(paper)): string {
  const authors = paper.authors.map((author) => bibtexName(author.name));
  if (paper.authorsTruncated) authors.push('others');
  const missing = [paper.title === null ? 'title' : null, authors.length === 0 ? 'authors' : null].filter((name) => name !== null);
  const fields: Array<[string, string | null]> = [
    // No invented title or author: a reference manager fills them in from the eprint; the comment says why they are absent.
    ['title', paper.title === null ? null : escapeSpecials(paper.title)],
    ['author', authors.length > 0 ? escapeSpecials(authors.join(' and ')) : null],
    ['year', paper.published?.slice(0, 4) ?? null],
    ['eprint', paper.arxivId],
    ['archivePrefix', paper.arxivId ? 'arXiv' : null],
    ['primaryClass', paper.arxivId ? (paper.categories[0]?.id ?? null) : null],
    // The paper's own page only: a code repository is not the work cited.
    ['url', paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : null],
  ];
  const body = fields
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `  ${name} = {${field(value)}},`)
    .join('\n');
  // A comment outside the entry, which BibTeX ignores: a `note` field would be printed in the user's bibliography.
  const comment = missing.length > 0 ? `% The listings this entry was made from give no ${missing.join(' and no ')}.\n` : '';
  return `${comment}@misc{${key},\n${body}\n}`;
}
