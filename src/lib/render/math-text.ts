import { commandCharacter } from '../plain-text.ts';
import { parseMathml, type MathmlNode } from './mathml-tree.ts';
import { renderTex } from './tex.ts';

/** A formula as plain Unicode text, read from KaTeX's MathML: `B \gets A` → `B ← A`, `\frac{1}{\sqrt{n}}` → `1/√n`. */
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

// KaTeX knows every command's character, so its rendering (cached, usually the one the page already made) is read
// rather than a table of our own; a formula it cannot render, or a reading that fails, is read from its source.
function readMath(tex: string): string {
  const result = renderTex(tex);
  const start = result.ok ? result.html.indexOf('<math') : -1;
  if (!result.ok || start < 0) return texSourceToUnicode(tex);
  const end = result.html.indexOf('</math>', start);
  try {
    // NFC: an accent over a letter becomes the precomposed letter where there is one (`Õ`).
    return spaced(read(parseMathml(result.html.slice(start, end < 0 ? undefined : end)))).normalize('NFC');
  } catch {
    return texSourceToUnicode(tex);
  }
}

/**
 * What a piece is to its neighbours: an atom joins them without a space; an operator and a function name stand
 * apart; an opening bracket joins what follows, a closing one and a separator what precedes; a sign joins
 * what follows.
 */
type Kind = 'atom' | 'operator' | 'function' | 'open' | 'close' | 'separator' | 'space';
interface Piece {
  text: string;
  kind: Kind;
}

// Marks in a reading, turned into spacing by `spaced`: a space if any; no space before; no space after.
const GAP = '\u0003';
const JOIN_BEFORE = '\u0002';
const JOIN_AFTER = '\u0001';

