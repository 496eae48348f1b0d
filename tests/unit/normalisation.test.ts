import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryName, createCategoryResolver } from '../../src/lib/categories.ts';
import { findCodeUrl } from '../../src/lib/code-url.ts';
import { resolveYearlessDate } from '../../src/lib/dates.ts';
import { decodeDump } from '../../src/lib/decode.ts';
import { plainWords, toPlainText } from '../../src/lib/plain-text.ts';
import { computeSlug, slowSlug, toSlug } from '../../src/lib/slug.ts';
import { ARXIV_CATEGORIES } from '../../src/lib/taxonomy.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { cleanText } from '../../src/lib/text.ts';
import { realPapers } from '../helpers.ts';

// Two real abstracts (tests/fixtures/real-arxiv).
const [REAL_ABSTRACT = '', OTHER_ABSTRACT = ''] = realPapers().map((paper) => paper.abstract);

describe('categories', () => {
  const resolve = createCategoryResolver();
  it('maps subject codes to arXiv ids, preferring cs, then stat, eess, math, physics', () => {
    expect(['LG', 'AS', 'ML', 'OC', 'quant-ph', 'GT', 'CV', 'SY', 'hep-th', 'cs.LG', 'optics'].map((code) => resolve(code).id)).toEqual([
      'cs.LG', 'eess.AS', 'stat.ML', 'math.OC', 'quant-ph', 'cs.GT', 'cs.CV', 'cs.SY', 'hep-th', 'cs.LG', 'physics.optics',
    ]);
    expect(categoryName('eess.AS')).toBe('Audio and Speech Processing');
  });
  it('lets the configuration override a code or the archive order', () => {
    expect(createCategoryResolver({ codes: { GT: 'math.GT' } })('GT').id).toBe('math.GT');
    expect(createCategoryResolver({ archives: ['math', 'cs'] })('CV').id).toBe('math.CV');
  });
  it('names the archive of an old-style id that gives no subject class, without a warning', () => {
    const { papers, report } = buildCorpus([
      { file: 'a.txt', text: `${REAL_ABSTRACT}\n\narXiv:math/0601001v2\nCreated: 2006-01-01\n\n${OTHER_ABSTRACT}\n\narXiv:cs/0112017\n` },
    ]);
    expect(papers.map((paper) => paper.categories)).toEqual([[{ id: 'math', name: 'Mathematics' }], [{ id: 'cs', name: 'Computer Science' }]]);
    expect(report.summary.warnings).toBe(0);
  });
  it('keeps unknown codes as written and flags them', () => {
    expect(resolve('XYZ')).toEqual({ id: 'XYZ', known: false });
  });
  it('blames the categories.codes setting, not the dump, for a code it maps outside the taxonomy', () => {
    const text = 'CVJun 3, 2024\nA Study of ThingsAda Lovelace\nWe study things in a sentence that is long enough to be an abstract.\n';
    const { papers, report } = buildCorpus([{ file: 'a.txt', text }], { categories: { codes: { CV: 'lab.vision' } } });
    expect(papers[0]?.categories).toEqual([{ id: 'lab.vision', name: null }]);
    expect(report.files[0]?.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [1, 'subject code "CV" is mapped by the categories.codes setting (src/config.ts) to "lab.vision", which is not in the arXiv taxonomy; its papers are filed under that id, with no name. Check the mapping'],
    ]);
  });
  it('reports a dump’s issues in line order, whichever step found them', () => {
    const abstract = 'We study things in a sentence that is long enough to be an abstract.';
    // The stray line is the parser's; the unknown code on line 1 is found later, when the card is normalised.
    const text = `QQJun 3, 2024\nA Study of ThingsAda Lovelace\n${abstract}\nLoad more\nLGJun 4, 2024\nAnother StudyAlan Turing\nA second paper proves other results about graphs, with a proof that is new.\n`;
    const { report } = buildCorpus([{ file: 'a.txt', text }]);
    expect(report.files[0]?.issues.map((issue) => issue.line)).toEqual([1, 4]);
  });
  it('encodes the whole taxonomy with names', () => {
    expect(Object.keys(ARXIV_CATEGORIES).length).toBeGreaterThanOrEqual(155);
    expect(Object.values(ARXIV_CATEGORIES).every((name) => name.length > 2)).toBe(true);
  });
});

