import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnvironment, ROOT, SEED_SITE, withProjectBuildLock } from './build-site.ts';

// `astro dev` serves the data files (feeds, papers.json, search assets) from memory through the papershelf
// integration: the same bytes the build writes, regenerated after a dump changes.
const SEED_DATA = fileURLToPath(new URL('../fixtures/seed-data/', import.meta.url));
const PORT = 4391;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let server: ChildProcess | null = null;
let dataDir = '';
let releaseLock: () => void = () => {};

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function text(path: string): Promise<string> {
  const response = await fetch(`${ORIGIN}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'papershelf-dev-'));
  cpSync(SEED_DATA, dataDir, { recursive: true });
  // The dev server writes Astro's content cache like a build does: hold the builds' lock while it runs.
  await new Promise<void>((locked) => {
    void withProjectBuildLock(() => new Promise<void>((release) => {
      releaseLock = release;
      locked();
    }));
  });
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  server = spawn(process.execPath, [astro, 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...cleanEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', PAPERS_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  await waitFor(async () => ((await fetch(`${ORIGIN}/`)).ok ? true : null), 60_000, 'astro dev to answer');
});

afterAll(() => {
  server?.kill();
  releaseLock();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('serves the same data files as the build', async () => {
    for (const path of ['papers.json', 'feed.xml', 'categories/cs.LG/feed.xml', 'authors/alireza-fallah/feed.xml', 'search/titles.json', 'search/index.json', 'search/text/0.json']) {
      expect(await text(`/${path}`), path).toBe(readFileSync(join(SEED_SITE, path), 'utf8'));
    }
    expect((await fetch(`${ORIGIN}/authors/nobody-at-all/feed.xml`)).status).toBe(404);
  });

  it('makes an author page’s content itself, the same as the build’s worker made it', async () => {
    // The whole of the page's <main> is that content (set:html), so the dev server adds no source annotations to it.
    const main = (page: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1];
    const built = main(readFileSync(join(SEED_SITE, 'authors/alireza-fallah/index.html'), 'utf8'));
    expect(built).toContain('<ol class="paper-list">');
    expect(main(await text('/authors/alireza-fallah/'))).toBe(built);
  });

  it('serves pages without the CSP <meta>, which would block the styles the dev server inlines', async () => {
    const page = await text('/');
    expect(page).toMatch(/<style[^>]*>/);
    expect(page.toLowerCase()).not.toContain('http-equiv="content-security-policy"');
  });

  it('regenerates them when a dump is removed', async () => {
    const before = JSON.parse(await text('/papers.json')) as { count: number };
    rmSync(join(dataDir, 'listings', '000_80704c9de50da4f0.txt'));
    const after = await waitFor(async () => {
      const json = JSON.parse(await text('/papers.json')) as { count: number };
      return json.count < before.count ? json : null;
    }, 30_000, 'papers.json to drop the removed dump');
    expect(after.count).toBeLessThan(before.count);
  });
});
