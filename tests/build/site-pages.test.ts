import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { PapersJsonSchema } from '../../src/lib/schema.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { fixturePath, katexFolderPattern, seedDumps, seedSources } from '../helpers.ts';
import { buildSite, SEED_SITE } from './build-site.ts';
import { elementsOf, linksWithin, listFiles, readPage } from './dist-files.ts';

const papers = buildCorpus(seedDumps(), { sources: seedSources() }).papers;
const data = buildSiteData(papers);
const files = listFiles(SEED_SITE);

describe('the seed site', () => {
  it('has a page for every paper, author, category and month', () => {
    const expected = [
      ...data.papers.map((view) => view.path),
      ...data.authors.map((author) => author.path),
      ...data.categories.map((category) => category.path),
      ...data.years.flatMap((year) => [year.path, ...year.months.map((month) => month.path)]),
      '', 'authors/', 'categories/', 'dates/', 'search/',
    ].map((path) => `${path}index.html`);
    expect(expected.filter((path) => !files.includes(path))).toEqual([]);
    expect(files).toContain('404.html');
    expect(data.papers).toHaveLength(45);
  });

  it('renders the math of the seed abstracts with KaTeX and leaves no $ delimiters in them', () => {
    const withMath = papers.filter((paper) => paper.abstract?.includes('$'));
    expect(withMath.length).toBeGreaterThanOrEqual(8);
    for (const paper of withMath) {
      const html = readPage(SEED_SITE, `papers/${paper.id}/`);
      const abstract = /<div class="abstract">([\s\S]*?)<\/div>\s*<\/section>/.exec(html)?.[1] ?? '';
      expect(abstract, paper.id).toContain('class="katex"');
      // Outside KaTeX's own MathML annotation (which records the source), no dollar sign is left.
      const visible = abstract.replace(/<annotation[\s\S]*?<\/annotation>/g, '');
      expect(visible.replace(/<[^>]+>/g, ''), paper.id).not.toContain('$');
      expect(html, paper.id).toMatch(new RegExp(`<link rel="stylesheet" href="${katexFolderPattern('/').source}katex\\.min\\.css">`));
    }
  });

  it('loads KaTeX styles only on pages that show math', () => {
    const plain = papers.find((paper) => paper.abstract !== null && !paper.abstract.includes('$') && !paper.title?.includes('$'));
    expect(plain).toBeDefined();
    expect(readPage(SEED_SITE, `papers/${plain?.id}/`)).not.toContain('katex.min.css');
  });

  it('links a paper to its authors, categories, month, arXiv and code, with a BibTeX entry and its sources', () => {
    const html = readPage(SEED_SITE, 'papers/2503.01253/');
    expect(html).toContain('href="/dates/2025/03/"');
    expect(html).toContain('href="https://arxiv.org/abs/2503.01253"');
    expect(html).toContain('href="https://arxiv.org/pdf/2503.01253"');
    expect(html).toContain('<a href="https://github.com/M-H482/NM-SpMM">Code on github.com</a>');
    expect(html).toContain('untitled');
    // It has no category: the page says so and leads to the others that have none.
    expect(html).toContain('<dd>none given (see all <a href="/categories/uncategorised/">papers without a category</a>)</dd>');
    expect(html).toContain('@misc{');
    // The entry scrolls sideways on a phone: it takes the keyboard focus, and a screen reader announces it by name, as a group
    // (ARIA does not let a bare <pre> carry a name).
    const entry = elementsOf(html).find((element) => element.tag === 'pre');
    expect(entry?.attrs).toMatchObject({ tabindex: '0', role: 'group', 'aria-label': 'BibTeX entry' });
    expect(html).toContain('listings/003_9486e5228bd94662.txt:47');
    const huper = readPage(SEED_SITE, 'papers/huper-a-human-inspired-framework-for-phonetic-perception/');
    expect(huper).toContain('href="/authors/chenxu-guo/"');
    expect(huper).toContain('href="/categories/eess.AS/"');
    expect(huper).toContain('Audio and Speech Processing');
    expect(huper).toContain('et al.');
  });

  it('shows no relevance score on a paper page: it ranked the paper in the source listing’s own search, and means nothing here', () => {
    const scored = data.papers.find((view) => view.paper.score !== null);
    expect(scored).toBeDefined();
    const html = readPage(SEED_SITE, scored?.path ?? '');
    expect(html).not.toContain('Relevance score');
    expect(html).not.toContain(`<dd>${scored?.paper.score}</dd>`);
  });

  it('steps from each month and year to the next newer and older one that has papers', () => {
    const months = data.years.flatMap((year) => year.months);
    expect(months.length).toBeGreaterThan(2);
    months.forEach((month, i) => {
      const nav = linksWithin(readPage(SEED_SITE, month.path), 'pagination');
      const newer = months[i - 1];
      const older = months[i + 1];
      const expected = [...(newer ? [[`/${newer.path}`, `← Newer: ${newer.label}`]] : []), ...(older ? [[`/${older.path}`, `Older: ${older.label} →`]] : [])];
      expect(nav.map((link) => [link.attrs.href, link.text]), month.path).toEqual(expected);
      // Newest first: the newer month is later in the calendar.
      if (newer) expect(`${newer.year}${newer.month}` > `${month.year}${month.month}`).toBe(true);
    });
    const [newest, second] = data.years;
    const yearNav = linksWithin(readPage(SEED_SITE, newest?.path ?? ''), 'pagination');
    expect(yearNav.map((link) => link.attrs.href)).toEqual([`/${second?.path}`]);
  });

  it('links every category and author page to its feed, and every page to the site feed and papers.json', () => {
    for (const path of [data.categories[0]?.path, data.authors[0]?.path]) {
      const links = elementsOf(readPage(SEED_SITE, path ?? '')).filter((element) => element.tag === 'a').map((link) => link.attrs.href);
      expect(links, path).toContain(`/${path}feed.xml`);
      expect(links, path).toContain('/feed.xml');
      expect(links, path).toContain('/papers.json');
    }
  });

  it('shows an untitled paper by its arXiv id once, and its BibTeX invents no title', () => {
    const untitled = data.papers.find((view) => view.untitled && view.paper.arxivId !== null && view.paper.version === null);
    expect(untitled).toBeDefined();
    const html = readPage(SEED_SITE, untitled?.path ?? '');
    const id = untitled?.paper.arxivId ?? '';
    expect(html).toContain(`<h1><span>arXiv:${id}</span>`);
    // A word of its own in the heading's accessible name: "arXiv:… untitled", not "arXiv:…untitled".
    expect(html).toContain(`<h1><span>arXiv:${id}</span> <span class="untitled-marker">untitled</span>`);
    expect(html, 'no second arXiv line above the heading').not.toContain(`<p class="meta">arXiv:${id}`);
    expect(html).not.toContain(`title = {arXiv:${id}}`);
    expect(html).toContain('% The listings this entry was made from give no title');
  });

  it('puts the search page’s script inside the document, and builds no undated page when every paper has a date', () => {
    const search = readPage(SEED_SITE, 'search/');
    expect(search.trimEnd().endsWith('</html>')).toBe(true);
    expect(search).toMatch(/<script type="module" src="[^"]+"><\/script>[\s\S]*<\/body>/);
    expect(search).toContain('>author</a>, <a');
    expect(data.undated).toHaveLength(0);
    expect(listFiles(SEED_SITE).filter((file) => file.startsWith('dates/undated'))).toEqual([]);
    expect(readPage(SEED_SITE, 'dates/')).not.toContain('/dates/undated/');
  });

  it('links a paper without an arXiv id to arXiv’s title search for it, and a paper with one to its abstract and PDF', () => {
    const view = data.papers.find((candidate) => candidate.paper.arxivId === null && candidate.paper.title !== null);
    const withId = data.papers.find((candidate) => candidate.paper.arxivId !== null);
    if (!view || !withId) throw new Error('the seeds have papers of both kinds');
    const links = (path: string) => linksWithin(readPage(SEED_SITE, path), 'links').map((link) => [link.text, link.attrs.href]);
    const search = new URL(links(view.path).find(([text]) => text === 'Find on arXiv')?.[1] ?? 'about:blank');
    expect([search.origin + search.pathname, search.searchParams.get('query'), search.searchParams.get('searchtype')]).toEqual(['https://arxiv.org/search/', view.titlePlain, 'title']);
    expect(links(withId.path).map(([text]) => text)).toEqual(expect.arrayContaining(['arXiv abstract', 'PDF']));
    expect(links(withId.path).map(([text]) => text)).not.toContain('Find on arXiv');
  });

  it('links each category page to its own papers.json, which holds exactly its papers', () => {
    for (const category of data.categories) {
      const html = readPage(SEED_SITE, category.path);
      expect(html).toContain(`<a href="/${category.path}papers.json" type="application/json">papers.json</a>`);
      const json = JSON.parse(readFileSync(join(SEED_SITE, category.path, 'papers.json'), 'utf8')) as { papers: Array<{ id: string }> };
      expect(json.papers.map((paper) => paper.id)).toEqual(category.papers.map((view) => view.paper.id));
    }
  });

  it('counts in words: "1 paper", never "1 papers"', () => {
    const single = data.categories.find((category) => category.papers.length === 1);
    expect(single).toBeDefined();
    const html = readPage(SEED_SITE, single?.path ?? '');
    expect(html).toContain(`<meta name="description" content="1 paper in `);
    expect(html).not.toMatch(/\b1 papers\b/);
  });

  it('says on the categories index how many papers have no category, so every paper is accounted for', () => {
    const none = papers.filter((paper) => paper.categories.length === 0).length;
    expect(none).toBeGreaterThan(1);
    expect(readPage(SEED_SITE, 'categories/')).toContain(`<a href="/categories/uncategorised/">${none} papers</a> have no category: their listings give none.`);
  });

  it('lists the papers without a category on a page of their own, newest first', () => {
    const html = readPage(SEED_SITE, 'categories/uncategorised/');
    const listed = linksWithin(html, 'paper-title').map((link) => link.attrs.href);
    expect(listed).toEqual(data.papers.filter((view) => view.paper.categories.length === 0).map((view) => `/${view.path}`));
    expect(html).toContain('<h1>Papers without a category</h1>');
  });

  it('says how many authors and categories tie with the last one the home page ranks', () => {
    const home = readPage(SEED_SITE, '');
    const { prolificAuthors, largestCategories } = data;
    expect(prolificAuthors.tiedBeyond).toBeGreaterThan(0);
    expect(home).toContain(`and ${prolificAuthors.tiedBeyond} more authors with ${prolificAuthors.tiedCount} paper`);
    const ranked = [...home.matchAll(/<h2 id="prolific-authors">[\s\S]*?<\/ol>/g)][0]?.[0] ?? '';
    expect([...ranked.matchAll(/<li>/g)]).toHaveLength(10);
    expect(home.includes('more categories with') || home.includes('more category with')).toBe(largestCategories.tiedBeyond > 0);
  });

  it('shows an author with co-authors, categories and a papers-per-year chart', () => {
    const html = readPage(SEED_SITE, 'authors/baihe-huang/');
    // Baihe Huang is named on 20 title lines of seed 000 and on none of seed 002.
    expect(html).toContain('<p>20 papers</p>');
    expect(html).toContain('<svg class="year-chart"');
    expect(html).toContain('href="/authors/hanlin-zhu/"');
    // Seed 000 has three title lines naming both Baihe Huang and Hanlin Zhu.
    expect(html).toMatch(/Hanlin Zhu<\/a>\s*<span class="count">\(3 shared papers\)/);
  });
});

