import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the seed site is built for the build tests. */
export const SEED_SITE = fileURLToPath(new URL('../output/seed-site/', import.meta.url));
// Astro keeps its content cache in the project, so test builds from different test files take turns.
const LOCK = fileURLToPath(new URL('../output/.build-lock', import.meta.url));

/** Result of one `astro build`. */
export interface BuildResult {
  status: number | null;
  output: string;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Whether a process is still running (signal 0 only checks; EPERM means it runs as another user).
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// The pid in a lock's owner file; null while the taker has not written it yet (or a run before owners wrote none).
function lockOwner(lock: string): number | null {
  try {
    const pid = Number(readFileSync(join(lock, 'owner'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// An abandoned lock is moved aside before it is deleted: of several takers that find it abandoned at once, one
// moves it and the others' moves fail, so none deletes a lock taken meanwhile. `owner` is the one seen (or null).
function breakAbandonedLock(lock: string, owner: number | null): void {
  const aside = `${lock}.abandoned-${process.pid}-${randomUUID()}`;
  try {
    renameSync(lock, aside);
  } catch {
    return;
  }
  if (lockOwner(aside) === owner) return rmSync(aside, { recursive: true, force: true });
  // Taken again between the check and the move: put it back for that taker.
  try {
    renameSync(aside, lock);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
}

/**
 * One attempt at a lock directory; the taker's pid goes in its `owner` file. A lock whose owner has exited (a
 * killed test run or benchmark) is broken at once; one without an owner only after ten minutes.
 */
export function tryTakeLock(lock: string): boolean {
  mkdirSync(dirname(lock), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    const owner = lockOwner(lock);
    const held = statSync(lock, { throwIfNoEntry: false });
    const abandoned = owner !== null ? !isRunning(owner) : held !== undefined && Date.now() - held.mtimeMs > 600_000;
    if (abandoned) breakAbandonedLock(lock, owner);
    return false;
  }
  // Written aside and renamed in, so that a reader never sees half a pid.
  const draft = join(lock, `owner.${randomUUID()}`);
  writeFileSync(draft, String(process.pid));
  renameSync(draft, join(lock, 'owner'));
  return true;
}

/** Gives a lock back, unless it is no longer this process's (broken as abandoned and taken by another). */
export function releaseLock(lock: string): void {
  if (lockOwner(lock) === process.pid) rmSync(lock, { recursive: true, force: true });
}

function withBuildLock<T>(run: () => T): T {
  while (!tryTakeLock(LOCK)) sleep(200);
  try {
    return run();
  } finally {
    releaseLock(LOCK);
  }
}

/** Runs `task` holding the lock every build of the project takes (they share Astro's content cache); waits without blocking. */
export async function withProjectBuildLock<T>(task: () => Promise<T>): Promise<T> {
  while (!tryTakeLock(LOCK)) await new Promise((resolve) => setTimeout(resolve, 200));
  try {
    return await task();
  } finally {
    releaseLock(LOCK);
  }
}

// Vitest puts Vite's import.meta.env values (BASE_URL, MODE, …) into process.env; a child build must not inherit them.
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete inherited[name];
  for (const name of Object.keys(inherited)) if (name.startsWith('VITEST')) delete inherited[name];
  return inherited;
}

/** How a site is built: as `npm run build` runs it (the dumps' parse started before Astro), or plain `astro build`. */
export type BuildCommand = 'npm run build' | 'astro build';

// The preload `npm run build` gives Node (package.json).
const PARSE_EARLY = fileURLToPath(new URL('../../src/cli/parse-early.ts', import.meta.url));

/** Builds the site into outDir with extra environment (PAPERS_DATA_DIR, BASE_PATH, …) on the pinned Node. */
export function buildSite(outDir: string, env: Record<string, string> = {}, timeoutMs = 600_000, command: BuildCommand = 'npm run build'): BuildResult {
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  const preload = command === 'npm run build' ? ['--import', PARSE_EARLY] : [];
  return withBuildLock(() => {
    const result = spawnSync(process.execPath, [...preload, astro, 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...cleanEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
      encoding: 'utf8',
      // A build that hangs (as one did when the data-files worker failed early) fails the test instead of CI.
      timeout: timeoutMs,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}` };
  });
}
