import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { PapersJsonSchema } from '../../src/lib/schema.ts';
import { seedDumps, seedSources } from '../helpers.ts';
import { buildSite, SEED_SITE } from './build-site.ts';
import { READ_MESSAGE } from '../../src/integrations/data-store-from-disk.ts';
import { STORED_RECORDS_MESSAGE } from '../../src/lib/shared-corpus.ts';

describe('papers.json', () => {
  it('holds every record of the seeds, validated and newest first', () => {
    const json = PapersJsonSchema.parse(JSON.parse(readFileSync(join(SEED_SITE, 'papers.json'), 'utf8')));
    const expected = buildCorpus(seedDumps(), { sources: seedSources() }).papers;
    expect(json.count).toBe(45);
    expect(json.papers).toEqual(expected);
  });
});

describe('the build', () => {
  it('honours PAPERS_DATA_DIR and fails on data errors, naming file and line', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'papershelf-bad-'));
    mkdirSync(join(dataDir, 'listings'));
    writeFileSync(join(dataDir, 'listings', 'bad.txt'), 'LGJun 3, 2024\nA PaperAda Lovelace\nLGJun 31\nB PaperAlan Turing\n');
    const result = buildSite(join(dataDir, 'dist'), { PAPERS_DATA_DIR: dataDir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('listings/bad.txt:3: header "LGJun 31" has an impossible date');
    // The data's fault, said as such: no stack trace or source location that looks like a crash.
    expect(result.output).toContain(`${dataDir} has 1 data error, printed above with file and line; fix it and build again`);
    expect(result.output).not.toMatch(/Stack trace|Location:|\n\s+at /);
  });

  it('stops before building, with what to fix and no stack trace, when a setting cannot be used', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'papershelf-settings-')), 'dist');
    const result = buildSite(outDir, { SITE_URL: 'https://owner.github.io/shelf/' }, 120_000);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('SITE_URL "https://owner.github.io/shelf/" must be the address of the host only');
    expect(result.output).toContain('(set SITE_URL=https://owner.github.io and BASE_PATH=/shelf/)');
    expect(result.output).not.toMatch(/Stack trace|Location:|\n\s+at /);
    expect(existsSync(outDir)).toBe(false);
  });

  it('fails on a data folder that holds no dumps, as check-data does', () => {
    const empty = mkdtempSync(join(tmpdir(), 'papershelf-empty-'));
    const result = buildSite(join(empty, '..', `${basename(empty)}-dist`), { PAPERS_DATA_DIR: empty }, 120_000);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(`${empty}: holds no dumps (*.txt files, at any depth)`);
  });

  it('fails at once, naming the folder and the fix, when the data folder does not exist', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'papershelf-none-')), 'no-such-folder');
    // The data-files worker fails first; the content loader must not wait for the corpus it will never send
    // (it once did, for ever): a build still running after two minutes is killed and the test fails.
    const result = buildSite(join(missing, '..', 'dist'), { PAPERS_DATA_DIR: missing }, 120_000);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(`the data folder ${missing} does not exist; create it and put your dumps in it, or set PAPERS_DATA_DIR`);
  });

  it('builds another data folder given by PAPERS_DATA_DIR', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'papershelf-one-'));
    writeFileSync(join(dataDir, 'one.txt'), 'LGJun 3, 2024\nA Single PaperAda Lovelace\nAn abstract that is long enough to be read as prose.\n');
    const outDir = join(dataDir, 'dist');
    const result = buildSite(outDir, { PAPERS_DATA_DIR: dataDir });
    expect(result.status, result.output).toBe(0);
    const json = PapersJsonSchema.parse(JSON.parse(readFileSync(join(outDir, 'papers.json'), 'utf8')));
    expect(json.papers.map((paper) => paper.title)).toEqual(['A Single Paper']);
    // The dumps are parsed once, on the worker: the content loader takes the worker's corpus.
    expect(result.output).toMatch(/1 paper from 1 entry in 1 dump.*\(parsed on the data-files worker thread\)/);
    expect(result.output).toMatch(/data files .* on a worker thread/);
    // Built as `npm run build` builds: the parse started before Astro, and the integration took that worker over.
    expect(result.output).toContain('the dumps have been parsing since the build started (npm run build)');
    // The pages take the records the content loader stored, and nothing reads the data store back (which, if
    // anything did, would be read from disk by src/integrations/data-store-from-disk.ts and log READ_MESSAGE).
    expect(result.output).toContain(`${STORED_RECORDS_MESSAGE} (1)`);
    expect(result.output).not.toContain(READ_MESSAGE);
  });
});