describe('a record with markup in every field', () => {
  let site: string;
  beforeAll(() => {
    site = join(mkdtempSync(join(tmpdir(), 'papershelf-hostile-')), 'dist');
    const result = buildSite(site, { PAPERS_DATA_DIR: fixturePath('hostile-data') });
    if (result.status !== 0) throw new Error(result.output);
  });

  it('comes out as text: no injected tag, event handler or javascript: link', () => {
    for (const page of listFiles(site).filter((file) => file.endsWith('.html'))) {
      const elements = elementsOf(readPage(site, page));
      expect(elements.filter((element) => ['img', 'b', 'iframe', 'object', 'embed'].includes(element.tag)), page).toEqual([]);
      const executable = (type: string | undefined) => type === undefined || type === 'module' || /javascript/.test(type);
      expect(elements.filter((element) => element.tag === 'script' && executable(element.attrs.type) && element.text.includes('alert')), page).toEqual([]);
      // JSON-LD is data: it must parse, and hold no markup even as text.
      for (const data of elements.filter((element) => element.tag === 'script' && element.attrs.type === 'application/ld+json')) {
        expect(data.text).not.toMatch(/[<>]/);
        JSON.parse(data.text);
      }
      expect(elements.flatMap((element) => Object.keys(element.attrs).filter((name) => name.startsWith('on'))), page).toEqual([]);
      const targets = elements.flatMap((element) => [element.attrs.href, element.attrs.src, element.attrs.action].filter((value) => value !== undefined));
      expect(targets.filter((value) => /^\s*javascript:/i.test(value ?? '')), page).toEqual([]);
    }
    const paper = readPage(site, `papers/${listFiles(site).find((file) => file.startsWith('papers/script'))?.split('/')[1]}/`);
    expect(paper).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(paper).toContain('&lt;b onmouseover=&quot;alert(1)&quot;&gt;lab&lt;/b&gt;');
    expect(paper).toContain('class="katex"');
  });

  it('renders hostile LaTeX as source text: no link, image, data attribute or giant rule', () => {
    const page = `papers/${listFiles(site).find((file) => file.startsWith('papers/hostile'))?.split('/')[1]}/`;
    const elements = elementsOf(readPage(site, page));
    // No link to what the record wrote: no javascript: URL, no link to the record's 127.0.0.1 address. (The record's
    // text may appear inside a link's query, as in the "Find on arXiv" search, where it is only data.)
    const unsafe = (href: string) => {
      const url = new URL(href, 'http://localhost:4321/');
      return url.protocol === 'javascript:' || url.hostname === '127.0.0.1';
    };
    expect(elements.filter((element) => element.tag === 'a' && unsafe(element.attrs.href ?? ''))).toEqual([]);
    expect(elements.filter((element) => Object.keys(element.attrs).some((name) => name.startsWith('data-') && name !== 'data-copy-target' && name !== 'data-search-box'))).toEqual([]);
    expect(elements.filter((element) => /(?:width|height|border-\w+-width):\s*(?:[1-9]\d{2,}|\d{4,})(?:\.\d+)?em/.test(element.attrs.style ?? ''))).toEqual([]);
    const html = readPage(site, page);
    expect(html).toContain('<span class="tex-source">$\\href{javascript:alert(7)}{x}$</span>');
    expect(html).toContain('<span class="tex-source">$\\def\\a{\\a\\a}\\a$</span>');
  });

  it('writes feeds whose record text is escaped and whose links are the site\'s own pages', () => {
    const feeds = listFiles(site).filter((name) => name.endsWith('feed.xml'));
    expect(feeds.length).toBeGreaterThan(3);
    for (const file of feeds) {
      const text = readFileSync(join(site, file), 'utf8');
      expect(text, file).not.toMatch(/<(?:script|img|iframe|svg|a|b)[\s>]/i);
      for (const [, link] of text.matchAll(/<link>([^<]*)<\/link>/g)) expect(link, file).toMatch(/^http:\/\/localhost:4321\//);
    }
    expect(readFileSync(join(site, 'feed.xml'), 'utf8')).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
  });

  it('writes JSON with no markup in it and no code link but http(s)', () => {
    for (const file of listFiles(site).filter((name) => name.endsWith('.json'))) {
      const text = readFileSync(join(site, file), 'utf8');
      expect(text, file).not.toMatch(/[<>]/);
      JSON.parse(text);
    }
    const { papers } = PapersJsonSchema.parse(JSON.parse(readFileSync(join(site, 'papers.json'), 'utf8')));
    expect(papers.map((paper) => paper.codeUrl).filter((url) => url !== null && !/^https?:/.test(url))).toEqual([]);
    expect(papers.some((paper) => paper.title?.includes('<script>alert("title")</script>'))).toBe(true);
  });
});
