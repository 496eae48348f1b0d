import slugify from '@sindresorhus/slugify';
import anyAscii from 'any-ascii';
import { decodeTextAccents } from './plain-text.ts';

/** A stable lower-case ASCII slug: "Yann LeCun" → "yann-lecun", "Jan Koutník" → "jan-koutnik", "张三" → "zhangsan", "O'Brien" → "obrien", `Gr\"obner` → "grobner". */
export function toSlug(text: string, maxLength = 80): string {
  const key = `${maxLength} ${text}`;
  const cached = slugCache.get(key);
  if (cached !== undefined) return cached;
  const slug = computeSlug(text, maxLength);
  // Author names repeat across thousands of papers; a bounded cache keeps slugging cheap.
  if (slugCache.size > 200_000) slugCache.clear();
  slugCache.set(key, slug);
  return slug;
}

const slugCache = new Map<string, string>();

/** The uncached slug: a bare ASCII word on a fast path, everything else through slowSlug (exported for tests). */
export function computeSlug(text: string, maxLength: number): string {
  // A bare ASCII word (most title words, many name parts) slugs to itself in lower case.
  if (text.length <= maxLength && ASCII_WORD.test(text)) return text.toLowerCase();
  return slowSlug(text, maxLength);
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** The slug through any-ascii and slugify, which the fast path of computeSlug must agree with. */
export function slowSlug(text: string, maxLength: number): string {
  // any-ascii transliterates every script; slugify then settles separators and symbols ("&" → "and").
  // Only the start of the text can reach the slug, so a megabyte-long title costs no more than a short one.
  const start = text.length > maxLength * 4 ? text.slice(0, maxLength * 4) : text;
  // LaTeX accents first, so that `Gr\"obner` slugs as `Gröbner` does ("grobner"), not as two words.
  const slug = slugify(anyAscii(decodeTextAccents(start).normalize('NFC')).replace(/['’`]/g, ''), { decamelize: false });
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut;
}

/** A short stable hexadecimal hash (FNV-1a, 32 bits) for ids that no text can give. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** An author's slug: their name's, or a hash of it when the name has no letter a slug keeps. */
export function authorSlug(name: string): string {
  return toSlug(name) || `author-${shortHash(name)}`;
}