describe('dates', () => {
  it('puts a yearless date on the latest such day on or before the capture date', () => {
    expect(resolveYearlessDate(6, 3, '2026-11-21')).toBe('2026-06-03');
    expect(resolveYearlessDate(11, 21, '2026-11-21')).toBe('2026-11-21');
    expect(resolveYearlessDate(12, 5, '2026-11-21')).toBe('2025-12-05');
    expect(resolveYearlessDate(2, 29, '2026-11-21')).toBe('2024-02-29');
  });
});

describe('slugs', () => {
  it('transliterates to stable ASCII', () => {
    expect(['Yann LeCun', 'Jan Koutník', 'Łukasz Kaiser', 'Aäron van den Oord', "Kevin O'Brien", '张三', 'DeepSeek-AI'].map((name) => toSlug(name))).toEqual([
      'yann-lecun', 'jan-koutnik', 'lukasz-kaiser', 'aaron-van-den-oord', 'kevin-obrien', 'zhangsan', 'deepseek-ai',
    ]);
  });

  it('slugs a bare ASCII word on the fast path exactly as transliteration and slugify would', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,90}$/);
    fc.assert(fc.property(word, fc.integer({ min: 1, max: 100 }), (text, maxLength) => computeSlug(text, maxLength) === slowSlug(text, maxLength)), { numRuns: 2000 });
    expect(['LeCun', 'GPT4', 'ResNet50'].map((text) => computeSlug(text, 80))).toEqual(['lecun', 'gpt4', 'resnet50']);
  });
});

describe('code links', () => {
  it('finds code hosts and links labelled as code, without trailing punctuation', () => {
    expect(findCodeUrl(['12 pages, 10 figures, accepted at IPDPS 2025. Code: https://github.com/M-H482/NM-SpMM'])).toBe('https://github.com/M-H482/NM-SpMM');
    expect(findCodeUrl(['Code and demo avaliable at https://github.com/HuPER29/HuPER.'])).toBe('https://github.com/HuPER29/HuPER');
    expect(findCodeUrl(['Our code is at https://example.org/tool).'])).toBe('https://example.org/tool');
    expect(findCodeUrl(['See https://example.org/paper for the slides.'])).toBeNull();
    expect(findCodeUrl(['javascript:alert(1) github.com/x'])).toBeNull();
  });
});

describe('plain text of math', () => {
  it('reads LaTeX commands and Unicode letters alike', () => {
    expect(plainWords('$\\Theta(1/\\Delta^2)$')).toEqual(plainWords('$Θ(1/Δ^2)$'));
    expect(toPlainText('bounded by $l_0$ norm and $\\epsilon \\le 1$')).toBe('bounded by l 0 norm and epsilon leq 1');
  });
});

describe('text clean-up', () => {
  it('collapses whitespace and removes invisible characters and page toggles, keeping the rest', () => {
    expect(cleanText('  Deep\u00a0learning\u200b  is\tfun … ▽ More')).toBe('Deep learning is fun');
    expect(cleanText('A $\\Theta(n)$ bound -- really?')).toBe('A $\\Theta(n)$ bound -- really?');
  });
});

