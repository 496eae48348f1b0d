import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDumps, loadCorpus } from '../../src/lib/read-data-dir.ts';
import { fixturePath, SEED_FILES } from '../helpers.ts';

const seed = (name: (typeof SEED_FILES)[number]) => fixturePath(`seed-data/listings/${name}`);

describe('reading the data folder', () => {
  let dataDir: string;
  let elsewhere: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-data-'));
    elsewhere = mkdtempSync(join(tmpdir(), 'papershelf-elsewhere-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('finds .txt dumps at any depth and in any case, sorted, and skips dot-files, dot-folders and other files', async () => {
    mkdirSync(join(dataDir, 'lab/2024'), { recursive: true });
    mkdirSync(join(dataDir, '.git'));
    copyFileSync(seed('000_80704c9de50da4f0.txt'), join(dataDir, 'lab/2024/feed.TXT'));
    copyFileSync(seed('001_fd2f3fd673fe7401.txt'), join(dataDir, 'b.txt'));
    copyFileSync(seed('002_1b722824cdb08c64.txt'), join(dataDir, '.hidden.txt'));
    copyFileSync(seed('003_9486e5228bd94662.txt'), join(dataDir, '.git/a.txt'));
    copyFileSync(seed('003_9486e5228bd94662.txt'), join(dataDir, 'notes.md'));
    expect(await listDumps(dataDir)).toEqual(['b.txt', 'lab/2024/feed.TXT']);
  });

  it('follows symbolic links to dumps and folders, and reads a folder once however many links lead to it', async () => {
    mkdirSync(join(elsewhere, 'shared'));
    copyFileSync(seed('000_80704c9de50da4f0.txt'), join(elsewhere, 'profile.txt'));
    copyFileSync(seed('001_fd2f3fd673fe7401.txt'), join(elsewhere, 'shared/feed.txt'));
    symlinkSync(join(elsewhere, 'profile.txt'), join(dataDir, 'profile.txt'));
    symlinkSync(join(elsewhere, 'shared'), join(dataDir, 'shared'));
    // A link back into the data folder: following it naively would list its dumps twice.
    symlinkSync(join(dataDir, 'shared'), join(dataDir, 'z-again'));
    expect(await listDumps(dataDir)).toEqual(['profile.txt', 'shared/feed.txt']);
    const { papers, report } = await loadCorpus(dataDir);
    expect(report.files.map((file) => [file.file, file.read > 0])).toEqual([
      ['profile.txt', true],
      ['shared/feed.txt', true],
    ]);
    expect(papers.length).toBeGreaterThan(0);
    expect(report.summary.errors).toBe(0);
  });

  it('reads a dump once when a link leads to it too, and warns of a sources.json in a subfolder, which is not read', async () => {
    mkdirSync(join(dataDir, 'lab'));
    copyFileSync(seed('000_80704c9de50da4f0.txt'), join(dataDir, 'lab/feed.txt'));
    symlinkSync(join(dataDir, 'lab/feed.txt'), join(dataDir, 'a-link.txt'));
    copyFileSync(seed('001_fd2f3fd673fe7401.txt'), join(elsewhere, 'profile.txt'));
    symlinkSync(join(elsewhere, 'profile.txt'), join(dataDir, 'b-profile.txt'));
    symlinkSync(join(elsewhere, 'profile.txt'), join(dataDir, 'c-profile.txt'));
    writeFileSync(join(dataDir, 'lab/sources.json'), '{"feed.txt": {"captured": "2026-11-21"}}');
    expect(await listDumps(dataDir)).toEqual(['b-profile.txt', 'lab/feed.txt']);
    // A file link listed before a folder link that leads to the same dump: still once.
    mkdirSync(join(elsewhere, 'd'));
    copyFileSync(seed('002_1b722824cdb08c64.txt'), join(elsewhere, 'd/x.txt'));
    symlinkSync(join(elsewhere, 'd/x.txt'), join(dataDir, 'a-x.txt'));
    symlinkSync(join(elsewhere, 'd'), join(dataDir, 'z-d'));
    expect(await listDumps(dataDir)).toEqual(['a-x.txt', 'b-profile.txt', 'lab/feed.txt']);
    const { report } = await loadCorpus(dataDir);
    expect(report.issues.map((issue) => [issue.file, issue.message.slice(0, 44)])).toEqual([['lab/sources.json', "is not read: only the data folder's own sour"]]);
  });

  it('lists a folder reached both ways under its real path, and one reached by two links under the first', async () => {
    mkdirSync(join(dataDir, 'lab'));
    copyFileSync(seed('000_80704c9de50da4f0.txt'), join(dataDir, 'lab/feed.txt'));
    // "a-lab" sorts before "lab", and is walked after it all the same: links wait for every real folder.
    symlinkSync(join(dataDir, 'lab'), join(dataDir, 'a-lab'));
    mkdirSync(join(elsewhere, 'shared'));
    copyFileSync(seed('001_fd2f3fd673fe7401.txt'), join(elsewhere, 'shared/profile.txt'));
    symlinkSync(join(elsewhere, 'shared'), join(dataDir, 'z-shared'));
    symlinkSync(join(elsewhere, 'shared'), join(dataDir, 'm-shared'));
    expect(await listDumps(dataDir)).toEqual(['lab/feed.txt', 'm-shared/profile.txt']);
  });

  it('reports a link to a folder that holds the data folder as an error, instead of reading everything again', async () => {
    copyFileSync(seed('000_80704c9de50da4f0.txt'), join(dataDir, 'a.txt'));
    symlinkSync(join(dataDir, '..'), join(dataDir, 'up'));
    const { report } = await loadCorpus(dataDir);
    expect(report.files.map((file) => file.file)).toEqual(['a.txt', 'up']);
    expect(report.files[1]?.issues.map((issue) => issue.message)).toEqual(['is a symbolic link to a folder that holds the data folder itself, which would read every dump again; remove the link']);
  });

  it('reports a link to a dump that does not exist as an error naming it, instead of skipping it', async () => {
    copyFileSync(seed('000_80704c9de50da4f0.txt'), join(dataDir, 'a.txt'));
    symlinkSync(join(elsewhere, 'gone.txt'), join(dataDir, 'gone.txt'));
    const { report } = await loadCorpus(dataDir);
    const gone = report.files.find((file) => file.file === 'gone.txt');
    expect(gone?.issues).toEqual([
      { severity: 'error', file: 'gone.txt', line: null, message: 'is a symbolic link to nothing (its target does not exist), or was deleted while the build read it; fix or remove it' },
    ]);
    expect(report.files.find((file) => file.file === 'a.txt')?.read).toBeGreaterThan(0);
  });

  it('says how to fix a data folder that does not exist', async () => {
    await expect(listDumps(join(dataDir, 'missing'))).rejects.toThrow(/does not exist; create it .* or set PAPERS_DATA_DIR/);
  });
});
