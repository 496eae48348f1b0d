import { texMathToUnicode } from './math-text.ts';
import { escapeHtml } from './escape-html.ts';
import { renderTex } from './tex.ts';

/**
 * Record text with LaTeX in it: math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) is rendered by KaTeX, text-mode
 * LaTeX (`\emph{}`, `{\em …}`, `\cite{}`, `~`, `--`, `\%`, …) becomes readable HTML, and everything else is
 * escaped. This module and KaTeX are the only sources of raw HTML in the site.
 */

/** A piece of record text: plain text (with text-mode LaTeX) or a formula. */
export type Segment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean; source: string };

// Pandoc's rule for inline `$`: the opener is followed by a non-space, the closer preceded by one and not followed by a digit.
function closingDollar(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const char = src[i];
    if (char === '\\') {
      i++;
    } else if (char === '$') {
      const before = src[i - 1] ?? ' ';
      const after = src[i + 1] ?? '';
      return i > from && !/\s/.test(before) && !/\d/.test(after) ? i : -1;
    }
  }
  return -1;
}

const MATH_SPECIAL = /[\\$]/g;

/** Splits text into text and math segments; an unclosed `$` stays text, `\$` is a literal dollar. */
export function splitMath(src: string): Segment[] {
  const segments: Segment[] = [];
  let buffer = '';
  // Where a closing delimiter was last found missing: a later search from further right cannot succeed,
  // so text full of unclosed "\(" or "$$" stays linear.
  const missingFrom = new Map<string, number>();
  const findClosing = (delimiter: string, from: number) => {
    if (from >= (missingFrom.get(delimiter) ?? Infinity)) return -1;
    const found = src.indexOf(delimiter, from);
    if (found === -1) missingFrom.set(delimiter, from);
    return found;
  };
  const flush = () => {
    if (buffer !== '') segments.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < src.length) {
    const char = src[i] ?? '';
    const next = src[i + 1] ?? '';
    if (char === '\\' && (next === '(' || next === '[')) {
      const close = findClosing(next === '(' ? '\\)' : '\\]', i + 2);
      if (close !== -1) {
        flush();
        segments.push({ kind: 'math', tex: src.slice(i + 2, close), display: next === '[', source: src.slice(i, close + 2) });
        i = close + 2;
        continue;
      }
    }
    if (char === '\\') {
      buffer += char + next;
      i += 2;
      continue;
    }
    if (char === '$' && next === '$') {
      const close = findClosing('$$', i + 2);
      if (close > i + 2) {
        flush();
        segments.push({ kind: 'math', tex: src.slice(i + 2, close), display: true, source: src.slice(i, close + 2) });
        i = close + 2;
        continue;
      }
    } else if (char === '$' && next !== '' && !/\s/.test(next)) {
      const close = closingDollar(src, i + 1);
      if (close !== -1) {
        flush();
        segments.push({ kind: 'math', tex: src.slice(i + 1, close), display: false, source: src.slice(i, close + 1) });
        i = close + 1;
        continue;
      }
    }
    // Copy up to the next character that could open math or escape one.
    MATH_SPECIAL.lastIndex = i + 1;
    const special = MATH_SPECIAL.exec(src)?.index ?? src.length;
    buffer += src.slice(i, special);
    i = special;
  }
  flush();
  return segments;
}

/** How text-mode output is written: as HTML, or as plain text. */
interface TextOutput {
  text(value: string): string;
  wrap(style: Style, inner: string): string;
  citation(keys: string): string;
}

type Style = 'em' | 'strong' | 'code' | 'smallcaps' | 'underline' | 'plain';

const HTML_OUTPUT: TextOutput = {
  text: escapeHtml,
  wrap: (style, inner) => {
    switch (style) {
      case 'em':
        return `<em>${inner}</em>`;
      case 'strong':
        return `<strong>${inner}</strong>`;
      case 'code':
        return `<code>${inner}</code>`;
      case 'smallcaps':
        return `<span class="smallcaps">${inner}</span>`;
      case 'underline':
        return `<span class="underline">${inner}</span>`;
      default:
        return inner;
    }
  },
  citation: (keys) => `<span class="citation" title="Citation: ${escapeHtml(keys)}">[${escapeHtml(keys.replace(/\s*,\s*/g, ', '))}]</span>`,
};

