import { ensureSeedSite } from '../seed-site.ts';

/** Builds the seed site once before the build tests. */
export default function setup(): void {
  ensureSeedSite();
}
