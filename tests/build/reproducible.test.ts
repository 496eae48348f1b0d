import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.ts';
import { buildSite, SEED_SITE } from './build-site.ts';
import { listFiles } from './dist-files.ts';

describe('the build', () => {
  it('is reproducible: the same input builds a byte-identical site, with npm run build or plain astro build', () => {
    const again = join(mkdtempSync(join(tmpdir(), 'papershelf-again-')), 'dist');
    // The seed site was built by `npm run build`, whose preload starts the parse before Astro; this build starts it from the integration.
    const result = buildSite(again, { PAPERS_DATA_DIR: fixturePath('seed-data') }, undefined, 'astro build');
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toContain('parsing since the build started');
    const files = listFiles(SEED_SITE);
    expect(listFiles(again)).toEqual(files);
    const different = files.filter((file) => !readFileSync(join(SEED_SITE, file)).equals(readFileSync(join(again, file))));
    expect(different).toEqual([]);
  });
});
