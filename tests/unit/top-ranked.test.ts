import { describe, expect, it } from 'vitest';
import { tieNote, topRanked } from '../../src/lib/top-ranked.ts';

const counts = (values: number[]) => values.map((count, index) => ({ name: `item-${index}`, count }));
const byCount = (item: { count: number }) => item.count;

describe('ranking the most frequent', () => {
  it('counts the items cut off in the tie the cut falls in', () => {
    const ranked = topRanked(counts([9, 7, 5, 5, 5, 5, 2]), 3, byCount);
    expect(ranked.shown.map(byCount)).toEqual([9, 7, 5]);
    expect([ranked.tiedBeyond, ranked.tiedCount]).toEqual([3, 5]);
    expect(tieNote(ranked, 'author')).toBe('and 3 more authors with 5 papers each');
  });

  it('says nothing when the cut falls between two counts, or nothing is cut', () => {
    expect(tieNote(topRanked(counts([9, 7, 5, 2]), 3, byCount), 'author')).toBeNull();
    expect(tieNote(topRanked(counts([4, 4]), 3, byCount), 'author')).toBeNull();
    expect(topRanked([], 3, byCount)).toEqual({ shown: [], tiedBeyond: 0, tiedCount: 0 });
  });

  it('words a single left-out item and a single paper in the singular', () => {
    expect(tieNote(topRanked(counts([3, 1, 1]), 2, byCount), 'category', 'categories')).toBe('and 1 more category with 1 paper');
    expect(tieNote(topRanked(counts([1, 1, 1]), 1, byCount), 'category', 'categories')).toBe('and 2 more categories with 1 paper each');
  });
});
