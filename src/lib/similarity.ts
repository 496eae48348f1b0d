import { COMMAND_ALIASES, plainWords, TEXT_ACCENT } from './plain-text.ts';

/**
 * Near-duplicate detection for abstracts. An abstract becomes the set of hashed word 3-grams of its plain
 * text (math encodings folded, see plain-text.ts); a sort-based join on the shingles finds the candidates
 * sharing some, so matching costs time proportional to the shingles, not to all pairs.
 * Only shingles whose hash is 0 mod SAMPLE_MODULUS are kept (mod-m sampling, as in document
 * fingerprinting): the same shingle is kept or dropped in every abstract, so containment estimated on the
 * samples tracks containment on the full sets, at a quarter of the work and memory.
 */

/** Keep one shingle hash in this many. */
export const SAMPLE_MODULUS = 4;
/** Fewer samples than this and a text keeps all its shingles. */
export const MIN_SAMPLES = 8;
/** Two abstracts must share at least this many shingles to be compared at all: one shared phrase proves nothing. */
export const MIN_SHARED_SHINGLES = 3;
// Below this many shingles a text is short, and needs this much containment to match.
const SHORT_TEXT_SHINGLES = 20;
const SHORT_TEXT_THRESHOLD = 0.6;

// Reused between calls: the word hashes and the full shingle hashes of the text being fingerprinted.
let wordScratch = new Uint32Array(4096);
let scratch = new Uint32Array(4096);
// SAMPLE_MODULUS is a power of two, so "hash % SAMPLE_MODULUS === 0" is a test of its low bits.
const SAMPLE_MASK = SAMPLE_MODULUS - 1;
if ((SAMPLE_MODULUS & SAMPLE_MASK) !== 0) throw new Error('SAMPLE_MODULUS must be a power of two');
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Sorted, de-duplicated, sampled hashes of the word 3-grams of a text (single words for very short texts). */
export function shingles(text: string): Uint32Array {
  const words = writeWordHashes(text);
  const size = words >= 3 ? 3 : 1;
  const count = Math.max(0, words - size + 1);
  if (scratch.length < count) scratch = new Uint32Array(count * 2);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const hash =
      size === 3
        ? Math.imul(Math.imul(Math.imul(FNV_BASIS ^ wordScratch[i]!, FNV_PRIME) ^ wordScratch[i + 1]!, FNV_PRIME) ^ wordScratch[i + 2]!, FNV_PRIME)
        : Math.imul(FNV_BASIS ^ wordScratch[i]!, FNV_PRIME);
    scratch[i] = hash;
    if ((hash & SAMPLE_MASK) === 0) kept++;
  }
  // A short text (few samples) is compared on all its shingles, so that it can still match another short one.
  const full = kept < MIN_SAMPLES;
  const out = full ? scratch.slice(0, count) : new Uint32Array(kept);
  if (!full) {
    let filled = 0;
    for (let i = 0; i < count; i++) if ((scratch[i]! & SAMPLE_MASK) === 0) out[filled++] = scratch[i]!;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i]!;
  return unique === out.length ? out : out.slice(0, unique);
}

/** FNV-1a hashes of the words plainWords(text) gives, in order (computed without building the words for ASCII text). */
export function wordHashes(text: string): number[] {
  return Array.from(wordScratch.subarray(0, writeWordHashes(text)));
}

// Text with non-ASCII characters (accents, Greek, symbols) or a LaTeX accent command goes through plainWords;
// other ASCII is hashed in one pass.
const NON_ASCII = /[^\x00-\x7f]/;
const needsPlainText = (text: string) => NON_ASCII.test(text) || TEXT_ACCENT.test(text);

// Into the reused scratch array, not a new one per text: shingling 10,000 abstracts allocated 1.7 million numbers.
function writeWordHashes(text: string): number {
  if (needsPlainText(text)) {
    const words = plainWords(text);
    reserveWords(words.length);
    for (let i = 0; i < words.length; i++) wordScratch[i] = hashWord(words[i]!);
    return words.length;
  }
  return asciiWordHashes(text);
}

function reserveWords(count: number): void {
  if (wordScratch.length < count) {
    const grown = new Uint32Array(Math.max(count, wordScratch.length * 2));
    grown.set(wordScratch);
    wordScratch = grown;
  }
}

// The hashes plainWords(text).map(hashWord) gives for ASCII text, written to wordScratch without building the
// words: `\command` reads as its name (or alias), every other non-alphanumeric character separates words.
function asciiWordHashes(text: string): number {
  // Room for the most words a text of this length can have; each write still checks, so that an alias of
  // several words for a short command could never write past the end.
  reserveWords(text.length + 1);
  let count = 0;
  let hash = FNV_BASIS;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === 92) {
      let end = i + 1;
      while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
      if (end > i + 1) {
        if (inWord) {
          reserveWords(count + 1);
          wordScratch[count++] = hash;
        }
        inWord = false;
        hash = FNV_BASIS;
        const name = text.slice(i + 1, end);
        const alias = COMMAND_ALIASES[name] ?? name;
        for (const word of alias.toLowerCase().split(/[^a-z0-9]+/)) {
          if (word === '') continue;
          reserveWords(count + 1);
          wordScratch[count++] = hashWord(word);
        }
        i = end - 1;
        continue;
      }
    }
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      reserveWords(count + 1);
      wordScratch[count++] = hash;
      hash = FNV_BASIS;
      inWord = false;
    }
  }
  if (inWord) {
    reserveWords(count + 1);
    wordScratch[count++] = hash;
  }
  return count;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** FNV-1a hash of a shingle set, to find identical sets without comparing every pair. */
