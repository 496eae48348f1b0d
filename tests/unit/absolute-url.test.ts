import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config.ts';
import { absoluteUrl } from '../../src/lib/absolute-url.ts';
import { href } from '../../src/lib/url.ts';

describe('absolute URLs', () => {
  it('resolve every site path exactly as URL parsing does, plain paths and odd ones alike', () => {
    const pathPart = fc.constantFrom('papers/', 'hep-th/9711200/', '2510.15464/', 'authors/jan-koutnik/', '.', '..', './', '../', '.hidden/', '%41', ' ', 'ü', '?q=1', '#top', '//', '\\', 'a..b/', '~x', 'feed.xml');
    const path = fc.array(pathPart, { maxLength: 6 }).map((parts) => parts.join(''));
    // An href URL parsing rejects ("/\\" reads as an empty host) must still be rejected.
    const outcome = (make: () => string) => {
      try {
        return make();
      } catch (error) {
        return error instanceof TypeError ? 'TypeError' : 'other error';
      }
    };
    fc.assert(fc.property(path, (text) => outcome(() => absoluteUrl(text)) === outcome(() => new URL(href(text), siteConfig.site).href)), { numRuns: 3000 });
  });

  it('gives the canonical form of a plain page path', () => {
    expect(absoluteUrl('papers/hep-th/9711200/')).toBe(new URL('/papers/hep-th/9711200/', siteConfig.site).href);
    expect(absoluteUrl()).toBe(`${new URL(siteConfig.site).origin}/`);
  });

  it('checks a long path that is not plain in linear time', () => {
    const path = `${'a/a.'.repeat(20_000)}?`;
    // A backtracking pattern never returns here (the first version of the check did not), so the test times out.
    expect(absoluteUrl(path)).toBe(new URL(href(path), siteConfig.site).href);
  });
});
