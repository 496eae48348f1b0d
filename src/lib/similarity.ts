import { plainWords } from './plain-text.ts';

/**
 * Near-duplicate detection for abstracts. An abstract becomes the set of hashed word 3-grams of its plain
 * text (math encodings folded, see plain-text.ts); an inverted index from shingle to abstracts finds the
 * candidates sharing shingles, so matching costs time proportional to the shingles, not to all pairs.
 */

/** Sorted, de-duplicated hashes of the word 3-grams of a text (single words for very short texts). */
export function shingles(text: string): Uint32Array {
  const words = plainWords(text);
  const hashes = words.map(hashWord);
  const size = words.length >= 3 ? 3 : 1;
  const out = new Uint32Array(Math.max(0, hashes.length - size + 1));
  for (let i = 0; i < out.length; i++) {
    let hash = 0x811c9dc5;
    for (let j = 0; j < size; j++) hash = Math.imul(hash ^ (hashes[i + j] ?? 0), 0x01000193);
    out[i] = hash >>> 0;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i] ?? 0;
  return out.slice(0, unique);
}

function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Shared shingles over the smaller set: 1 when one abstract contains the other. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / Math.min(a.length, b.length);
}

/** An inverted index of shingles that finds earlier abstracts sharing enough of them with a new one. */
export class ShingleIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly sets: Uint32Array[] = [];
  // A shingle in more abstracts than this ("in this paper we") tells nothing; skipping it keeps lookups near-constant.
  private readonly maxPosting: number;

  constructor(maxPosting = 48) {
    this.maxPosting = maxPosting;
  }

  /** Adds a shingle set; returns its key. */
  add(set: Uint32Array): number {
    const key = this.sets.length;
    this.sets.push(set);
    for (const shingle of set) {
      const list = this.postings.get(shingle);
      if (!list) this.postings.set(shingle, [key]);
      else if (list.length < this.maxPosting) list.push(key);
    }
    return key;
  }

  /** Indexed sets whose containment with `set` is at least `threshold`, best first (ties: earliest). */
  similar(set: Uint32Array, threshold: number): Array<{ key: number; score: number }> {
    const counts = new Map<number, number>();
    for (const shingle of set) {
      const list = this.postings.get(shingle);
      if (!list) continue;
      for (const key of list) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const minimumShared = Math.max(1, Math.floor(threshold * set.length * 0.5));
    const found: Array<{ key: number; score: number }> = [];
    for (const [key, shared] of counts) {
      if (shared < minimumShared) continue;
      const other = this.sets[key];
      if (!other) continue;
      const score = containment(set, other);
      if (score >= threshold) found.push({ key, score });
    }
    return found.sort((a, b) => b.score - a.score || a.key - b.key);
  }
}
