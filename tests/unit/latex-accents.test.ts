import { describe, expect, it } from 'vitest';
import { decodeTextAccents, plainTextWords, toPlainText } from '../../src/lib/plain-text.ts';
import { excerpt, renderRichText, richTextToPlain } from '../../src/lib/render/rich-text.ts';
import { processTerm } from '../../src/lib/search/search-options.ts';
import { toSlug } from '../../src/lib/slug.ts';
import { readFixture } from '../helpers.ts';

interface OaiRecord {
  id: string;
  title: string;
  abstract: string;
  comments: string | null;
  authors: string;
  authors_parsed: string[][];
}

// The OAI snapshot sample keeps LaTeX as arXiv stores it; its authors_parsed is arXiv's own decoding of the authors.
const oai: OaiRecord[] = readFixture('real-arxiv/oai-snapshot-sample.jsonl')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as OaiRecord);
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const record = (id: string): OaiRecord => {
  const found = oai.find((entry) => entry.id === id);
  if (!found) throw new Error(`no record ${id} in the OAI sample`);
  return found;
};

describe('LaTeX accents outside math', () => {
  it('read as their letters in real arXiv titles and abstracts, in HTML and in plain text', () => {
    const cases: Array<[string, 'title' | 'abstract', string]> = [
      ['0704.0019', 'title', 'Gröbner'],
      ['0704.0028', 'abstract', 'Révész'],
      ['0704.0010', 'abstract', "Djoković's"],
      ['0704.0068', 'abstract', 'A. Petojević verified'],
      ['0704.0082', 'abstract', 'Schrödinger'],
      ['0704.0039', 'abstract', 'Ynduráin, using an Omnès representation'],
      ['0704.0073', 'abstract', 'Kollár'],
      ['0704.0073', 'abstract', 'Kähler'],
      ['0704.0114', 'abstract', 'Néel'],
      ['0704.0199', 'abstract', 'Bóna'],
    ];
    for (const [id, field, expected] of cases) {
      const text = clean(record(id)[field]);
      expect(richTextToPlain(text), id).toContain(expected);
      expect(renderRichText(text), id).toContain(expected.replace("'", '&#39;'));
      expect(toPlainText(text), id).toContain(expected);
    }
  });

  it('decode author lists exactly as arXiv decodes them', () => {
    const accented = oai.filter((entry) => entry.authors.includes('\\'));
    expect(accented.length).toBeGreaterThanOrEqual(8);
    let names = 0;
    for (const entry of accented) {
      const authors = clean(entry.authors);
      const plain = richTextToPlain(authors);
      const html = renderRichText(authors);
      // Only the name parts with letters beyond ASCII: arXiv also re-spaces initials ("C.-P." → "C. -P."), which is not decoding.
      for (const part of entry.authors_parsed.flatMap(([last = '', first = '']) => [last, first]).filter((part) => /[^\x00-\x7f]/.test(part))) {
        expect(plain, entry.id).toContain(part);
        expect(html, entry.id).toContain(part);
        expect(toPlainText(authors), entry.id).toContain(part);
        names++;
      }
      expect(plain, entry.id).not.toContain('\\');
    }
    expect(names).toBeGreaterThanOrEqual(10);
  });

  it('read every common spelling of an accent alike', () => {
    const spellings: Array<[string[], string]> = [
      [['G\\"odel', 'G\\"{o}del', 'G{\\"o}del', 'G\\" odel', 'G\\"{ o }del', 'G{\\"{o}}del'], 'Gödel'],
      [['Mart\\\'{\\i}nez', 'Mart\\\'\\i nez', 'Mart{\\\'\\i}nez', 'Mart\\\'{i}nez', 'Mart\\\'inez'], 'Martínez'],
      [['Fran\\c{c}ois', 'Fran\\c cois', 'Fran{\\c c}ois', 'Fran{\\c{c}}ois'], 'François'],
      [['Erd\\H{o}s', 'Erd\\H os', 'Erd{\\H o}s'], 'Erdős'],
      [['Ha\\v{s}ek', 'Ha\\v sek', 'Ha{\\v s}ek'], 'Hašek'],
      [['Nu\\~nez', 'Nu\\~{n}ez', 'Nu{\\~n}ez'], 'Nuñez'],
    ];
    for (const [forms, expected] of spellings) {
      for (const form of forms) {
        expect(richTextToPlain(form), form).toBe(expected);
        expect(renderRichText(form), form).toBe(expected);
        expect(toPlainText(form), form).toBe(expected);
        expect(decodeTextAccents(form), form).toBe(expected);
      }
    }
  });

  it('cover the text-mode accents and write each as one precomposed character where Unicode has one', () => {
    const accents: Array<[string, string]> = [
      ["\\'e", 'é'], ['\\`e', 'è'], ['\\^o', 'ô'], ['\\"u', 'ü'], ['\\~a', 'ã'], ['\\=a', 'ā'], ['\\.z', 'ż'],
      ['\\u{g}', 'ğ'], ['\\v{c}', 'č'], ['\\H{u}', 'ű'], ['\\c{s}', 'ş'], ['\\k{e}', 'ę'], ['\\r{u}', 'ů'],
      ['\\d{a}', 'ạ'], ['\\b{b}', 'ḇ'], ['\\.I', 'İ'], ['\\"{\\i}', 'ï'],
    ];
    for (const [source, letter] of accents) {
      const read = richTextToPlain(source);
      expect(read, source).toBe(letter);
      expect(read, source).toBe(read.normalize('NFC'));
      expect([...read], source).toHaveLength(1);
    }
  });

  it('write the letter commands as their letters, dropping the space that ends them as TeX does, but after the unit Å', () => {
    expect(richTextToPlain('Stra\\ss e, Bj\\o rn, {\\O}bro, H\\aa vard, C\\ae sar, c\\oe ur, \\OE uvre, \\o rsted, \\AE, \\L{}ukasz, Ko\\l odziej, Y\\i ld\\i z')).toBe(
      'Straße, Bjørn, Øbro, Håvard, Cæsar, cœur, Œuvre, ørsted, Æ, Łukasz, Kołodziej, Yıldız',
    );
    expect(richTextToPlain('a resolution of 2.5 \\AA and 3 \\AA{} or less')).toBe('a resolution of 2.5 Å and 3 Å or less');
    expect(richTextToPlain('at 2.5 \\AA resolution, in \\AA ngstr\\"om units')).toBe('at 2.5 Å resolution, in Ångström units');
  });

  it('leave commands that only begin with an accent letter alone', () => {
    expect(renderRichText('\\cite{a} \\underline{u} \\url{http://x.org} \\vspace{1mm}\\textbf{b} \\ldots \\item \\delta \\uline')).toBe(
      '<span class="citation" title="Citation: a">[a]</span> <span class="underline">u</span> http://x.org  <strong>b</strong> … \\item \\delta \\uline',
    );
    // A line break before a quote mark is not an accent, and an accent on no letter stays as written.
    expect(richTextToPlain('end\\\\"quoted" and \\"{} or \\"1')).toBe('end "quoted" and \\" or \\"1');
  });

  it('reach slugs, search words and descriptions as the letters they stand for', () => {
    const title = clean(record('0704.0019').title);
    // The slug of the LaTeX title is the slug of the same title typed with the letter.
    expect(toSlug(title, 200)).toBe(toSlug(title.replace('Gr\\"obner', 'Gröbner'), 200));
    expect(toSlug(title, 200)).toContain('-grobner-basis');
    expect(toSlug(clean(record('0704.0028').abstract), 400)).toContain('-revesz-and-sarantopoulos-');
    expect(plainTextWords(title).map(processTerm)).toContain('grobner');
    expect(plainTextWords('Erd\\H{o}s').map(processTerm)).toEqual(plainTextWords('Erdős').map(processTerm));
  });

  it('are never cut from their letter by an excerpt', () => {
    const text = `${'word '.repeat(10)}Petojevi\\' c and more words after it`;
    const limit = text.indexOf("' c") + 2;
    const cut = excerpt(text, limit);
    expect(richTextToPlain(cut)).not.toContain('\\');
    expect(cut.endsWith('…')).toBe(true);
  });
});
