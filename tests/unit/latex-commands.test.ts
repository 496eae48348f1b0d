import { describe, expect, it } from 'vitest';
import { renderRichText, richTextToPlain } from '../../src/lib/render/rich-text.ts';
import { readFixture } from '../helpers.ts';

const abstractOf = (id: string): string => {
  const line = readFixture('real-arxiv/oai-snapshot-sample.jsonl')
    .split('\n')
    .find((entry) => entry.includes(`"id":"${id}"`));
  if (!line) throw new Error(`no record ${id} in the OAI sample`);
  return (JSON.parse(line) as { abstract: string }).abstract.replace(/\s+/g, ' ').trim();
};

describe('LaTeX commands outside math', () => {
  it('that only lay out the page vanish, leaving at most a space', () => {
    expect(richTextToPlain('one\\vspace{2mm}two \\hspace*{1em}three \\noindent four\\\\five\\\\[3pt]six \\newline seven\\label{sec:x}')).toBe(
      'one two three four five six seven',
    );
    expect(renderRichText('\\noindent We show\\/ that hy\\-phen\\-ated words join.\\@')).toBe('We show that hyphenated words join.');
  });

  it('that carry content show it readably', () => {
    expect(renderRichText('Known\\footnote{Up to a constant.} \\textsc{Bert} runs \\texttt{make\\_all} in \\mbox{one pass}, the 1\\textsuperscript{st} \\textcolor{red}{time}')).toBe(
      'Known<span class="footnote"> (Up to a constant.)</span> <span class="smallcaps">Bert</span> runs <code>make_all</code> in one pass, the 1<sup>st</sup> time',
    );
    expect(richTextToPlain('Known\\footnote{Up to a constant.} \\textsc{Bert}, the 1\\textsuperscript{st} time')).toBe('Known (Up to a constant.) Bert, the 1st time');
  });

  it('that are unknown keep their source readable: the name with its arguments, braces and all', () => {
    expect(renderRichText('\\foo{bar} and \\ce{H2O}{x} then \\opt[a]{b} \\baz done')).toBe('\\foo{bar} and \\ce{H2O}{x} then \\opt[a]{b} \\baz done');
    expect(richTextToPlain('\\foo{bar}')).toBe('\\foo{bar}');
    expect(renderRichText('\\foo{<b>bold</b>}')).toBe('\\foo{&lt;b&gt;bold&lt;/b&gt;}');
    // Inside the braces text-mode LaTeX still reads: an accent, an emphasis.
    expect(renderRichText('\\foo{G\\"odel \\emph{x}}')).toBe('\\foo{Gödel <em>x</em>}');
    // A real abstract's \cal outside math, no longer glued to its argument.
    expect(richTextToPlain(abstractOf('0704.0106'))).toContain('\\cal{O}');
  });

  it('that declare a style apply to the rest of their group, and to the group right after them', () => {
    expect(renderRichText(abstractOf('0704.0164'))).toContain('we consider <em>weakly stable</em> components');
    expect(renderRichText('{a \\bf b c} d \\em{e} f')).toBe('a <strong>b c</strong> d <em>e</em> f');
    expect(renderRichText('{\\itshape slanted} and {\\small tiny}')).toBe('<em>slanted</em> and tiny');
  });

  it('that stand for symbols keep the space after them when they start a word', () => {
    expect(richTextToPlain('a, b, \\ldots and c; \\LaTeX is fine; x\\ldots y; \\TeX{}book')).toBe('a, b, … and c; LaTeX is fine; x…y; TeXbook');
    expect(richTextToPlain('\\textless tag\\textgreater{} and \\textquotedblleft quoted\\textquotedblright{} 30\\textdegree{}C')).toBe('< tag> and “quoted” 30°C');
    expect(renderRichText('a \\textless b')).toBe('a &lt; b');
  });

});
