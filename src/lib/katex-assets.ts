import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const packageFile = createRequire(import.meta.url).resolve('katex/package.json');
const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };

/** The folder of KaTeX's built stylesheet and fonts, inside the installed package. */
export const katexDist = join(dirname(packageFile), 'dist');

/** KaTeX's stylesheet as the site serves it: its fonts as WOFF2 only, which every supported browser reads. */
export const katexStylesheet = readFileSync(join(katexDist, 'katex.min.css'), 'utf8').replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '');

/**
 * The name of the folder under `katex/` that holds KaTeX's stylesheet and fonts, `<version>-<hash of the stylesheet>`:
 * a new KaTeX, or a new rewrite of its stylesheet, gets a new folder, so hosts may cache the folder for good.
 */
export const katexVersionFolder = `${version}-${createHash('sha256').update(katexStylesheet).digest('hex').slice(0, 8)}`;

/** The site path of that folder: `katex/<version>-<hash>/`. */
export const katexAssetsPath = `katex/${katexVersionFolder}/`;
