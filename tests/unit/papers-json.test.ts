import { describe, expect, it } from 'vitest';
import { papersJson } from '../../src/lib/papers-json.ts';
import { loadCorpus } from '../../src/lib/read-data-dir.ts';
import { safeJson } from '../../src/lib/safe-json.ts';
import { PapersJsonSchema, type Paper } from '../../src/lib/schema.ts';
import { fixturePath } from '../helpers.ts';

const documentOf = (papers: Paper[]) => safeJson({ schemaVersion: 1, count: papers.length, papers }, 2);

describe('papers.json', () => {
  it.each(['seed-data', 'hostile-data'])('is the whole document written at once, byte for byte, for the records of %s', async (folder) => {
    const { papers } = await loadCorpus(fixturePath(folder));
    expect(papers.length).toBeGreaterThan(0);
    expect(papersJson(papers)).toBe(documentOf(papers));
    // A record's JSON is reused by every document it is in: a later, shorter list still comes out right.
    const some = papers.filter((_, position) => position % 3 === 1);
    expect(papersJson(some)).toBe(documentOf(some));
    expect(PapersJsonSchema.parse(JSON.parse(papersJson(some))).papers).toEqual(some);
  });

  it('writes an empty list as JSON.stringify does', () => {
    expect(papersJson([])).toBe(documentOf([]));
  });

  it('keeps record text from looking like markup', async () => {
    const { papers } = await loadCorpus(fixturePath('hostile-data'));
    expect(papersJson(papers)).not.toMatch(/[<>]/);
  });
});
