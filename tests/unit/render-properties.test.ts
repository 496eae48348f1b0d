import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { excerpt, renderRichText, richTextToPlain } from '../../src/lib/render/rich-text.ts';
import type { TextPiece } from '../../src/lib/search/search-options.ts';
import { snippetOf } from '../../src/scripts/search-client.ts';

// Record text made of the pieces that matter to the converters: TeX syntax, HTML syntax and hostile payloads.
const token = fc.constantFrom(
  '$', '$$', '\\', '{', '}', '[', ']', '(', ')', '\\(', '\\)', '\\[', '\\]', '~', '--', '---', '``', "''", '%', '&', '#', '_', '^',
  '\\emph', '\\textbf', '{\\em ', '\\cite', '\\citep', '\\href', '\\url', '\\htmlData', '\\includegraphics', '\\def\\a{\\a\\a}\\a', '\\rule{999em}{999em}',
  'javascript:alert(1)', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"', "'", ' onclick=', '\\Theta', 'Θ', 'x^2', ' ', ' ', 'word', 'Word',
);
const recordText = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(''));

const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'img', 'a', 'object', 'embed', 'link', 'style', 'form', 'input', 'button', 'base', 'meta', 'image', 'use', 'foreignobject']);
const FORBIDDEN_ATTRIBUTE = /^(?:on.*|href|src|xlink:href|action|formaction|srcdoc|data-.*)$/i;

function offences(html: string): string[] {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment']) => {
    if ('tagName' in node) {
      if (FORBIDDEN_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const attr of node.attrs) if (FORBIDDEN_ATTRIBUTE.test(attr.name)) found.push(`${node.tagName}[${attr.name}]`);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html));
  return found;
}

describe('LaTeX to HTML, for any record text', () => {
  it('never throws and never produces a tag, link, image or event handler', () => {
    fc.assert(
      fc.property(recordText, (text) => {
        expect(offences(renderRichText(text))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives plain text and excerpts without throwing; excerpts stay short', () => {
    fc.assert(
      fc.property(recordText, fc.integer({ min: 10, max: 200 }), (text, limit) => {
        richTextToPlain(text);
        const cut = excerpt(text, limit);
        expect(cut === text || cut.length <= limit + 1).toBe(true);
        expect(offences(renderRichText(cut))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('search snippets, for any abstract pieces and terms', () => {
  const piece = fc.oneof(
    fc.tuple(fc.string({ maxLength: 60 }), fc.constant(0 as const)),
    fc.tuple(fc.constantFrom('Θ(1/Δ^2)', 'x^2', 'n log n', 'α + β'), fc.constant(1 as const)),
  );
  it('never throw, keep formulas whole, and only quote the abstract', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(fc.constantFrom('theta', 'word', 'a', 'the', 'x'), { maxLength: 3 }), fc.integer({ min: 1, max: 50 }), (pieces, terms, words) => {
        const snippet = snippetOf(pieces as TextPiece[], new Set(terms), words);
        const source = pieces.map(([text]) => text).join('');
        const quoted = snippet.filter(([text]) => text !== '… ' && text !== ' …').map(([text]) => text).join('');
        expect(source.replace(/\s+/g, ' ')).toContain(quoted.replace(/\s+/g, ' ').trim());
        const formulas = new Set(pieces.filter(([, math]) => math === 1).map(([text]) => text));
        for (const [text, math] of snippet) if (math === 1) expect(formulas.has(text)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
