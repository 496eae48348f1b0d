/** An element of KaTeX's MathML: its tag, its attribute text as written, and its children. */
export interface MathmlElement {
  tag: string;
  attrs: string;
  children: MathmlNode[];
}

/** A MathML element or a run of text (entities decoded). */
export type MathmlNode = MathmlElement | string;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: '\u00a0' };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    const known = ENTITIES[name];
    if (known !== undefined) return known;
    if (!name.startsWith('#')) return whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The tree of a MathML string as KaTeX writes it (well-formed, no comments or CDATA); the root is a `#root` element. */
export function parseMathml(mathml: string): MathmlElement {
  const root: MathmlElement = { tag: '#root', attrs: '', children: [] };
  const stack: MathmlElement[] = [root];
  for (const match of mathml.matchAll(/<(\/?)([a-z]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const parent = stack[stack.length - 1] ?? root;
    const [, closing, tag, attrs, selfClosing, text] = match;
    if (text !== undefined) parent.children.push(unescapeXml(text));
    else if (closing) {
      if (stack.length > 1) stack.pop();
    } else if (tag) {
      const element: MathmlElement = { tag, attrs: attrs ?? '', children: [] };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  return root;
}
