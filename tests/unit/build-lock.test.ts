import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseLock, tryTakeLock } from '../build/build-site.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function lockPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'papershelf-lock-'));
  folders.push(folder);
  return join(folder, 'output', '.build-lock');
}

// A pid that has certainly exited: a child that ran and was waited for.
function exitedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the build lock the build tests and benchmarks share', () => {
  it('is taken once, names its owner, and is refused while the owner runs', () => {
    const lock = lockPath();
    expect(tryTakeLock(lock)).toBe(true);
    expect(readFileSync(join(lock, 'owner'), 'utf8')).toBe(String(process.pid));
    expect(tryTakeLock(lock)).toBe(false);
    expect(tryTakeLock(lock)).toBe(false);
  });

  it('is broken at once when its owner has exited, as a killed run leaves it', () => {
    const lock = lockPath();
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'owner'), String(exitedPid()));
    expect(tryTakeLock(lock)).toBe(false);
    expect(tryTakeLock(lock)).toBe(true);
  });

  it('keeps a lock whose owner runs, however old, and is given back only by its owner', () => {
    const lock = lockPath();
    mkdirSync(lock, { recursive: true });
    // Another live process: this test's parent.
    writeFileSync(join(lock, 'owner'), String(process.ppid));
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(lock, hourAgo, hourAgo);
    expect(tryTakeLock(lock)).toBe(false);
    releaseLock(lock);
    expect(tryTakeLock(lock)).toBe(false);
    writeFileSync(join(lock, 'owner'), String(process.pid));
    releaseLock(lock);
    expect(tryTakeLock(lock)).toBe(true);
  });

  it('waits for a lock without an owner until it is ten minutes old', () => {
    const lock = lockPath();
    mkdirSync(lock, { recursive: true });
    expect(tryTakeLock(lock)).toBe(false);
    const eleventhMinute = new Date(Date.now() - 11 * 60_000);
    utimesSync(lock, eleventhMinute, eleventhMinute);
    expect(tryTakeLock(lock)).toBe(false);
    expect(tryTakeLock(lock)).toBe(true);
  });
});
