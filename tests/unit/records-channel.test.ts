import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { offeredRecords, offerRecords } from '../../src/lib/records-channel.ts';
import { seedDumps, seedSources } from '../helpers.ts';

const papers = buildCorpus(seedDumps(), { sources: seedSources() }).papers;
const never = new Promise<void>(() => {});

describe('the records channel', () => {
  it('hands the loader’s records to a listener for the same data folder, unchanged', async () => {
    const received = offeredRecords({ dataDir: 'data' }, never);
    offerRecords({ dataDir: `${process.cwd()}/data` }, papers);
    expect(await received).toEqual(papers);
  });

  it('ignores records of another data folder or other category settings, and gives up when told', async () => {
    let giveUp = () => {};
    const received = offeredRecords({ dataDir: 'data', categories: { archives: ['cs'] } }, new Promise<void>((resolve) => (giveUp = resolve)));
    offerRecords({ dataDir: 'other-data', categories: { archives: ['cs'] } }, papers);
    offerRecords({ dataDir: 'data' }, papers);
    await new Promise((resolve) => setTimeout(resolve, 50));
    giveUp();
    expect(await received).toBeNull();
  });

  it('reaches a worker thread, as the data-files worker listens from its own thread', async () => {
    const module = new URL('../../src/lib/records-channel.ts', import.meta.url).href;
    const listener = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(module)}).then(({ offeredRecords }) => {
        offeredRecords({ dataDir: 'data' }, new Promise(() => {})).then((records) => parentPort.postMessage(records.length));
        parentPort.postMessage('listening');
      });`;
    const worker = new Worker(listener, { eval: true });
    const count = new Promise<number>((resolve) => worker.on('message', (message) => message === 'listening' ? offerRecords({ dataDir: 'data' }, papers) : resolve(message as number)));
    expect(await count).toBe(papers.length);
    await worker.terminate();
  });
});
