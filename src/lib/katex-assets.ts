import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const packageFile = createRequire(import.meta.url).resolve('katex/package.json');
const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };

/** The folder of KaTeX's built stylesheet and fonts, inside the installed package. */
export const katexDist = join(dirname(packageFile), 'dist');

/** KaTeX's stylesheet and fonts' folder on the site: named after KaTeX's version, so hosts may cache it for good. */
export const katexAssetsPath = `katex/${version}/`;
