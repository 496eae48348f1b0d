/**
 * Text Astro's content layer does not store as given. When an entry is stored, every string of its data that
 * starts with this prefix is taken for an image import: the prefix is cut off and the rest is registered as an
 * asset for Vite to import (astro/dist/content/mutable-data-store.js). A dump line starting with it would change
 * the record behind the pages' back and point the build at a file; the pipeline reports such a record instead.
 */
export const ASTRO_IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/** Where a value holds a string that starts with the image-import prefix: dotted paths (`authors.0.name`), in order. */
export function reservedTextPaths(value: unknown): string[] {
  const found: string[] = [];
  const path: (string | number)[] = [];
  // Every record is checked, so the walk allocates nothing until it finds one.
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      if (item.startsWith(ASTRO_IMAGE_IMPORT_PREFIX)) found.push(path.join('.'));
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
