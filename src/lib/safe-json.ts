/**
 * JSON that is safe wherever it ends up: `<`, `>` and `&` are written as \u escapes (so no file of the site
 * contains record text that looks like a tag, even inside a JSON string), as are U+2028/U+2029. It parses to
 * exactly the same value as JSON.stringify's output.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
