import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.ts';
import { ROOT } from './build-site.ts';

function checkData(dataDir: string) {
  const result = spawnSync(process.execPath, ['src/cli/check-data.ts'], { cwd: ROOT, env: { ...process.env, PAPERS_DATA_DIR: dataDir }, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('npm run check-data', () => {
  it('prints format, entries and papers made or merged per file, then the summary', () => {
    const { status, output } = checkData(fixturePath('seed-data'));
    expect(status).toBe(0);
    expect(output).toContain('listings/000_80704c9de50da4f0.txt: card listing, 23 entries read → 23 papers made, 0 merged into others, 0 reported');
    expect(output).toContain('listings/001_fd2f3fd673fe7401.txt: abstract-only listing, 10 entries read → 0 papers made, 10 merged into others, 0 reported');
    expect(output).toContain('listings/003_9486e5228bd94662.txt: arXiv id listing, 10 entries read → 10 papers made, 0 merged into others, 0 reported');
    expect(output).toContain('45 papers from 56 entries in 4 dumps; 0 incomplete; 0 entries reported, not in a paper; 0 errors, 0 warnings');
  });

  it('exits 1 on errors and names file and line of every problem', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'papershelf-check-'));
    writeFileSync(join(dataDir, 'cards.txt'), 'LGJun 3, 2024\nA PaperAda Lovelace\nLoad more\nLGJun 31\nB PaperAlan Turing\nCVJun 2, 2024\n');
    writeFileSync(join(dataDir, 'notes.txt'), 'nothing to see\n');
    const { status, output } = checkData(dataDir);
    expect(status).toBe(1);
    expect(output).toContain('warning cards.txt:3: stray line "Load more"');
    expect(output).toContain('error   cards.txt:4: header "LGJun 31" has an impossible date');
    expect(output).toContain('error   notes.txt: no recognisable entries');
    expect(output).toContain('cards.txt: card listing, 3 entries read → 2 papers made, 0 merged into others, 1 reported');
    expect(output).toContain('2 errors, 2 warnings');
  });
});