export function hashShingles(set: Uint32Array): number {
  let hash = FNV_BASIS;
  for (const value of set) hash = Math.imul(hash ^ value, FNV_PRIME);
  return hash >>> 0;
}

/** FNV-1a hash of one word. */
export function hashWord(word: string): number {
  let hash = FNV_BASIS;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** An earlier abstract found similar to a later one. */
export interface SimilarAbstract {
  key: number;
  score: number;
}

// Entries are numbered in 23 bits and shingles folded to 30, so a (shingle, entry) pair packs exactly into a double.
const ENTRY_BITS = 2 ** 23;
const SHINGLE_MASK = 0x3fffffff;

/**
 * For every shingle set, the earlier sets whose containment with it reaches `threshold`, best first (ties:
 * earliest). Done as a join, not pair by pair: (shingle, set) pairs are sorted so sets sharing a shingle sit
 * together, each group emits its (later, earlier) pairs, and sorting those makes equal pairs adjacent, so
 * their run length is the number of shared shingles. A shingle in more than `maxPosting` sets ("in this paper
 * we") tells nothing and is skipped, which bounds the pairs. Typed-array sorts and scans only: no hash maps.
 */
export function similarEarlierSets(sets: readonly Uint32Array[], threshold: number, maxPosting = 8): SimilarAbstract[][] {
  if (sets.length >= ENTRY_BITS) throw new Error(`similarity matching supports at most ${ENTRY_BITS - 1} abstracts`);
  const total = sets.reduce((sum, set) => sum + set.length, 0);
  const occurrences = new Float64Array(total);
  let filled = 0;
  sets.forEach((set, key) => {
    for (const hash of set) occurrences[filled++] = (hash & SHINGLE_MASK) * ENTRY_BITS + key;
  });
  occurrences.sort();

  let pairs = new Float64Array(1024);
  let pairCount = 0;
  for (let start = 0; start < total; ) {
    const shingle = Math.floor((occurrences[start] ?? 0) / ENTRY_BITS);
    let end = start + 1;
    while (end < total && Math.floor((occurrences[end] ?? 0) / ENTRY_BITS) === shingle) end++;
    const size = end - start;
    if (size > 1 && size <= maxPosting) {
      if (pairCount + (size * (size - 1)) / 2 > pairs.length) {
        const grown = new Float64Array(pairs.length * 2 + size * size);
        grown.set(pairs.subarray(0, pairCount));
        pairs = grown;
      }
      for (let later = start + 1; later < end; later++) {
        for (let earlier = start; earlier < later; earlier++) {
          pairs[pairCount++] = ((occurrences[later] ?? 0) % ENTRY_BITS) * ENTRY_BITS + ((occurrences[earlier] ?? 0) % ENTRY_BITS);
        }
      }
    }
    start = end;
  }
  const sorted = pairs.subarray(0, pairCount).sort();

  // A short text keeps all its shingles, a long one only the sampled; compared with a long one, a short text
  // counts only its sampled shingles, so both sides of the ratio use the same sampling.
  const sampled = sets.map((set) => set.reduce((count, hash) => count + (hash % SAMPLE_MODULUS === 0 ? 1 : 0), 0));
  const isFull = (index: number) => (sampled[index] ?? 0) < (sets[index]?.length ?? 0);
  const comparableSize = (a: number, b: number): number =>
    Math.max(1, isFull(a) && isFull(b) ? Math.min(sets[a]?.length ?? 1, sets[b]?.length ?? 1) : Math.min(sampled[a] ?? 0, sampled[b] ?? 0));
  const found: SimilarAbstract[][] = sets.map(() => []);
  for (let start = 0; start < pairCount; ) {
    const pair = sorted[start] ?? 0;
    let end = start + 1;
    while (end < pairCount && sorted[end] === pair) end++;
    const later = Math.floor(pair / ENTRY_BITS);
    const earlier = pair % ENTRY_BITS;
    const shared = end - start;
    const smaller = comparableSize(later, earlier);
    const score = shared / smaller;
    // A few shared phrases are a large share of a very short text (one kept whole): short texts must agree more.
    const short = (isFull(later) || isFull(earlier)) && smaller < SHORT_TEXT_SHINGLES;
    const needed = short ? Math.max(threshold, SHORT_TEXT_THRESHOLD) : threshold;
    if (shared >= MIN_SHARED_SHINGLES && score >= needed) found[later]?.push({ key: earlier, score });
    start = end;
  }
  for (const list of found) list.sort((a, b) => b.score - a.score || a.key - b.key);
  return found;
}
