import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { SEED_SITE } from './build-site.ts';
import { elementsOf, linksOf, listFiles, readPage, resolves } from './dist-files.ts';

const pages = listFiles(SEED_SITE).filter((file) => file.endsWith('.html'));

describe('every page of the seed site', () => {
  it('is valid HTML (html-validate, recommended rules, narrowed only for KaTeX and whole paper titles)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(SEED_SITE, page));
      for (const result of report.results) for (const message of result.messages) problems.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('has inline styles only inside KaTeX output', () => {
    const styled = pages.flatMap((page) =>
      elementsOf(readPage(SEED_SITE, page))
        .filter((element) => element.attrs.style !== undefined && !element.ancestorClasses.some((classes) => classes.split(' ').includes('katex')) && element.attrs.class?.split(' ').includes('katex') !== true)
        .map((element) => `${page}: <${element.tag} class="${element.attrs.class ?? ''}">`),
    );
    expect(styled).toEqual([]);
  });

  it('links only to pages, assets and files that exist (href, src and CSS url())', () => {
    const broken: string[] = [];
    for (const file of listFiles(SEED_SITE).filter((name) => name.endsWith('.html') || name.endsWith('.css'))) {
      const text = readFileSync(join(SEED_SITE, file), 'utf8');
      const links = file.endsWith('.css') ? [...text.matchAll(/url\(([^)]+)\)/g)].map((match) => new URL(match[1] ?? '', `http://x/${file}`).pathname) : linksOf(text);
      for (const link of links) {
        if (/^(?:[a-z]+:|\/\/|#)/i.test(link)) continue;
        if (!resolves(SEED_SITE, '/', link)) broken.push(`${file} → ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
