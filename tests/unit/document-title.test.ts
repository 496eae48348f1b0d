import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE_LENGTH } from '../../src/lib/document-title.ts';
import { realPapers } from '../helpers.ts';

describe('document titles', () => {
  it('keeps every real paper title whole, followed by the site name', () => {
    const titles = realPapers().map((paper) => paper.title);
    expect(Math.max(...titles.map((title) => title.length))).toBeGreaterThan(120);
    for (const title of titles) expect(documentTitle(title, 'Papershelf')).toBe(`${title} · Papershelf`);
  });

  it('cuts only a runaway title, at a word, and keeps the site name', () => {
    const runaway = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const title = documentTitle(runaway, 'Papershelf');
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title).toMatch(/^word0 word1 .* word\d+… · Papershelf$/);
    expect(runaway.startsWith(title.replace('… · Papershelf', ''))).toBe(true);
  });
});
