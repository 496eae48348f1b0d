import { rmSync } from 'node:fs';
import { buildSite, SEED_SITE } from './build-site.ts';
import { fixturePath } from '../helpers.ts';

/** Builds the seed site once before the build tests. */
export default function setup(): void {
  rmSync(SEED_SITE, { recursive: true, force: true });
  const result = buildSite(SEED_SITE, { PAPERS_DATA_DIR: fixturePath('seed-data') });
  if (result.status !== 0) throw new Error(`building the seed site failed:\n${result.output}`);
}
