import katex from 'katex';

/** The result of rendering one formula: KaTeX's HTML, or the reason it failed. */
export type TexResult = { ok: true; html: string } | { ok: false; error: string };

// A colour no formula asks for, so KaTeX's "not allowed" rendering can be recognised.
const UNTRUSTED_COLOR = '#cc0001';

/** Longest formula handed to KaTeX; longer "math" is shown as its source. */
export const MAX_TEX_LENGTH = 2000;

// The output depends only on the formula and the display mode (the options are fixed and macros start empty
// each time), so a formula seen before — in the same abstract's excerpt, or in another paper — is not rendered again.
const rendered = new Map<string, TexResult>();
const CACHE_LIMIT = 50_000;

/**
 * Renders one formula with KaTeX and fixed safe options: `trust: false` (no \href, \url, \htmlData,
 * \includegraphics), errors thrown and caught here, bounded sizes and macro expansion, and a fresh
 * macros object per call so one paper's \def cannot leak into the next.
 */
export function renderTex(tex: string, displayMode = false): TexResult {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const known = rendered.get(key);
  if (known) return known;
  const result = renderUncached(tex, displayMode);
  if (rendered.size >= CACHE_LIMIT) rendered.clear();
  rendered.set(key, result);
  return result;
}

function renderUncached(tex: string, displayMode: boolean): TexResult {
  if (tex.length > MAX_TEX_LENGTH) return { ok: false, error: `formula longer than ${MAX_TEX_LENGTH} characters` };
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxSize: 10,
      maxExpand: 200,
      macros: {},
      output: 'htmlAndMathml',
      errorColor: UNTRUSTED_COLOR,
    });
    // With trust off KaTeX does not throw on \href or \includegraphics but paints them in errorColor: treat that as a failure.
    if (html.includes(UNTRUSTED_COLOR)) return { ok: false, error: 'uses a command that is not allowed (links, images, HTML attributes)' };
    return { ok: true, html };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
