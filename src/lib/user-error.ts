import { isMainThread } from 'node:worker_threads';

/**
 * An error about the user's data or settings, not about the code: its stack is empty, so Astro and the CLIs print
 * only its message (which says what to fix) instead of a stack trace and a source location that look like a crash.
 */
export function userError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}

/** True for an error made by userError. */
export function isUserError(error: unknown): error is Error {
  return error instanceof Error && error.stack === '';
}

/**
 * Prints a userError's message and ends the process with status 1; rethrows any other error. On a worker thread it
 * rethrows it too: the main thread reads the same settings and says so itself, once.
 */
export function exitOnUserError(error: unknown): never {
  if (!isUserError(error) || !isMainThread) throw error;
  console.error(error.message);
  process.exit(1);
}
