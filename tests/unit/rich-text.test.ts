import { describe, expect, it } from 'vitest';
import { toBibtex, bibtexName } from '../../src/lib/bibtex.ts';
import { excerpt, hasMath, renderRichText, richTextToPlain, splitMath } from '../../src/lib/render/rich-text.ts';
import { renderTex } from '../../src/lib/render/tex.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { seedDumps, seedSources } from '../helpers.ts';


describe('math segments', () => {
  it('finds inline and display math and leaves escaped or unclosed dollars as text', () => {
    expect(splitMath('a $x$ b $$y$$ c \\(z\\) d \\[w\\] e').filter((segment) => segment.kind === 'math').map((segment) => [segment.kind === 'math' && segment.tex, segment.kind === 'math' && segment.display])).toEqual([
      ['x', false], ['y', true], ['z', false], ['w', true],
    ]);
    expect(splitMath('costs \\$5 and $10, not $ math')).toEqual([{ kind: 'text', text: 'costs \\$5 and $10, not $ math' }]);
  });

  it('renders math with KaTeX, Unicode included', () => {
    for (const tex of ['\\Theta(1/\\Delta^2)', 'Θ(1/Δ^2)', 'l_0']) {
      const result = renderTex(tex);
      expect(result.ok, tex).toBe(true);
      if (result.ok) expect(result.html).toContain('class="katex"');
    }
  });

  it('falls back to escaped source for broken or disallowed math and reports it', () => {
    const errors: string[] = [];
    const html = renderRichText('ok $\\frac{1}{$ and $\\href{javascript:alert(1)}{x}$ and $<b>$', (_error, source) => errors.push(source));
    expect(errors).toEqual(['$\\frac{1}{$', '$\\href{javascript:alert(1)}{x}$']);
    expect(html).toContain('<span class="tex-source">$\\frac{1}{$</span>');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<b>');
  });

  it('bounds what hostile math can do: no huge rules, no macro bombs', () => {
    const rule = renderTex('\\rule{999em}{999em}');
    expect(rule.ok && /width:\s*999em/.test(rule.html)).toBe(false);
    expect(renderTex('\\def\\a{\\a\\a}\\a').ok).toBe(false);
    expect(renderTex('\\def\\x{y}\\x').ok).toBe(true);
    // A macro defined in one formula does not leak into the next.
    const second = renderTex('\\x');
    expect(second.ok && second.html.includes('>y<')).toBe(false);
  });

  it('renders a formula seen before to the same HTML, inline and display apart', () => {
    const first = renderTex('\\Theta(1/\\Delta^2)');
    expect(renderTex('\\Theta(1/\\Delta^2)')).toEqual(first);
    const display = renderTex('\\Theta(1/\\Delta^2)', true);
    expect(display.ok && display.html.includes('katex-display')).toBe(true);
    expect(first.ok && first.html.includes('katex-display')).toBe(false);
    // A cached \def stays inside its own formula.
    expect(renderTex('\\def\\x{y}\\x').ok).toBe(true);
    const after = renderTex('\\x');
    expect(after.ok && after.html.includes('>y<')).toBe(false);
  });
});

