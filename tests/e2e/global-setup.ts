import type { TestProject } from 'vitest/node';
import { ensureSeedSite } from '../seed-site.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the seed site served on localhost, ending in "/". */
    seedSiteUrl: string;
  }
}

/** Builds the seed site (once per run) and serves it for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await serveStatic(ensureSeedSite());
  project.provide('seedSiteUrl', server.url);
  return () => server.close();
}
