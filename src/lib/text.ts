/** Text clean-up shared by every parser: what copying from a web page leaves behind goes, the rest stays. */

// Zero-width characters, soft hyphens and bidi marks that pages carry invisibly.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// C0/C1 controls and Unicode spaces all become one plain space.
const ODD_SPACE = /[\u0000-\u001F\u007F-\u009F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
// "… ▽ More" / "△ Less" toggles and "Show more/less" links that search pages put at the end of abstracts.
const TRAILING_TOGGLE = /\s*(?:(?:…|\.\.\.)\s*)?(?:▽\s*More|△\s*Less|\(?(?:Show|Read) (?:more|less)\)?)$/iu;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Cheap test before the toggle pattern, which would otherwise be tried at every position of a long line.
const MAY_END_IN_TOGGLE = /(?:more|less)\)?$/i;

/** Normalises one line of copied text: NFC, invisible characters removed, whitespace collapsed, page toggles dropped. */
export function cleanText(raw: string): string {
  // Printable ASCII needs no normalisation and has no invisible or odd characters.
  const ascii = PRINTABLE_ASCII.test(raw);
  let text = ascii ? raw : raw.normalize('NFC').replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
  if ((!ascii && !PRINTABLE_ASCII.test(text)) || text.includes('  ') || text.startsWith(' ') || text.endsWith(' ')) text = text.replace(/\s+/g, ' ').trim();
  let previous: string;
  while (MAY_END_IN_TOGGLE.test(text)) {
    previous = text;
    const stripped = text.replace(TRAILING_TOGGLE, '').trim();
    // A line that is nothing but a toggle stays, so that it is reported as a stray line.
    if (stripped === previous || stripped === '') break;
    text = stripped;
  }
  return text;
}

/** A line of a dump with its 1-based number, cleaned. */
export interface DumpLine {
  number: number;
  text: string;
}

/** Splits dump text into cleaned, numbered lines (LF, CRLF or CR endings; a leading BOM is dropped). */
export function splitLines(text: string): DumpLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((line, index) => ({ number: index + 1, text: cleanText(line) }));
}

/** Number of whitespace-separated words, counted up to `limit` (a long line need not be counted to the end). */
export function wordCount(text: string, limit = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words < limit; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** A short quotation of a line for messages: at most 60 characters, JSON-quoted so odd characters show. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** True when a line reads like running prose (an abstract or part of one), not like page chrome such as "Load more". */
export function looksLikeProse(text: string): boolean {
  const words = wordCount(text, 8);
  return words >= 8 || (words >= 3 && /[.!?)\]]$/.test(text));
}
