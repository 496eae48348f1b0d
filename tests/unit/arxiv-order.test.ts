import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareArxivIds } from '../../src/lib/arxiv-order.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { seedDumps, seedSources } from '../helpers.ts';

describe('paper order', () => {
  it('orders arXiv ids by submission: month, then number, old style before new', () => {
    const ids = ['2503.12045', 'hep-th/9711200', '2503.9999', '0704.0001', 'math/0601001', '1501.00001', '2503.12009'];
    expect([...ids].sort(compareArxivIds)).toEqual(['hep-th/9711200', 'math/0601001', '0704.0001', '1501.00001', '2503.9999', '2503.12009', '2503.12045']);
  });

  it('sorts any ids consistently, and is antisymmetric', () => {
    const id = fc.oneof(
      fc.tuple(fc.integer({ min: 7, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99999 })).map(([y, m, n]) => `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}.${String(n).padStart(5, '0')}`),
      fc.tuple(fc.constantFrom('hep-th', 'math', 'cs'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 999 })).map(([a, y, n]) => `${a}/${String(y).padStart(2, '0')}01${String(n).padStart(3, '0')}`),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 3, maxLength: 8 }), (ids) => {
        const sorted = [...ids].sort(compareArxivIds);
        for (let i = 1; i < sorted.length; i++) expect(compareArxivIds(sorted[i - 1] ?? '', sorted[i] ?? '')).toBeLessThanOrEqual(0);
        for (const a of ids) for (const b of ids) expect(Math.sign(compareArxivIds(a, b)) + Math.sign(compareArxivIds(b, a))).toBe(0);
      }),
    );
  });

  it('lists the later submission of a day first, as arXiv does (2503.12045 before 2503.12009)', () => {
    const { papers } = buildCorpus(seedDumps(), { sources: seedSources() });
    const sameDay = papers.filter((paper) => paper.published === '2025-03-15').map((paper) => paper.id);
    expect(sameDay).toEqual(['2503.12045', '2503.12009']);
  });
});
