import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/read-data-dir.ts';
import { fixturePath } from '../helpers.ts';

describe('accounting', () => {
  it.each(['seed-data', 'hostile-data'])('every entry of every dump in %s is in a paper or reported', async (folder) => {
    const { papers, report } = await loadCorpus(fixturePath(folder));
    expect(report.files.length).toBeGreaterThan(0);
    for (const file of report.files) expect(file.made + file.merged + file.reported, file.file).toBe(file.read);
    const inPapers = papers.reduce((sum, paper) => sum + paper.sources.length, 0);
    expect(inPapers + report.summary.reported).toBe(report.summary.entries);
  });
});
