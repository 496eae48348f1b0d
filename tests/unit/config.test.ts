import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config.ts';
import { SiteConfigSchema } from '../../src/lib/schema.ts';
import { isUserError } from '../../src/lib/user-error.ts';

// The message of the error loadSiteConfig throws for these settings (it must be a user error: no stack trace).
function problemsWith(env: Record<string, string>): string {
  try {
    loadSiteConfig(env);
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('the settings', () => {
  it('refuses a SITE_URL with a path, saying which two settings to write instead', () => {
    expect(problemsWith({ SITE_URL: 'https://owner.github.io/shelf/' })).toBe(
      "Papershelf's settings cannot be used:\n  - SITE_URL \"https://owner.github.io/shelf/\" must be the address of the host only, such as https://example.org; a sub-path such as /shelf/ goes in BASE_PATH (set SITE_URL=https://owner.github.io and BASE_PATH=/shelf/)",
    );
  });

  it('takes a SITE_URL whose path is the BASE_PATH as the same site', () => {
    expect(loadSiteConfig({ SITE_URL: 'https://owner.github.io/shelf/', BASE_PATH: 'shelf' })).toMatchObject({ site: 'https://owner.github.io', base: '/shelf/' });
  });

  it('refuses a SITE_URL that is no http(s) address, and a BASE_PATH that is no plain path, naming each', () => {
    const message = problemsWith({ SITE_URL: 'example.org', BASE_PATH: 'my shelf' });
    expect(message).toContain('- SITE_URL "example.org" must be an http:// or https:// address such as https://example.org');
    expect(message).toContain('- BASE_PATH "my shelf" (read as "/my shelf/") must be a path of letters, digits');
    expect(problemsWith({ BASE_PATH: 'https://example.org/shelf' })).toContain('BASE_PATH "https://example.org/shelf"');
    expect(problemsWith({ BASE_PATH: '/shelf/?x=1' })).toContain('BASE_PATH "/shelf/?x=1"');
  });

  it('suggests no settings that would not do: none for an ftp address, a BASE_PATH already given, or a path with "."', () => {
    expect(problemsWith({ SITE_URL: 'ftp://example.org/shelf/' })).not.toContain('(set SITE_URL');
    expect(problemsWith({ SITE_URL: 'https://example.org/a/', BASE_PATH: 'b' })).not.toContain('(set SITE_URL');
    expect(problemsWith({ BASE_PATH: '/a/../b/' })).toContain('BASE_PATH "/a/../b/"');
    // A query string is no part of the site's address, even when the path is the BASE_PATH.
    expect(problemsWith({ SITE_URL: 'https://example.org/shelf/?x=1', BASE_PATH: 'shelf' })).toContain('SITE_URL "https://example.org/shelf/?x=1"');
  });

  it('normalises the slashes of a BASE_PATH', () => {
    for (const value of ['shelf', '/shelf', '//shelf//']) expect(loadSiteConfig({ BASE_PATH: value }).base).toBe('/shelf/');
    expect(loadSiteConfig({ BASE_PATH: '/a//b' }).base).toBe('/a/b/');
  });

  it('checks src/config.ts values: a title, known archives, category ids as mapping targets', () => {
    const issues = SiteConfigSchema.safeParse({ title: '  ', categories: { archives: ['cs', 'foo'], codes: { CV: 'non sense', XY: 'cs.XY' } } }).error?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['title', 'must not be empty'],
      ['categories.archives.1', '"foo" is not an arXiv archive; use archive names such as cs, math, stat, physics, astro-ph or hep-th'],
      ['categories.codes.CV', 'must be a category id such as cs.LG, math.GT or quant-ph'],
    ]);
    expect(SiteConfigSchema.parse({ categories: { archives: ['math', 'hep-th', 'astro-ph'] } }).categories.archives).toEqual(['math', 'hep-th', 'astro-ph']);
  });
});
