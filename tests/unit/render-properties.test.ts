import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { decodeTextAccents, plainWords, toPlainText } from '../../src/lib/plain-text.ts';
import { excerpt, renderRichText, richTextToPlain } from '../../src/lib/render/rich-text.ts';
import type { TextPiece } from '../../src/lib/search/search-options.ts';
import { snippetOf } from '../../src/scripts/search-client.ts';

// Record text made of the pieces that matter to the converters: TeX syntax, HTML syntax and hostile payloads.
const token = fc.constantFrom(
  '$', '$$', '\\', '{', '}', '[', ']', '(', ')', '\\(', '\\)', '\\[', '\\]', '~', '--', '---', '``', "''", '%', '&', '#', '_', '^',
  '\\emph', '\\textbf', '{\\em ', '\\cite', '\\citep', '\\href', '\\url', '\\htmlData', '\\includegraphics', '\\def\\a{\\a\\a}\\a', '\\rule{999em}{999em}',
  'javascript:alert(1)', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"', "'", ' onclick=', '\\Theta', 'Θ', 'x^2', ' ', ' ', 'word', 'Word',
  // Accents, layout and unknown commands, and URLs.
  '\\"', "\\'", '\\H', '\\c', '\\v', '\\i', '\\ss', '\\o', '\\AA', 'o', 'e', '\\footnote', '\\vspace', '\\foo', '\\texttt',
  'https://', 'http://x.org/~a', 'www.', 'x.org', '/--', '.', ',', '\\_', '\\~{}',
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

// Every <a> of the markup and what is wrong with it: an attribute besides href and rel, a target that is not http(s), a link inside a link.
function linkOffences(html: string): string[] {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'], insideLink: boolean) => {
    const isLink = 'tagName' in node && node.tagName === 'a';
    if ('tagName' in node && isLink) {
      if (insideLink) found.push('nested <a>');
      const attributes = Object.fromEntries(node.attrs.map((attr) => [attr.name, attr.value]));
      if (Object.keys(attributes).sort().join() !== 'href,rel' || attributes.rel !== 'external nofollow') found.push(`a[${Object.keys(attributes).join()}]`);
      let protocol = '';
      try {
        protocol = new URL(attributes.href ?? '').protocol;
      } catch {
        protocol = 'unparsable';
      }
      if (protocol !== 'http:' && protocol !== 'https:') found.push(`a[href=${attributes.href}]`);
    } else if ('tagName' in node) {
      if (FORBIDDEN_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const attr of node.attrs) if (FORBIDDEN_ATTRIBUTE.test(attr.name)) found.push(`${node.tagName}[${attr.name}]`);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child, insideLink || isLink);
  };
  visit(parseFragment(html), false);
  return found;
}

describe('links in abstracts and comments, for any record text', () => {
  it('are the only markup added: http(s) targets, no other attribute, never nested', () => {
    fc.assert(
      fc.property(recordText, (text) => {
        expect(linkOffences(renderRichText(text, undefined, { links: true }))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keep any URL verbatim, in the link and in plain text, with the punctuation after it left out', () => {
    const segment = fc.stringMatching(/^[a-z0-9~_-]{1,8}$/);
    const url = fc
      .tuple(fc.constantFrom('https://', 'http://'), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}\.[a-z]{2,4}$/), fc.array(segment, { maxLength: 4 }), fc.boolean())
      .map(([scheme, host, path, slash]) => `${scheme}${host}${path.map((part) => `/${part}`).join('')}${slash ? '/' : ''}`)
      // Punctuation at its end would be read as the sentence's; a URL written by hand would not end so either.
      .filter((written) => /[a-z0-9/_-]$/.test(written));
    const before = fc.constantFrom('', 'see ', 'at~', '(', '{\\em code: ', 'Gr\\"obner -- ');
    const after = fc.constantFrom('', '.', ',', ').', ';', ' and more', '} rest', "''");
    fc.assert(
      fc.property(before, url, after, (head, written, tail) => {
        const text = `${head}${written}${tail}`;
        const html = renderRichText(text, undefined, { links: true });
        const anchor = /<a href="([^"]*)" rel="external nofollow">([^<]*)<\/a>/.exec(html);
        expect(anchor?.[2], text).toBe(written);
        expect(new URL((anchor?.[1] ?? '').replaceAll('&amp;', '&')).href).toBe(new URL(written).href);
        expect(richTextToPlain(text)).toContain(written);
        expect(renderRichText(text)).toContain(written);
      }),
      { numRuns: 400 },
    );
  });
});

describe('LaTeX accents, in every spelling on every letter', () => {
  const SYMBOL_ACCENTS = ["'", '`', '^', '"', '~', '=', '.'];
  const LETTER_ACCENTS = ['u', 'v', 'H', 'c', 'k', 'r', 'd', 'b'];
  const accent = fc.constantFrom(...SYMBOL_ACCENTS, ...LETTER_ACCENTS);
  const letter = fc.constantFrom(...'aceginorsuzACEGINORSUZ', '\\i', '\\j');
  // The ways authors write one accented letter: `\"o`, `\"{o}`, `{\"o}`, `\" o`, `{\"{o}}`; a letter-named accent needs the space or braces.
  const spellings = (name: string, base: string): string[] => {
    const symbol = SYMBOL_ACCENTS.includes(name);
    // After `\i` a space ends the command name, and TeX drops it.
    const end = base.startsWith('\\') ? ' ' : '';
    const bare = symbol ? `\\${name}${base}${end}` : `\\${name} ${base}${end}`;
    return [bare, `\\${name}{${base}}`, `{${bare}}`, `\\${name} {${base}}`, `{\\${name}{${base}}}`, ...(symbol ? [`\\${name} ${base}${end}`] : [])];
  };

  it('never leave a backslash, and read as the letter with its one mark (NFC), whatever the spelling', () => {
    fc.assert(
      fc.property(accent, letter, fc.constantFrom('', 'Gr', 'x '), fc.constantFrom('', 'bner', ' y'), (name, base, head, tail) => {
        const readings = spellings(name, base).flatMap((spelling) => {
          const text = `${head}${spelling}${tail}`;
          return [richTextToPlain(text), renderRichText(text), toPlainText(text), decodeTextAccents(text)];
        });
        for (const reading of readings) {
          expect(reading).not.toContain('\\');
          expect(reading).toBe(reading.normalize('NFC'));
        }
        // All spellings read alike, and the accented letter is its base letter and one combining mark.
        expect(new Set(readings).size).toBe(1);
        const read = readings[0] ?? '';
        const accented = [...read.slice(head.length, read.length - tail.length).normalize('NFD')];
        expect(accented[0]).toBe(base.replace('\\', ''));
        expect(accented.slice(1).map((mark) => /\p{M}/u.test(mark))).toEqual([true]);
      }),
      { numRuns: 500 },
    );
  });

  it('read alike in the page text and in the search words', () => {
    const piece = fc.oneof(
      fc.tuple(accent, letter).map(([name, base]) => spellings(name, base)[1] ?? ''),
      // Letter commands ended as TeX needs, so that no letters after them make another command's name.
      fc.constantFrom('\\ss{}', '\\o{}', '\\AA{}', '{\\O}', '\\l ', '\\ae{}', 'word', 'Gr', 'bner', ' ', ' ', ', ', '-'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const fold = (value: string) => plainWords(value).join(' ');
        // plainWords of already-plain text: the words the search index and the page agree on.
        expect(fold(toPlainText(text))).toBe(fold(richTextToPlain(text)));
      }),
      { numRuns: 400 },
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
