import { renderTex } from './tex.ts';

/**
 * A formula as plain Unicode text, for titles, snippets and feeds: `B \gets A` → `B ← A`, `O(n^{2}\log n)` →
 * `O(n² log n)`, `\frac{1}{\sqrt{n}}` → `1/√n`. KaTeX knows every command's character: this reads the MathML
 * half of its rendering (cached, so usually the one the page already made) instead of keeping a table of its own.
 */
export function texMathToUnicode(tex: string): string {
  let plain = readings.get(tex);
  if (plain === undefined) {
    if (readings.size >= CACHE_LIMIT) readings.clear();
    readings.set(tex, (plain = readMath(tex)));
  }
  return plain;
}

// A formula recurs in a paper's title, excerpt and feed item, and across papers: each is read once.
const readings = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function readMath(tex: string): string {
  const result = renderTex(tex);
  const start = result.ok ? result.html.indexOf('<math') : -1;
  if (!result.ok || start < 0) return texSourceToUnicode(tex);
  const end = result.html.indexOf('</math>', start);
  // NFC: an accent over a letter becomes the precomposed letter where there is one (`Õ`).
  return spaced(linear(parseMathml(result.html.slice(start, end < 0 ? undefined : end + '</math>'.length)))).normalize('NFC');
}

interface Element {
  tag: string;
  attrs: string;
  children: Node[];
}
type Node = Element | string;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: ' ' };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (ENTITIES[name] !== undefined) return ENTITIES[name];
    if (name.startsWith('#')) return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return whole;
  });
}

// KaTeX writes well-formed MathML; the TeX source in <annotation> is skipped.
function parseMathml(mathml: string): Element {
  const root: Element = { tag: '#root', attrs: '', children: [] };
  const stack: Element[] = [root];
  for (const match of mathml.matchAll(/<(\/?)([a-z]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const parent = stack[stack.length - 1] ?? root;
    const [, closing, tag, attrs, selfClosing, text] = match;
    if (text !== undefined) parent.children.push(unescapeXml(text));
    else if (closing) {
      if (stack.length > 1) stack.pop();
    } else if (tag) {
      const element: Element = { tag, attrs: attrs ?? '', children: [] };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  return root;
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789+−-=()abcdefghijklmnoprstuvwxyzT⊤'].map((char, i) => [char, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀᵀ'][i] ?? char]),
);
const SUBSCRIPTS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789+−-=()aehijklmnoprstuvx'].map((char, i) => [char, [...'₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i] ?? char]),
);
const PRIMES = /^[′″‴']+$/u;
const COMBINING_ACCENTS: Readonly<Record<string, string>> = {
  '~': '\u0303', '˜': '\u0303', '^': '\u0302', 'ˆ': '\u0302', '¯': '\u0304', 'ˉ': '\u0304', '‾': '\u0305', '→': '\u20d7', '\u20d7': '\u20d7', '˙': '\u0307', '¨': '\u0308', 'ˇ': '\u030c', '´': '\u0301', '`': '\u0300',
};
const DOUBLE_STRUCK: Readonly<Record<string, string>> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };
const OPENING = new Set(['(', '[', '{', '⟨', '⌈', '⌊']);
const CLOSING = new Set([')', ']', '}', '⟩', '⌉', '⌋']);
const SEPARATORS = new Set([',', ';']);
// Marks inside a run of text: the pieces around them join with a space, or with none (an "open" or "close").
const OPEN = '\u0001';
const CLOSE = '\u0002';
const GAP = '\u0003';

function script(text: string, table: Readonly<Record<string, string>>, mark: string): string {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return '';
  if (mark === '^' && PRIMES.test(compact)) return compact;
  const chars = [...compact];
  if (chars.every((char) => table[char] !== undefined)) return chars.map((char) => table[char]).join('');
  return chars.length === 1 ? `${mark}${compact}` : `${mark}(${compact})`;
}

function grouped(text: string): string {
  const plain = spaced(text);
  return /^[\p{L}\p{N}.]+$|^√?[\p{L}\p{N}]$/u.test(plain) || /^\(.*\)$/.test(plain) ? plain : `(${plain})`;
}

// KaTeX's divides sign (U+2223) reads as the bar it is typed as.
function textOf(node: Node): string {
  return typeof node === 'string' ? node.replace(/\u2223/g, '|') : node.children.map(textOf).join('');
}

// A large operator or a function name with limits (`∑ᵢ₌₁ⁿ`, `max_(x∈X)`) stands apart from what follows.
function afterScripts(base: Node | undefined): string {
  if (typeof base !== 'object') return '';
  return base.tag === 'mo' || (base.tag === 'mi' && [...textOf(base)].length > 1) ? GAP : '';
}

