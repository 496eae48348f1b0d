import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { katexDist, katexStylesheet, katexVersionFolder } from '../../lib/katex-assets.ts';

// KaTeX's stylesheet and fonts, served from the site itself: no CDN, and only pages with math link them.
// The route's own folder is `katex/`; the files sit in the versioned folder below it (`katex/0.19.1-…/`).
const versionFolder = `${katexVersionFolder}/`;

export const getStaticPaths = (() => [
  { params: { file: `${versionFolder}katex.min.css` } },
  ...readdirSync(join(katexDist, 'fonts'))
    .filter((font) => font.endsWith('.woff2'))
    .map((font) => ({ params: { file: `${versionFolder}fonts/${font}` } })),
]) satisfies GetStaticPaths;

/** Serves the stylesheet and the fonts. */
export const GET: APIRoute = ({ params }) => {
  const file = (params.file ?? '').slice(versionFolder.length);
  if (file === 'katex.min.css') return new Response(katexStylesheet, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
  return new Response(readFileSync(join(katexDist, file)), { headers: { 'Content-Type': 'font/woff2' } });
};
