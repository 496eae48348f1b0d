import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';

// KaTeX's stylesheet and fonts, served from the site itself: no CDN, and only pages with math link them.
const katexDist = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');

export const getStaticPaths = (() => [
  { params: { file: 'katex.min.css' } },
  ...readdirSync(join(katexDist, 'fonts'))
    .filter((font) => font.endsWith('.woff2'))
    .map((font) => ({ params: { file: `fonts/${font}` } })),
]) satisfies GetStaticPaths;

/** Serves the stylesheet (rewritten to reference WOFF2 only, which every supported browser reads) and the fonts. */
export const GET: APIRoute = ({ params }) => {
  const file = params.file ?? '';
  if (file === 'katex.min.css') {
    const css = readFileSync(join(katexDist, 'katex.min.css'), 'utf8').replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '');
    return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
  }
  return new Response(readFileSync(join(katexDist, file)), { headers: { 'Content-Type': 'font/woff2' } });
};
