import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import type { CategoryPreference } from './categories.ts';
import type { Paper } from './schema.ts';

/**
 * Hands the records the content loader built to the data-files worker of the same `astro build`, so the
 * dumps are parsed and merged once per build instead of twice. Only a shortcut: a worker that hears nothing
 * builds the same records itself, so what the site contains never depends on the message arriving.
 */

const CHANNEL = 'papershelf:records';

/** Which records a message carries: the same data folder and category settings give the same records. */
export interface RecordsKey {
  dataDir: string;
  categories?: CategoryPreference | undefined;
}

interface RecordsMessage {
  key: string;
  papers: readonly Paper[];
}

function keyOf({ dataDir, categories }: RecordsKey): string {
  return JSON.stringify([resolve(dataDir), categories ?? {}]);
}

/** Offers validated records to any worker of this process that listens for them (none does in `astro dev`). */
export function offerRecords(key: RecordsKey, papers: readonly Paper[]): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ key: keyOf(key), papers } satisfies RecordsMessage);
  channel.close();
}

/** Records offered for `key`, or null when `giveUp` settles first; listens from the moment it is called. */
export function offeredRecords(key: RecordsKey, giveUp: Promise<unknown>): Promise<readonly Paper[] | null> {
  const channel = new BroadcastChannel(CHANNEL);
  const wanted = keyOf(key);
  return new Promise<readonly Paper[] | null>((settle) => {
    channel.onmessage = (event) => {
      const message = (event as { data: RecordsMessage }).data;
      if (message.key === wanted) settle(message.papers);
    };
    giveUp.then(
      () => settle(null),
      () => settle(null),
    );
  }).finally(() => channel.close());
}