// An operator with a space on either side; the joining in `spaced` drops the space after an opening bracket or
// at the start, so a sign reads `−2`, not `− 2`.
function operator(text: string, attrs: string): string {
  const char = text.replace(/[\u2061-\u2064]/g, '').trim();
  if (char === '') return '';
  if (attrs.includes('separator="true"') || SEPARATORS.has(char)) return `${char}${GAP}`;
  if (OPENING.has(char)) return `${char}${OPEN}`;
  if (CLOSING.has(char)) return `${CLOSE}${char}`;
  if (/^[.!′″‴'|‖∥:/…⋯]$/u.test(char)) return char;
  return `${GAP}${char}${GAP}`;
}

function linear(node: Node): string {
  if (typeof node === 'string') return node;
  const [first, second, third] = node.children;
  const part = (child: Node | undefined) => (child === undefined ? '' : spaced(linear(child)));
  switch (node.tag) {
    case 'annotation':
    case 'mphantom':
      return '';
    case 'mi': {
      const text = textOf(node);
      const letter = node.attrs.includes('double-struck') ? (DOUBLE_STRUCK[text] ?? text) : text;
      // A function name (`log`, `sin`) is a word of its own.
      return [...letter].length > 1 ? `${GAP}${letter}${GAP}` : letter;
    }
    case 'mn':
      return textOf(node);
    case 'mtext':
    case 'ms':
      return textOf(node).replace(/\s+/g, GAP);
    case 'mo':
      return operator(textOf(node), node.attrs);
    case 'mspace':
      return GAP;
    case 'msup':
      return part(first) + script(part(second), SUPERSCRIPTS, '^') + afterScripts(first);
    case 'msub':
    case 'munder':
      return part(first) + script(part(second), SUBSCRIPTS, '_') + afterScripts(first);
    case 'msubsup':
    case 'munderover':
      return part(first) + script(part(second), SUBSCRIPTS, '_') + script(part(third), SUPERSCRIPTS, '^') + afterScripts(first);
    case 'mover': {
      const base = part(first);
      const accent = COMBINING_ACCENTS[textOf(second ?? '').trim()];
      if (node.attrs.includes('accent="true"')) return accent && [...base].length === 1 ? base + accent : base;
      return base + script(part(second), SUPERSCRIPTS, '^');
    }
    case 'mfrac':
      // \binom is a fraction without a bar between brackets.
      return node.attrs.includes('linethickness="0') ? `${part(first)}${GAP}${part(second)}` : `${grouped(part(first))}/${grouped(part(second))}`;
    case 'msqrt':
      return `√${grouped(node.children.map(linear).join(''))}`;
    case 'mroot':
      return `${script(part(second), SUPERSCRIPTS, '^')}√${grouped(part(first))}`;
    case 'mtr':
      return node.children.map(part).join(`,${GAP}`);
    case 'mtable':
      return node.children.map(part).join(`;${GAP}`);
    default:
      return node.children.map(linear).join('');
  }
}

// Turns the marks into spaces: one between pieces, none after an opening bracket, before a closing one, or at either end.
function spaced(text: string): string {
  return text
    // A sign right after an opening bracket is a sign, not a binary operator: `(−b)`.
    .replace(/\u0001[\s\u0003]*([−+±-])[\s\u0003]+/g, '\u0001$1')
    .replace(/[\s\u0003]*\u0001[\s\u0003]*/g, '')
    .replace(/[\s\u0003]*\u0002/g, '')
    .replace(/[\s\u0003]+/g, ' ')
    .replace(/^ | $/g, '')
    .replace(/^([−+-]) /, '$1');
}

const UNICODE_OF_COMMAND: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', phi: 'ϕ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Omega: 'Ω',
  to: '→', rightarrow: '→', gets: '←', leftarrow: '←', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', in: '∈',
  infty: '∞', times: '×', cdot: '·', pm: '±', ldots: '…', dots: '…', cdots: '⋯', sum: '∑', prod: '∏', int: '∫', partial: '∂', nabla: '∇', ell: 'ℓ',
};
const DROPPED_COMMANDS = new Set(['mathrm', 'mathbf', 'mathcal', 'mathbb', 'mathsf', 'mathit', 'boldsymbol', 'text', 'textrm', 'textit', 'textbf', 'operatorname', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'frac', 'tfrac', 'dfrac', 'sqrt', 'widetilde', 'tilde', 'hat', 'widehat', 'bar', 'overline', 'vec']);

/** A formula KaTeX could not render, read from its source: `\Theta(1/\Delta^2)` → `Θ(1/Δ^2)`. */
export function texSourceToUnicode(tex: string): string {
  return tex
    .replace(/\\([A-Za-z]+)/g, (_, name: string) => (DROPPED_COMMANDS.has(name) ? '' : (UNICODE_OF_COMMAND[name] ?? name)))
    .replace(/\\([%&$#_{}])/g, '$1')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
