import { describe, expect, it } from 'vitest';
import { likelyTarget } from '../../src/scripts/not-found.ts';

describe('the 404 page’s suggestion', () => {
  it('leads a versioned arXiv id to the paper’s page, which has no version in its address', () => {
    expect(likelyTarget('papers/2510.15464v2/')).toEqual({ path: 'papers/2510.15464/', label: 'the page of arXiv:2510.15464' });
    expect(likelyTarget('papers/hep-th/9711200v3')).toEqual({ path: 'papers/hep-th/9711200/', label: 'the page of arXiv:hep-th/9711200' });
    // Not every name ending in v and a digit is a version: yolov3 is a word to search for.
    expect(likelyTarget('papers/yolov3/')?.path).toBe('search/?q=yolov3');
  });

  it('leads a list’s page 1 to the list’s own address', () => {
    expect(likelyTarget('categories/cs.LG/1/')).toEqual({ path: 'categories/cs.LG/', label: 'the first page of this list' });
    expect(likelyTarget('papers/page/1/')).toEqual({ path: 'papers/', label: 'the first page of this list' });
  });

  it('offers a search for the words of any other address, escaped for the query string', () => {
    expect(likelyTarget('papers/diffusion-models-for-graphs/')).toEqual({ path: 'search/?q=diffusion%20models%20for%20graphs', label: 'a search for “diffusion models for graphs”' });
    expect(likelyTarget('a&b=c/')?.path).toBe('search/?q=a%26b%3Dc');
    expect(likelyTarget('')).toBeNull();
    expect(likelyTarget('x/')).toBeNull();
  });
});