const PLAIN_OUTPUT: TextOutput = {
  text: (value) => value,
  wrap: (_, inner) => inner,
  citation: (keys) => `[${keys.replace(/\s*,\s*/g, ', ')}]`,
};

const COMMAND_STYLES: Readonly<Record<string, Style>> = {
  emph: 'em', textit: 'em', textsl: 'em', textbf: 'strong', texttt: 'code', textsc: 'smallcaps', underline: 'underline',
  textrm: 'plain', textsf: 'plain', textup: 'plain', textnormal: 'plain', mbox: 'plain', text: 'plain',
};
const GROUP_STYLES: Readonly<Record<string, Style>> = { em: 'em', it: 'em', sl: 'em', bf: 'strong', tt: 'code', sc: 'smallcaps', rm: 'plain', sf: 'plain' };
const CITATIONS = new Set(['cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'parencite', 'textcite', 'autocite', 'ref', 'eqref', 'autoref', 'cref', 'Cref']);
const SYMBOLS: Readonly<Record<string, string>> = {
  ldots: '…', dots: '…', textendash: '–', textemdash: '—', S: '§', P: '¶', textbullet: '•', dag: '†', ddag: '‡',
  LaTeX: 'LaTeX', TeX: 'TeX', copyright: '©', textregistered: '®', texttrademark: '™', textasciitilde: '~', ss: 'ß',
};
// Characters that can start text-mode markup; everything between them is copied as one run.
const TEXT_SPECIAL = /[{}\\`'~-]/g;

// Deeper nesting than this is shown as literal braces: bounded work for hostile input.
const MAX_DEPTH = 32;

const NO_BRACES = new Int32Array(0);
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

// Index of the matching "}" for every "{" (escaped braces ignored), computed in one pass.
function matchBraces(text: string): Int32Array {
  // Most text has no group at all: nothing to match, and nothing is ever looked up.
  if (text.indexOf('{') === -1) return NO_BRACES;
  const match = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === OPEN_BRACE) stack.push(i);
    else if (code === CLOSE_BRACE && stack.length > 0) match[stack.pop() ?? 0] = i;
  }
  return match;
}

function renderTextMode(text: string, output: TextOutput): string {
  const match = matchBraces(text);
  const commandAt = (i: number) => /^\\([A-Za-z]+)\*?/.exec(text.slice(i, i + 40));
  const argument = (from: number): { start: number; end: number } | null => {
    let i = from;
    while (text[i] === ' ') i++;
    while (text[i] === '[') {
      // Optional arguments are short ("[p.~3]"); a search bounded to 200 characters keeps hostile text linear.
      const close = text.slice(i, i + 200).indexOf(']');
      if (close === -1) return null;
      i += close + 1;
    }
    const end = text[i] === '{' ? (match[i] ?? -1) : -1;
    return end === -1 ? null : { start: i + 1, end };
  };

  const render = (start: number, end: number, depth: number): string => {
    let out = '';
    let i = start;
    while (i < end) {
      const char = text[i] ?? '';
      if (char === '{') {
        const close = match[i] ?? -1;
        if (close === -1 || close >= end || depth >= MAX_DEPTH) {
          out += output.text(char);
          i++;
          continue;
        }
        const inner = /^\\(em|it|sl|bf|tt|sc|rm|sf)\b\s*/.exec(text.slice(i + 1, i + 8));
        const style = inner ? GROUP_STYLES[inner[1] ?? ''] : undefined;
        const body = render(i + 1 + (inner ? inner[0].length : 0), close, depth + 1);
        out += style ? output.wrap(style, body) : body;
        i = close + 1;
        continue;
      }
      if (char === '\\') {
        const command = commandAt(i);
        const name = command?.[1];
        if (command && name) {
          const after = i + command[0].length;
          const style = COMMAND_STYLES[name];
          if (style) {
            const arg = argument(after);
            if (arg && arg.end < end && depth < MAX_DEPTH) {
              out += output.wrap(style, render(arg.start, arg.end, depth + 1));
              i = arg.end + 1;
              continue;
            }
          } else if (CITATIONS.has(name) || name === 'url' || name === 'href') {
            const arg = argument(after);
            if (arg && arg.end < end) {
              const value = text.slice(arg.start, arg.end);
              if (name === 'href') {
                // Only the link text is shown: record text never becomes a link target.
                const label = argument(arg.end + 1);
                out += label && label.end < end ? render(label.start, label.end, depth + 1) : output.text(value);
                i = label && label.end < end ? label.end + 1 : arg.end + 1;
              } else {
                out += name === 'url' ? output.text(value) : output.citation(value);
                i = arg.end + 1;
              }
              continue;
            }
          } else if (SYMBOLS[name] !== undefined) {
            out += output.text(SYMBOLS[name] ?? '');
            i = after;
            if (text[i] === ' ' || (text[i] === '{' && text[i + 1] === '}')) i += text[i] === ' ' ? 1 : 2;
            continue;
          }
          out += output.text(command[0]);
          i = after;
          continue;
        }
        const next = text[i + 1] ?? '';
        if ('%&$#_{}'.includes(next) && next !== '') out += output.text(next);
        else if (next === '\\' || next === ' ' || next === ',') out += ' ';
        else out += output.text(char + next);
        i += 2;
        continue;
      }
      if (text.startsWith('---', i)) {
        out += '—';
        i += 3;
      } else if (text.startsWith('--', i)) {
        out += '–';
        i += 2;
      } else if (text.startsWith('``', i)) {
        out += '“';
        i += 2;
      } else if (text.startsWith("''", i)) {
        out += '”';
        i += 2;
      } else if (char === '~') {
        out += '\u00a0';
        i++;
      } else {
        // Copy the run of ordinary characters up to the next one that could start markup, escaped in one go.
        TEXT_SPECIAL.lastIndex = i + 1;
        const stop = Math.min(TEXT_SPECIAL.exec(text)?.index ?? end, end);
        out += output.text(text.slice(i, stop));
        i = stop;
      }
    }
    return out;
  };
  return render(0, text.length, 0);
}

/** Renders record text to safe HTML; `onMathError` hears about every formula KaTeX could not render (shown as source). */
export function renderRichText(src: string, onMathError?: (error: string, source: string) => void): string {
  return splitMath(src)
    .map((segment) => {
      if (segment.kind === 'text') return renderTextMode(segment.text, HTML_OUTPUT);
      const result = renderTex(segment.tex, segment.display);
      if (result.ok) return result.html;
      onMathError?.(result.error, segment.source);
      return `<span class="tex-source">${escapeHtml(segment.source)}</span>`;
    })
    .join('');
}

/** Record text as plain pieces, math flagged so it is never highlighted: `$\Theta(n)$ bound` → [["Θ(n)", 1], [" bound", 0]]. */
export function richTextPieces(src: string): Array<[string, 0 | 1]> {
  return splitMath(src).map((segment) =>
    segment.kind === 'text' ? [renderTextMode(segment.text, PLAIN_OUTPUT).replace(/\s+/g, ' '), 0] : [texMathToUnicode(segment.tex), 1],
  );
}

/** Plain text of record text, for titles, metadata and snippets: `$\Theta(n)$ \emph{bound}` → `Θ(n) bound`. */
export function richTextToPlain(src: string): string {
  return richTextPieces(src)
    .map(([text]) => text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text contains a formula, so its page needs KaTeX's stylesheet. */
export function hasMath(src: string): boolean {
  return src.includes('$') || src.includes('\\(') || src.includes('\\[') ? splitMath(src).some((segment) => segment.kind === 'math') : false;
}

/** The start of a text, about `limit` characters, cut at a word boundary outside math and outside braces. */
export function excerpt(src: string, limit = 280): string {
  if (src.length <= limit) return src;
  let out = '';
  for (const segment of splitMath(src)) {
    const piece = segment.kind === 'math' ? segment.source : segment.text;
    if (out.length + piece.length <= limit) {
      out += piece;
      continue;
    }
    if (segment.kind === 'text') {
      let depth = 0;
      let cut = -1;
      for (let i = 0; i < piece.length && out.length + i <= limit; i++) {
        const char = piece[i];
        if (char === '\\') i++;
        else if (char === '{') depth++;
        else if (char === '}') depth = Math.max(0, depth - 1);
        else if (char === ' ' && depth === 0) cut = i;
      }
      if (cut > 0) out += piece.slice(0, cut);
    }
    break;
  }
  // Nothing fitted (a long formula or a long unbroken word first): cut the first text hard rather than show nothing.
  if (out.trim() === '') {
    const text = splitMath(src).find((segment) => segment.kind === 'text');
    out = text?.kind === 'text' ? text.text.replace(/[{}\\]/g, '').slice(0, limit) : '';
  }
  return `${out.replace(/[\s,;:]+$/, '')}…`;
}
