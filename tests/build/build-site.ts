import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the seed site is built for the build tests. */
export const SEED_SITE = fileURLToPath(new URL('../output/seed-site/', import.meta.url));

/** Result of one `astro build`. */
export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` into outDir with extra environment (PAPERS_DATA_DIR, BASE_PATH, …) on the pinned Node. */
export function buildSite(outDir: string, env: Record<string, string> = {}): BuildResult {
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
