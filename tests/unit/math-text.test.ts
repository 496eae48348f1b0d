import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { texMathToUnicode, texSourceToUnicode } from '../../src/lib/render/math-text.ts';
import { richTextToPlain, splitMath } from '../../src/lib/render/rich-text.ts';
import { seedDumps, seedSources } from '../helpers.ts';

const papers = buildCorpus(seedDumps(), { sources: seedSources() }).papers;
const seedFormulas = [...new Set(papers.flatMap((paper) => [paper.title ?? '', paper.abstract ?? '']).flatMap((text) => splitMath(text).flatMap((segment) => (segment.kind === 'math' ? [segment.tex] : []))))];

describe('formulas as plain text', () => {
  it('reads the seed abstracts’ arrows and relations as their characters, spaced as operators', () => {
    const reversal = papers.find((paper) => paper.abstract?.includes('$B \\gets A$'));
    expect(reversal).toBeDefined();
    const plain = richTextToPlain(reversal?.abstract ?? '');
    expect(plain).toContain("'A → B'");
    expect(plain).toContain("'B ← A'");
    expect(plain).not.toMatch(/\bgets\b/);
    expect(texMathToUnicode('\\Delta < 1')).toBe('Δ < 1');
    expect(texMathToUnicode('Δ< 1')).toBe('Δ < 1');
  });

  it('writes scripts, fractions, roots and accents the way they read', () => {
    expect(texMathToUnicode('\\Theta(h^{-1} \\log (1/h))')).toBe('Θ(h⁻¹ log(1/h))');
    expect(texMathToUnicode('O(h^{-2})')).toBe('O(h⁻²)');
    expect(texMathToUnicode('l_\\infty')).toBe('l_∞');
    expect(texMathToUnicode('\\frac{1}{\\sqrt{n}}')).toBe('1/√n');
    expect(texMathToUnicode('\\frac{a+b}{c}')).toBe('(a + b)/c');
    expect(texMathToUnicode('\\sum_{i=1}^n x_i')).toBe('∑ᵢ₌₁ⁿ xᵢ');
    expect(texMathToUnicode('2^{n/2}')).toBe('2^(n/2)');
    expect(texMathToUnicode('\\tilde{O}(\\sqrt{T})')).toBe('Õ(√T)');
    expect(texMathToUnicode('\\mathbb{R}^d')).toBe('ℝᵈ');
    expect(texMathToUnicode('\\{1,\\dots,n\\}')).toBe('{1, …, n}');
    expect(texMathToUnicode('a(-b) - c')).toBe('a(−b) − c');
  });

  it('reads a binomial coefficient as "n choose k", not as a product', () => {
    expect(texMathToUnicode('\\binom{n}{k}')).toBe('(n choose k)');
    expect(texMathToUnicode('\\binom{n}{2}^{-1}')).toBe('(n choose 2)⁻¹');
  });

  it('tells a sign from a minus: after a relation, a comma or a bracket it joins its number', () => {
    expect(texMathToUnicode('x = -1')).toBe('x = −1');
    expect(texMathToUnicode('x \\leq -1')).toBe('x ≤ −1');
    expect(texMathToUnicode('\\{-1,+1\\}')).toBe('{−1, +1}');
    expect(texMathToUnicode('1-\\delta')).toBe('1 − δ');
  });

  it('keeps a fraction or root apart from what follows, and brackets it under a script', () => {
    expect(texMathToUnicode('\\frac{a}{b}c')).toBe('a/b c');
    expect(texMathToUnicode('\\sqrt{2}n')).toBe('√2 n');
    expect(texMathToUnicode('\\frac{a}{b}^2')).toBe('(a/b)²');
    expect(texMathToUnicode('\\frac{(a)+(b)}{c}')).toBe('((a) + (b))/c');
  });

  it('spaces function names as words, with their limits, and joins their brackets', () => {
    expect(texMathToUnicode('\\max_x f(x)')).toBe('maxₓ f(x)');
    expect(texMathToUnicode('\\log^2 n')).toBe('log² n');
    expect(texMathToUnicode('\\operatorname{poly}(n)')).toBe('poly(n)');
    expect(texMathToUnicode('\\Pr[\\cdot]')).toBe('Pr[⋅]');
    expect(texMathToUnicode('\\{x \\mid x > 0\\}')).toBe('{x | x > 0}');
  });

  it('drops marks stretched over or under a group and keeps marks that follow a letter', () => {
    expect(texMathToUnicode('\\underline{x}')).toBe('x');
    expect(texMathToUnicode('\\overline{AB}')).toBe('AB');
    expect(texMathToUnicode('x^*')).toBe('x∗');
    expect(texMathToUnicode('A^\\dagger')).toBe('A†');
    expect(texMathToUnicode('\\mathbb{E}[X]')).toBe('𝔼[X]');
    expect(texMathToUnicode('a\\!b')).toBe('ab');
  });

  it('leaves no TeX command, brace or MathML in any seed formula', () => {
    expect(seedFormulas.length).toBeGreaterThan(20);
    for (const tex of seedFormulas) {
      const plain = texMathToUnicode(tex);
      expect(plain, tex).not.toMatch(/\\[A-Za-z]|[{}]|<\/?m[a-z]+|&[a-z]+;|[\u0000-\u001f\u2061-\u2064]/);
      expect(plain.trim(), tex).toBe(plain);
    }
  });

  it('reads a formula KaTeX cannot render from its source', () => {
    expect(texMathToUnicode('\\frac{1}{')).toBe('1');
    expect(texMathToUnicode('\\ce{H_2O} \\gets x')).toBe('H_2O ← x');
    expect(texSourceToUnicode('\\Theta(1/\\Delta^2) \\gets x')).toBe('Θ(1/Δ^2) ← x');
  });
});
