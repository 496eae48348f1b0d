import { escapeHtml } from './escape-html.ts';

/**
 * A void element (`<meta>`, `<link>`) with escaped attribute values, for values that may hold characters beyond
 * ASCII: Astro's own attributes keep those as they are, and one of them makes the whole page a two-byte string
 * (see asciiHtml).
 */
export function voidTagHtml(name: 'meta' | 'link', attributes: Readonly<Record<string, string>>): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
    .join('');
  return `<${name}${attrs}>`;
}
