import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under a built site, as POSIX paths relative to it. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** The HTML of a page of the built site, by its path ("papers/2510.15464/"). */
export function readPage(root: string, path: string): string {
  return readFileSync(join(root, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/** href and src values of a page (entities decoded), in order. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => (match[1] ?? '').replaceAll('&amp;', '&'));
}

/** Whether a site path under `base` resolves to a file of the built site. */
export function resolves(root: string, base: string, link: string): boolean {
  const path = decodeURIComponent(link.split('#')[0]?.split('?')[0] ?? '');
  if (!path.startsWith(base)) return false;
  const local = join(root, path.slice(base.length));
  return (existsSync(local) && statSync(local).isFile()) || existsSync(join(local, 'index.html'));
}

/** Every link of the site's HTML pages that is neither external nor a fragment and has no file under `base`, as "page → link". */
export function brokenPageLinks(root: string, base: string): string[] {
  const broken: string[] = [];
  for (const page of listFiles(root).filter((file) => file.endsWith('.html'))) {
    for (const link of linksOf(readPage(root, page))) {
      if (/^(?:https?:|mailto:|#)/.test(link)) continue;
      if (!resolves(root, base, link)) broken.push(`${page} → ${link}`);
    }
  }
  return broken;
}

/** A parsed element: its tag name and attributes. */
export interface ElementInfo {
  tag: string;
  attrs: Record<string, string>;
  /** Text of a <script> element. */
  text: string;
  /** Classes of its ancestors, nearest first. */
  ancestorClasses: string[];
}

/** Every element of an HTML document, parsed as a browser would (parse5), in document order. */
export function elementsOf(html: string): ElementInfo[] {
  const out: ElementInfo[] = [];
  const visit = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'], ancestors: string[]) => {
    let inner = ancestors;
    if ('tagName' in node) {
      const text = node.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
      const attrs = Object.fromEntries(node.attrs.map((attr) => [attr.name, attr.value]));
      out.push({ tag: node.tagName, attrs, text, ancestorClasses: ancestors });
      inner = [attrs.class ?? '', ...ancestors];
    }
    const children = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visit(child, inner);
  };
  visit(parse(html), []);
  return out;
}

/** The links (`<a>` elements) of a page inside an element of the given class, e.g. `pagination` or `site-nav`, in order. */
export function linksWithin(html: string, className: string): ElementInfo[] {
  return elementsOf(html).filter((element) => element.tag === 'a' && element.ancestorClasses.includes(className));
}
