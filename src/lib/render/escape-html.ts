const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values; characters beyond ASCII become character references. */
export function escapeHtml(text: string): string {
  return asciiHtml(SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char) : text);
}

const SPECIAL = /[&<>"']/;

/**
 * The same HTML with every character beyond ASCII written as a numeric character reference (`é` → `&#xe9;`).
 * A page made only of ASCII is a one-byte string to V8, which Node encodes to UTF-8 several times faster than
 * the two-byte string one `…` or `θ` makes of the whole page (0.5 s of a 14,757-page build, BENCHMARKS.md).
 * For text and attribute values only: references are not decoded inside <script> or <style>.
 */
export function asciiHtml(html: string): string {
  return BEYOND_ASCII.test(html) ? html.replace(BEYOND_ASCII_ALL, characterReference) : html;
}

// A lone surrogate (no character at all) becomes U+FFFD, as UTF-8 encoding would have made it.
function characterReference(char: string): string {
  const code = char.codePointAt(0) ?? 0xfffd;
  return `&#x${(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code).toString(16)};`;
}

const BEYOND_ASCII = /[^\x00-\x7f]/;
// With the u flag a surrogate pair is one match, so an astral character becomes one reference.
const BEYOND_ASCII_ALL = /[^\x00-\x7f]/gu;
