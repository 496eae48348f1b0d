/**
 * Text Astro's content layer does not store as given. When an entry is stored, every string of its data that
 * starts with this prefix is taken for an image import: the prefix is cut off and the rest is registered as an
 * asset for Vite to import (astro/dist/content/mutable-data-store.js). A dump line starting with it would change
 * the record behind the pages' back and point the build at a file; the pipeline reports such a record instead.
 */
export const ASTRO_IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/** A string that starts with the image-import prefix, and where it is: a dotted path (`authors.0.name`). */
export interface ReservedText {
  path: string;
  text: string;
}

/** Every string of a value that starts with the image-import prefix, in order. */
export function reservedText(value: unknown): ReservedText[] {
  const found: ReservedText[] = [];
  const path: (string | number)[] = [];
  // Every record is checked, so the walk allocates nothing until it finds one.
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      if (item.startsWith(ASTRO_IMAGE_IMPORT_PREFIX)) found.push({ path: path.join('.'), text: item });
    } else if (Array.isArray(item)) {
      for (let index = 0; index < item.length; index++) {
        path.push(index);
        visit(item[index]);
        path.pop();
      }
    } else if (item !== null && typeof item === 'object') {
      for (const key in item) {
        path.push(key);
        visit((item as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(value);
  return found;
}

/** What a record path names, in words: `sources.1.superseded.title` → "title", `authors.0.name` → "author name". */
export function recordFieldName(path: string): string {
  const field = path.replace(/^sources\.\d+\.superseded\./, '').replace(/\.\d+/g, '');
  const names: Readonly<Record<string, string>> = {
    'authors.name': 'author name',
    'authors': 'author name',
    'affiliations': 'affiliation',
    'categories.id': 'category',
    'categories.name': 'category name',
    'sources.file': 'dump file name',
    codeUrl: 'code link',
    arxivId: 'arXiv id',
  };
  return names[field] ?? field;
}