describe('text-mode LaTeX', () => {
  it('becomes readable HTML', () => {
    expect(renderRichText('{\\em new} \\emph{old} \\textit{it} \\textbf{bold} 10\\% R\\&D costs \\$5 a~b 1--2 yes---no')).toBe(
      '<em>new</em> <em>old</em> <em>it</em> <strong>bold</strong> 10% R&amp;D costs $5 a\u00a0b 1–2 yes—no',
    );
  });
  it('shows citations as markers, never raw TeX', () => {
    expect(renderRichText('as shown \\citep{smith2020,doe21} and \\cite[p.~3]{x}')).toBe(
      'as shown <span class="citation" title="Citation: smith2020,doe21">[smith2020, doe21]</span> and <span class="citation" title="Citation: x">[x]</span>',
    );
  });
  it('escapes everything else', () => {
    expect(renderRichText('<script>alert(1)</script> "quotes" & \'apostrophes\'')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; &#39;apostrophes&#39;');
    expect(renderRichText('\\href{javascript:alert(1)}{click}')).toBe('click');
  });
  it('survives 20,000 nested braces quickly', () => {
    const started = performance.now();
    const html = renderRichText(`${'{'.repeat(20_000)}x${'}'.repeat(20_000)}`);
    expect(html).toContain('x');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('plain text and excerpts', () => {
  it('gives readable plain text of titles with math', () => {
    expect(richTextToPlain('$p$-adic Limit of $\\Theta(1/\\Delta^2)$ \\emph{Forms}')).toBe('p-adic Limit of Θ(1/Δ²) Forms');
  });
  it('cuts excerpts between words, never inside math or braces', () => {
    const text = `${'word '.repeat(50)}$\\alpha + \\beta + \\gamma$ and \\emph{emphasised words here} ${'more '.repeat(50)}`;
    for (const limit of [240, 255, 262, 270, 290]) {
      const cut = excerpt(text, limit);
      expect(cut.endsWith('…')).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(limit + 1);
      expect(splitMath(cut).filter((segment) => segment.kind === 'math').every((segment) => segment.kind === 'math' && segment.tex.includes('gamma'))).toBe(true);
      expect((cut.match(/\{/g) ?? []).length).toBe((cut.match(/\}/g) ?? []).length);
    }
    expect(hasMath('no math, costs $5')).toBe(false);
  });
});

describe('BibTeX', () => {
  const papers = buildCorpus(seedDumps(), { sources: seedSources() }).papers;
  it('writes arXiv-style entries with "Last, First" names and "others" for et al.', () => {
    const daved = papers.find((paper) => paper.title?.startsWith('DAVED'));
    expect(daved && toBibtex(daved)).toBe(
      [
        '@misc{lu2024daved,',
        '  title = {DAVED: Data Acquisition via Experimental Design for Data Markets},',
        '  author = {Lu, Charles and Huang, Baihe and Karimireddy, Sai Praneeth and others},',
        '  year = {2024},',
        '}',
      ].join('\n'),
    );
    const withId = papers.find((paper) => paper.arxivId === '2503.01253');
    expect(withId && toBibtex(withId)).toContain('eprint = {2503.01253},\n  archivePrefix = {arXiv},');
  });
  it('invents no title for a paper no listing gave one and says so in a comment outside the entry', () => {
    const untitled = papers.find((paper) => paper.title === null && paper.arxivId !== null && paper.authors.length === 0);
    expect(untitled).toBeDefined();
    if (!untitled) return;
    const entry = toBibtex(untitled);
    expect(entry).not.toMatch(/^\s*(title|author) = /m);
    expect(entry).toContain(`eprint = {${untitled.arxivId}},`);
    expect(entry.startsWith('% The listings this entry was made from give no title and no authors.\n@misc{')).toBe(true);
    expect(entry).not.toContain('note = ');
  });
  it('keeps particles with the surname', () => {
    expect(bibtexName('Aäron van den Oord')).toBe('van den Oord, Aäron');
    expect(bibtexName('Martin Luther King Jr.')).toBe('King, Jr., Martin Luther');
    expect(bibtexName('OpenAI')).toBe('{OpenAI}');
  });
});

describe('excerpts that end with a sentence', () => {
  it('put the ellipsis in the place of a full stop or three dots, and keep a question mark', () => {
    const sentences = 'We study the problem. We show that it is hard. We also give an algorithm for it that is fast.';
    expect(excerpt(sentences, 47)).toBe('We study the problem. We show that it is hard…');
    expect(excerpt('Is it hard? We show that it is, and give an algorithm for it that is fast.', 12)).toBe('Is it hard?…');
    expect(excerpt('It is hard... We show that it is, and give an algorithm for it that is fast.', 14)).toBe('It is hard…');
  });
});