describe('decoding', () => {
  it('reads UTF-8 with a BOM, UTF-16 and Latin-1, and refuses binary', () => {
    const text = 'LGJun 3\nÉtude of Koutník';
    const utf8 = new TextEncoder().encode(`\uFEFF${text}`);
    expect(decodeDump(utf8)).toMatchObject({ ok: true, text, encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    expect(decodeDump(utf16)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
    const latin1 = new Uint8Array(Array.from('Étude à Zürich').map((char) => char.charCodeAt(0)));
    expect(decodeDump(latin1)).toMatchObject({ ok: true, text: 'Étude à Zürich', encoding: 'windows-1252' });
    expect(decodeDump(new Uint8Array([0, 1, 2, 3, 0, 5, 6, 7, 200, 0, 3, 1]))).toMatchObject({ ok: false });
  });
});

describe('titles for merging', () => {
  it('read a LaTeX accent as its letter: Gr\\"obner, Gröbner and Grobner are one title', () => {
    const { papers } = buildCorpus([
      { file: 'a.txt', text: 'LGJan 4, 2024\nOn Gr\\"obner Bases over RingsAda Lovelace\n' },
      { file: 'b.txt', text: 'LGJan 4, 2024\nOn Gröbner Bases over RingsAda Lovelace\n' },
    ]);
    expect(papers).toHaveLength(1);
    expect(plainWords('Gr\\"{o}bner')).toEqual(plainWords('Gröbner'));
  });
});

describe('abstract fingerprints', () => {
  it('hash ASCII text exactly as the plain-text words would', async () => {
    const { hashWord, wordHashes } = await import('../../src/lib/similarity.ts');
    const fc = (await import('fast-check')).default;
    const ascii = fc.string({ unit: fc.constantFrom(...'ab Z9$\\{}^_~.,:;!()[]%&#-\\mathrm \\Theta \\le \\alpha '.split(''), '\\"o', "\\'{e}", '\\c c', '\\ss', '\\o ', '\\l', '\\i'), maxLength: 60 });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(wordHashes(text)).toEqual(plainWords(text).map(hashWord));
      }),
      { numRuns: 500 },
    );
  });

  it('are the sampled word 3-grams their definition gives, for real abstracts and arbitrary text', async () => {
    const { hashWord, MIN_SAMPLES, SAMPLE_MODULUS, shingles } = await import('../../src/lib/similarity.ts');
    // The definition, written plainly: FNV-1a over each run of three word hashes, one in SAMPLE_MODULUS kept
    // (all of them when fewer than MIN_SAMPLES would be), sorted and de-duplicated.
    const reference = (text: string): number[] => {
      const words = plainWords(text).map(hashWord);
      const size = words.length >= 3 ? 3 : 1;
      const all: number[] = [];
      for (let i = 0; i + size <= words.length; i++) {
        let hash = 0x811c9dc5;
        for (let j = 0; j < size; j++) hash = Math.imul(hash ^ (words[i + j] ?? 0), 0x01000193);
        all.push(hash >>> 0);
      }
      const sampled = all.filter((hash) => hash % SAMPLE_MODULUS === 0);
      return [...new Set(sampled.length < MIN_SAMPLES ? all : sampled)].sort((a, b) => a - b);
    };
    const abstracts = realPapers().map((paper) => paper.abstract);
    expect(abstracts.length).toBeGreaterThan(10);
    for (const text of abstracts) expect(Array.from(shingles(text))).toEqual(reference(text));
    // ASCII text takes the one-pass hashing, with commands (\\le, \\ldots have aliases) and lone backslashes;
    // any other character sends the text through plainWords.
    const asciiWord = fc.constantFrom('ab', 'Z9', 'x', '\\le', '\\ldots', '\\alpha', '\\', '$', '{}', '^_', '.', ',', '-');
    const ascii = fc.array(asciiWord, { maxLength: 120 }).map((words) => words.join(' '));
    const mixed = fc.string({ unit: fc.constantFrom(...'ab Zé9$\\{}^_ .,-\\alpha Θ'.split('')), maxLength: 200 });
    fc.assert(
      fc.property(fc.oneof(ascii, mixed), (value) => {
        expect(Array.from(shingles(value))).toEqual(reference(value));
      }),
      { numRuns: 1000 },
    );
    // Longer than the scratch arrays start (4,096 words), so that they grow.
    const long = abstracts.join(' ').repeat(3);
    expect(Array.from(shingles(long))).toEqual(reference(long));
  });
});