const SUPERSCRIPTS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789+−-=()abcdefghijklmnoprstuvwxyzT⊤'].map((char, i) => [char, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀᵀ'][i] ?? char]),
);
const SUBSCRIPTS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789+−-=()aehijklmnoprstuvx'].map((char, i) => [char, [...'₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i] ?? char]),
);
// Marks that follow their letter as they are: x′, x*, A†.
const TRAILING_MARKS = /^[′″‴'*∗†‡]+$/u;
const COMBINING_ACCENTS: Readonly<Record<string, string>> = {
  '~': '\u0303', '˜': '\u0303', '^': '\u0302', 'ˆ': '\u0302', '¯': '\u0304', 'ˉ': '\u0304', '‾': '\u0305', '→': '\u20d7', '\u20d7': '\u20d7',
  '˙': '\u0307', '¨': '\u0308', 'ˇ': '\u030c', '´': '\u0301', '`': '\u0300',
};
// Lines, braces and arrows KaTeX stretches over or under a group: a mark of the group, not a script.
const STRETCHED = /^[‾¯_⏞⏟︷︸⎴⎵←→↔⇐⇒⇔^~˜ˉ]$/u;
const DOUBLE_STRUCK: Readonly<Record<string, string>> = { C: 'ℂ', E: '𝔼', F: '𝔽', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ', '1': '𝟙' };
const OPENING = new Set(['(', '[', '{', '⟨', '⌈', '⌊']);
const CLOSING = new Set([')', ']', '}', '⟩', '⌉', '⌋']);
const SIGNS = new Set(['−', '+', '-', '±', '∓']);
// Joined to the atom before them: factorial, primes, dots, bars.
const POSTFIX = /^[.!′″‴'|‖∥…⋯/]$/u;
const LARGE_OPERATORS = /^[∑∏∐∫∬∭∮⋃⋂⋁⋀⨁⨂]$/u;
const INVISIBLE = /[\u2061-\u2064]/g;

function rawTextOf(node: MathmlNode): string {
  return typeof node === 'string' ? node : node.children.map(rawTextOf).join('');
}

// KaTeX writes `\mid` as U+2223; the bar it is typed as reads the same.
function textOf(node: MathmlNode): string {
  return rawTextOf(node).replace(INVISIBLE, '').replace(/\u2223/g, '|');
}

function script(text: string, table: Readonly<Record<string, string>>, mark: string): string {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return '';
  if (mark === '^' && TRAILING_MARKS.test(compact)) return compact;
  const chars = [...compact];
  if (chars.every((char) => table[char] !== undefined)) return chars.map((char) => table[char]).join('');
  return chars.length === 1 ? `${mark}${compact}` : `${mark}(${compact})`;
}

// True when the brackets that open and close the text are one pair: `(a + b)`, not `(a) + (b)`.
function bracketed(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

// A part of a fraction, root or script base in brackets unless it is one word, number or bracketed group.
function grouped(text: string): string {
  return /^[\p{L}\p{N}.]+$|^√?[\p{L}\p{N}]$/u.test(text) || bracketed(text) ? text : `(${text})`;
}

function pieceOf(node: MathmlNode | undefined): Piece {
  if (node === undefined) return { text: '', kind: 'space' };
  if (typeof node === 'string') return { text: node.replace(INVISIBLE, ''), kind: 'atom' };
  const [first, second, third] = node.children;
  const part = (child: MathmlNode | undefined) => spaced(read(child));
  const scripted = (sub: MathmlNode | undefined, sup: MathmlNode | undefined): Piece => {
    const base = pieceOf(first);
    const baseText = spaced(base.text);
    const baseIsCompound = typeof first === 'object' && ['mfrac', 'msqrt', 'mroot'].includes(first.tag);
    const text = (baseIsCompound ? `(${baseText})` : baseText) + script(part(sub), SUBSCRIPTS, '_') + script(part(sup), SUPERSCRIPTS, '^');
    // A large operator or a function name with limits (`∑ᵢ₌₁ⁿ`, `maxₓ`) stands apart from what follows.
    return { text, kind: base.kind === 'function' ? 'function' : 'atom' };
  };
  switch (node.tag) {
    case 'annotation':
    case 'mphantom':
      return { text: '', kind: 'space' };
    case 'mi': {
      const text = textOf(node);
      const letter = node.attrs.includes('double-struck') ? (DOUBLE_STRUCK[text] ?? text) : text;
      return { text: letter, kind: [...letter].length > 1 ? 'function' : 'atom' };
    }
    case 'mn':
      return { text: textOf(node), kind: 'atom' };
    case 'mtext':
    case 'ms': {
      const text = textOf(node);
      // KaTeX's negative space (`\!`) is a space followed by U+2063: no space at all.
      if (text.trim() === '') return { text: rawTextOf(node).includes('\u2063') ? '' : GAP, kind: 'space' };
      return { text: text.replace(/\s+/g, GAP), kind: 'atom' };
    }
    case 'mspace':
      return { text: GAP, kind: 'space' };
    case 'mo':
      // `\mid` (U+2223) is a relation; a typed `|` is a bar that joins its neighbours.
      return rawTextOf(node).includes('\u2223') ? { text: '|', kind: 'operator' } : operatorPiece(textOf(node).trim(), node.attrs);
    case 'msup':
      return scripted(undefined, second);
    case 'msub':
      return scripted(second, undefined);
    case 'msubsup':
    case 'munderover':
      return scripted(second, third);
    case 'munder':
      return node.attrs.includes('accentunder') || STRETCHED.test(textOf(second ?? '').trim()) ? pieceOf(first) : scripted(second, undefined);
    case 'mover': {
      const mark = textOf(second ?? '').trim();
      if (!node.attrs.includes('accent="true"') && !STRETCHED.test(mark)) return scripted(undefined, second);
      const base = pieceOf(first);
      const accent = COMBINING_ACCENTS[mark];
      return accent && [...spaced(base.text)].length === 1 ? { text: spaced(base.text) + accent, kind: base.kind } : base;
    }
    case 'mfrac':
      // \binom is a fraction without a bar between brackets: "(n k)" would read as a product, so say it.
      if (node.attrs.includes('linethickness="0')) return { text: `${part(first)}${GAP}choose${GAP}${part(second)}`, kind: 'atom' };
      return { text: `${GAP}${grouped(part(first))}/${grouped(part(second))}${GAP}`, kind: 'atom' };
    case 'msqrt':
      return { text: `${GAP}√${grouped(spaced(row(node.children).text))}${GAP}`, kind: 'atom' };
    case 'mroot':
      return { text: `${GAP}${script(part(second), SUPERSCRIPTS, '^')}√${grouped(part(first))}${GAP}`, kind: 'atom' };
    case 'mtr':
      return { text: node.children.map(part).join(GAP), kind: 'atom' };
    case 'mtable':
      return { text: node.children.map(part).join(`;${GAP}`), kind: 'atom' };
    default:
      return row(node.children);
  }
}

function operatorPiece(char: string, attrs: string): Piece {
  if (char === '') return { text: '', kind: 'space' };
  if (attrs.includes('separator="true"') || char === ',' || char === ';') return { text: char, kind: 'separator' };
  if (OPENING.has(char)) return { text: char, kind: 'open' };
  if (CLOSING.has(char)) return { text: char, kind: 'close' };
  if (POSTFIX.test(char)) return { text: char, kind: 'atom' };
  if (LARGE_OPERATORS.test(char)) return { text: char, kind: 'function' };
  return { text: char, kind: 'operator' };
}

// Joins a row's pieces with the spacing their kinds ask for.
function row(children: readonly MathmlNode[]): Piece {
  const pieces = children.map(pieceOf).filter((piece) => piece.text !== '');
  let text = '';
  let previous: Kind | undefined;
  for (const piece of pieces) {
    const sign = piece.kind === 'operator' && SIGNS.has(piece.text) && (previous === undefined || ['operator', 'open', 'separator'].includes(previous));
    if (sign) text += `${GAP}${piece.text}${JOIN_AFTER}`;
    else if (piece.kind === 'operator' || piece.kind === 'function') text += `${GAP}${piece.text}${GAP}`;
    else if (piece.kind === 'open') text += `${previous === 'function' ? JOIN_BEFORE : ''}${piece.text}${JOIN_AFTER}`;
    else if (piece.kind === 'close') text += `${JOIN_BEFORE}${piece.text}`;
    else if (piece.kind === 'separator') text += `${JOIN_BEFORE}${piece.text}${GAP}`;
    else text += piece.text;
    if (piece.kind !== 'space') previous = sign ? 'open' : piece.kind;
  }
  // A row of one function name (`\log` with its invisible application sign) is still a function name.
  const kinds = pieces.filter((piece) => piece.kind !== 'space').map((piece) => piece.kind);
  return { text, kind: kinds.length === 1 && kinds[0] ? kinds[0] : 'atom' };
}

function read(node: MathmlNode | undefined): string {
  return pieceOf(node).text;
}

// Turns the marks into spacing: one space for any run of gaps and spaces, none around a join, none at either end.
function spaced(text: string): string {
  return text
    .replace(/[\s\u0003]*\u0002/g, '')
    .replace(/\u0001[\s\u0003]*/g, '')
    .replace(/[\s\u0003]+/g, ' ')
    .replace(/[\u0001\u0002]/g, '')
    .trim();
}

const DROPPED_COMMANDS = new Set(['mathrm', 'mathbf', 'mathcal', 'mathbb', 'mathsf', 'mathit', 'boldsymbol', 'text', 'textrm', 'textit', 'textbf', 'operatorname', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'frac', 'tfrac', 'dfrac', 'sqrt', 'widetilde', 'tilde', 'hat', 'widehat', 'bar', 'overline', 'vec']);

/** A formula KaTeX could not render, read from its source: `\Theta(1/\Delta^2)` → `Θ(1/Δ^2)`. */
export function texSourceToUnicode(tex: string): string {
  return tex
    // An unknown command with an argument (`\mathbbm{1}`, `\ce{H2O}`) leaves its argument, not its name glued to it.
    .replace(/\\([A-Za-z]+)(?=\s*\{)/g, (_, name: string) => (DROPPED_COMMANDS.has(name) ? '' : (commandCharacter(name) ?? '')))
    .replace(/\}\s*\{/g, ' ')
    .replace(/\\([A-Za-z]+)/g, (_, name: string) => (DROPPED_COMMANDS.has(name) ? '' : (commandCharacter(name) ?? name)))
    .replace(/\\([%&$#_{}])/g, '$1')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
