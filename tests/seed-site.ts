import { rmSync } from 'node:fs';
import { buildSite, SEED_SITE } from './build/build-site.ts';
import { fixturePath } from './helpers.ts';

/** Builds the seed site once per test run, whichever project asks first (global setups share this process). */
export function ensureSeedSite(): string {
  if (process.env.PAPERSHELF_SEED_SITE_BUILT !== SEED_SITE) {
    rmSync(SEED_SITE, { recursive: true, force: true });
    const result = buildSite(SEED_SITE, { PAPERS_DATA_DIR: fixturePath('seed-data') });
    if (result.status !== 0) throw new Error(`building the seed site failed:\n${result.output}`);
    process.env.PAPERSHELF_SEED_SITE_BUILT = SEED_SITE;
  }
  return SEED_SITE;
}
