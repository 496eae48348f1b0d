import { ACCENT_COMMAND_NAMES, decodeTextAccents, textAccentAt } from '../plain-text.ts';
import { texMathToUnicode } from './math-text.ts';
import { escapeHtml } from './escape-html.ts';
import { renderTex } from './tex.ts';

/**
 * Record text with LaTeX in it: math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) is rendered by KaTeX, text-mode
 * LaTeX (`\emph{}`, `{\em …}`, `\cite{}`, `~`, `--`, `\%`, accents such as `\"o`, …) becomes readable HTML,
 * layout commands (`\vspace{}`, `\noindent`) vanish, an unknown command stays as written (`\foo{bar}`), URLs
 * stay verbatim (and become links where asked), and everything else is escaped. This module and KaTeX are the
 * only sources of raw HTML in the site.
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
  /** A link to `href` (an http or https URL already checked) around rendered text. */
  link(href: string, inner: string): string;
}

type Style = 'em' | 'strong' | 'code' | 'smallcaps' | 'underline' | 'sup' | 'sub' | 'footnote' | 'plain';

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
      case 'sup':
        return `<sup>${inner}</sup>`;
      case 'sub':
        return `<sub>${inner}</sub>`;
      case 'footnote':
        return `<span class="footnote"> (${inner})</span>`;
      default:
        return inner;
    }
  },
  citation: (keys) => `<span class="citation" title="Citation: ${escapeHtml(keys)}">[${escapeHtml(keys.replace(/\s*,\s*/g, ', '))}]</span>`,
  link: (href, inner) => `<a href="${escapeHtml(href)}" rel="external nofollow">${inner}</a>`,
};

const PLAIN_OUTPUT: TextOutput = {
  text: (value) => value,
  wrap: (style, inner) => (style === 'footnote' ? ` (${inner})` : inner),
  citation: (keys) => `[${keys.replace(/\s*,\s*/g, ', ')}]`,
  link: (_, inner) => inner,
};

const COMMAND_STYLES: Readonly<Record<string, Style>> = {
  emph: 'em', textit: 'em', textsl: 'em', textbf: 'strong', texttt: 'code', textsc: 'smallcaps', underline: 'underline',
  textrm: 'plain', textsf: 'plain', textup: 'plain', textnormal: 'plain', textmd: 'plain', mbox: 'plain', hbox: 'plain', text: 'plain',
  hyperref: 'plain', textsuperscript: 'sup', textsubscript: 'sub', footnote: 'footnote', thanks: 'footnote',
};
// Commands of two arguments that show the second: `\textcolor{red}{x}` → x.
const SECOND_ARGUMENT_STYLES: Readonly<Record<string, Style>> = { textcolor: 'plain', colorbox: 'plain' };
// Declarations: from where they stand to the end of their group (`{\em x}`, `{a \bf b}`). Followed straight by a group
// (`\em{x}`) they apply to that group, as its author meant `\emph{x}`.
const SWITCH_STYLES: Readonly<Record<string, Style>> = {
  em: 'em', it: 'em', sl: 'em', itshape: 'em', slshape: 'em', bf: 'strong', bfseries: 'strong', tt: 'code', ttfamily: 'code',
  sc: 'smallcaps', scshape: 'smallcaps', rm: 'plain', sf: 'plain', rmfamily: 'plain', sffamily: 'plain', upshape: 'plain',
  mdseries: 'plain', normalfont: 'plain', tiny: 'plain', scriptsize: 'plain', footnotesize: 'plain', small: 'plain',
  normalsize: 'plain', large: 'plain', Large: 'plain', LARGE: 'plain', huge: 'plain', Huge: 'plain',
};
const CITATIONS = new Set(['cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'parencite', 'textcite', 'autocite', 'ref', 'eqref', 'autoref', 'cref', 'Cref']);
const SYMBOLS: Readonly<Record<string, string>> = {
  ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—', S: '§', P: '¶', textsection: '§', textparagraph: '¶',
  textbullet: '•', textperiodcentered: '·', dag: '†', ddag: '‡', textdagger: '†', textdaggerdbl: '‡', LaTeX: 'LaTeX', LaTeXe: 'LaTeX2ε',
  TeX: 'TeX', BibTeX: 'BibTeX', copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™', textasciitilde: '~',
  textasciicircum: '^', textbackslash: '\\', textbar: '|', textless: '<', textgreater: '>', textunderscore: '_',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', textquotesingle: "'",
  guillemotleft: '«', guillemotright: '»', textdegree: '°', textmu: 'µ', texttimes: '×', textpm: '±', pounds: '£', euro: '€',
  checkmark: '✓',
};
// Opening quotes belong to the word after them, whatever comes before.
const OPENING_SYMBOLS = new Set(['textquoteleft', 'textquotedblleft', 'guillemotleft']);
// Commands that only lay out the page: each leaves a space or nothing, and takes its argument, if it has one, with it.
const LAYOUT_GAPS: Readonly<Record<string, ' ' | ''>> = {
  vspace: ' ', hspace: ' ', quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', enskip: ' ', newline: ' ', linebreak: ' ',
  par: ' ', smallskip: ' ', medskip: ' ', bigskip: ' ', hfill: ' ', vfill: ' ', newpage: ' ', clearpage: ' ', pagebreak: ' ',
  xspace: ' ', noindent: '', indent: '', relax: '', protect: '', nobreak: '', allowbreak: '', nolinebreak: '', centering: '',
  raggedright: '', unskip: '', ignorespaces: '', label: '', index: '', phantom: '', hphantom: '', vphantom: '', color: '',
};
const LAYOUT_WITH_ARGUMENT = new Set(['vspace', 'hspace', 'label', 'index', 'phantom', 'hphantom', 'vphantom', 'color']);

// Characters that can start text-mode markup; everything between them is copied as one run.
const TEXT_SPECIAL = /[{}\\`'~-]/g;

// Deeper nesting than this is shown as literal braces: bounded work for hostile input.
const MAX_DEPTH = 32;

const NO_BRACES = new Int32Array(0);
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const LETTER = /\p{L}/u;

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

/** A web address in record text: where it starts and ends in the text, and the address it writes. */
interface TextUrl {
  start: number;
  end: number;
  url: string;
}

const URL_START = /https?:\/\/|www\./gi;
// What a written URL is made of: no space, no character that cannot stand in one unescaped, no TeX grouping; LaTeX
// escapes that authors carry over from their sources (`\_`, `\%`, `\~`, `\~{}`) stand for their character.
// At most MAX_URL_LENGTH characters are read as one, so that hostile text stays linear.
const MAX_URL_LENGTH = 2048;
const URL_BODY = new RegExp(String.raw`(?:[^\s<>"{}|\\^\`]|\\[_%&#$~](?:\{\})?){1,${MAX_URL_LENGTH}}`, 'y');
const URL_ESCAPE = /\\([_%&#$~])(?:\{\})?/g;
// Sentence punctuation after a URL is not part of it (as in GitHub's autolinks); a lone backslash is what is left of an escape.
const URL_TRAILING = /[.,:;!?'*~\\”’»›…]/;
const HTTP_URL = /^https?:\/\/[\p{L}\p{N}[]/iu;
const WWW_URL = /^www\.[\p{L}\p{N}-]+\.[\p{L}\p{N}]/iu;
// A letter or digit right before "http" or "www." makes them part of another word ("xhttp://", "awww.").
const WORD_BEFORE_URL = /[\p{L}\p{N}_@/.\-\\]/u;

// The written URL without the punctuation that follows it: trailing `.,;:` and the like, and a closing bracket
// that has no opening one inside the URL (`(see https://x.org/a)` but `https://en.wikipedia.org/wiki/Set_(mathematics)`).
function trimUrl(url: string): string {
  let end = url.length;
  let parens = 0;
  let brackets = 0;
  for (let i = 0; i < end; i++) {
    const char = url[i];
    if (char === '(') parens++;
    else if (char === ')') parens--;
    else if (char === '[') brackets++;
    else if (char === ']') brackets--;
  }
  for (;;) {
    const last = url[end - 1] ?? '';
    if (URL_TRAILING.test(last)) end--;
    else if (last === ')' && parens < 0) {
      parens++;
      end--;
    } else if (last === ']' && brackets < 0) {
      brackets++;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

/** Every http(s) and `www.` address written in the text, in order, without the punctuation after it. */
function findUrls(text: string): TextUrl[] {
  const found: TextUrl[] = [];
  URL_START.lastIndex = 0;
  for (let start = URL_START.exec(text); start; start = URL_START.exec(text)) {
    const at = start.index;
    if (at > 0 && WORD_BEFORE_URL.test(text[at - 1] ?? '')) continue;
    const shape = start[0].length === 4 ? WWW_URL : HTTP_URL;
    // The shape is checked on the first characters before the body is read: a run of "http://," must not read
    // the rest of the text once per candidate.
    if (!shape.test(text.slice(at, at + 64))) continue;
    URL_BODY.lastIndex = at;
    const written = trimUrl(URL_BODY.exec(text)?.[0] ?? '');
    if (!shape.test(written)) continue;
    found.push({ start: at, end: at + written.length, url: written.replace(URL_ESCAPE, '$1') });
    URL_START.lastIndex = at + written.length;
  }
  return found;
}

/** The link target of a written URL: http(s) only, `www.` addresses with `http://` (as GitHub links them); else null. */
export function linkTarget(url: string): string | null {
  const absolute = /^www\./i.test(url) ? `http://${url}` : url;
  if (!HTTP_URL.test(absolute)) return null;
  try {
    const parsed = new URL(absolute);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '' ? parsed.href : null;
  } catch {
    return null;
  }
}

function renderTextMode(text: string, output: TextOutput, linksOn: boolean): string {
  const match = matchBraces(text);
  const urls = text.includes('://') || /www\./i.test(text) ? findUrls(text) : [];
  let urlCursor = 0;
  // The first URL starting at or after `from`; the renderer walks the text forwards, so the cursor rarely moves back.
  const nextUrl = (from: number): TextUrl | undefined => {
    if (urlCursor > 0 && (urls[urlCursor - 1]?.start ?? -1) >= from) urlCursor = 0;
    while (urlCursor < urls.length && (urls[urlCursor]?.start ?? Infinity) < from) urlCursor++;
    return urls[urlCursor];
  };
  // An unknown command keeps its source readable: the groups right after it keep their braces (`\foo{bar}`).
  let keepBracesAt = -1;
  const commandAt = (i: number) => /^\\([A-Za-z]+)\*?/.exec(text.slice(i, i + 40));
  const optionalEnd = (from: number): number => {
    // Optional arguments are short ("[p.~3]"); a search bounded to 200 characters keeps hostile text linear.
    const close = text[from] === '[' ? text.slice(from, from + 200).indexOf(']') : -1;
    return close === -1 ? from : from + close + 1;
  };
  const argument = (from: number): { start: number; end: number } | null => {
    let i = from;
    while (text[i] === ' ') i++;
    while (text[i] === '[') {
      const after = optionalEnd(i);
      if (after === i) return null;
      i = after;
    }
    const end = text[i] === '{' ? (match[i] ?? -1) : -1;
    return end === -1 ? null : { start: i + 1, end };
  };
  const link = (url: string, inner: string, links: boolean): string => {
    const href = links ? linkTarget(url) : null;
    return href ? output.link(href, inner) : inner;
  };
  // The space after a control word ends it, and TeX drops it; kept after a symbol that starts a word (`5 \AA thick`, `a \ldots b`).
  const afterSymbol = (at: number, after: number, name: string): number => {
    if (text[after] === '{' && text[after + 1] === '}') return after + 2;
    return text[after] === ' ' && (OPENING_SYMBOLS.has(name) || (at > 0 && LETTER.test(text[at - 1] ?? ''))) ? after + 1 : after;
  };

  const render = (start: number, end: number, depth: number, links: boolean): string => {
    let out = '';
    let i = start;
    while (i < end) {
      const char = text[i] ?? '';
      const url = urls.length > 0 ? nextUrl(i) : undefined;
      if (url && url.start === i && url.end <= end) {
        // Verbatim: a URL's `~` and `--` are not TeX.
        out += link(url.url, output.text(url.url), links);
        i = url.end;
        continue;
      }
      if (char === '{') {
        const close = match[i] ?? -1;
        if (close === -1 || close >= end || depth >= MAX_DEPTH) {
          out += output.text(char);
          i++;
          continue;
        }
        const kept = i === keepBracesAt;
        const body = render(i + 1, close, depth + 1, links);
        out += kept ? `${output.text('{')}${body}${output.text('}')}` : body;
        if (kept) keepBracesAt = close + 1;
        i = close + 1;
        continue;
      }
      if (char === '\\') {
        const accent = textAccentAt(text, i);
        if (accent && accent.end <= end) {
          out += output.text(accent.text);
          i = accent.end;
          continue;
        }
        const command = commandAt(i);
        const name = command?.[1];
        if (command && name) {
          const after = i + command[0].length;
          const nested = depth < MAX_DEPTH;
          const style = COMMAND_STYLES[name];
          const switchStyle = SWITCH_STYLES[name];
          const secondStyle = SECOND_ARGUMENT_STYLES[name];
          if (style) {
            const arg = argument(after);
            if (arg && arg.end < end && nested) {
              out += output.wrap(style, render(arg.start, arg.end, depth + 1, links));
              i = arg.end + 1;
              continue;
            }
          } else if (switchStyle && nested) {
            const group = text[after] === '{' ? (match[after] ?? -1) : -1;
            if (group !== -1 && group < end) {
              out += output.wrap(switchStyle, render(after + 1, group, depth + 1, links));
              i = group + 1;
            } else {
              let from = after;
              while (text[from] === ' ') from++;
              out += output.wrap(switchStyle, render(from, end, depth + 1, links));
              i = end;
            }
            continue;
          } else if (secondStyle) {
            const first = argument(after);
            const second = first && first.end < end ? argument(first.end + 1) : null;
            if (second && second.end < end && nested) {
              out += output.wrap(secondStyle, render(second.start, second.end, depth + 1, links));
              i = second.end + 1;
              continue;
            }
          } else if (CITATIONS.has(name)) {
            const arg = argument(after);
            if (arg && arg.end < end) {
              out += output.citation(text.slice(arg.start, arg.end));
              i = arg.end + 1;
              continue;
            }
          } else if (name === 'url' || name === 'href') {
            const arg = argument(after);
            if (arg && arg.end < end && nested) {
              // Verbatim, as `\url` prints it; only an http(s) or `www.` address becomes a link target.
              const url = text.slice(arg.start, arg.end).trim().replace(URL_ESCAPE, '$1');
              const label = name === 'href' ? argument(arg.end + 1) : null;
              if (label && label.end < end) {
                // The label of a link never links again.
                out += link(url, render(label.start, label.end, depth + 1, false), links);
                i = label.end + 1;
              } else {
                out += link(url, output.text(url), links);
                i = arg.end + 1;
              }
              continue;
            }
          } else if (SYMBOLS[name] !== undefined) {
            out += output.text(SYMBOLS[name] ?? '');
            i = afterSymbol(i, after, name);
            continue;
          } else if (LAYOUT_GAPS[name] !== undefined) {
            let next = optionalEnd(after);
            if (LAYOUT_WITH_ARGUMENT.has(name)) {
              const arg = argument(next);
              if (arg && arg.end < end) next = arg.end + 1;
            } else {
              while (text[next] === ' ') next++;
            }
            out += LAYOUT_GAPS[name] ?? '';
            i = next;
            continue;
          }
          out += output.text(command[0]);
          i = after;
          if (text[i] === '[') {
            const close = optionalEnd(i);
            if (close > i && close <= end) {
              out += render(i, close, depth + 1, links);
              i = close;
            }
          }
          keepBracesAt = i;
          continue;
        }
        const next = text[i + 1] ?? '';
        i += 2;
        if (next !== '' && '%&$#_{}'.includes(next)) out += output.text(next);
        else if (next === '\\') {
          // A line break, `\\*` and `\\[2mm]` included.
          out += ' ';
          if (text[i] === '*') i++;
          i = optionalEnd(i);
        } else if (next === ' ' || next === ',' || next === ';' || next === ':') out += ' ';
        // Italic correction, end of sentence, discretionary hyphen, negative thin space: nothing to show.
        else if (next === '/' || next === '@' || next === '-' || next === '!') continue;
        else if ((next === '~' || next === '^') && text[i] === '{' && text[i + 1] === '}') {
          // `\~{}` and `\^{}`, the usual spellings of a literal tilde and caret.
          out += output.text(next);
          i += 2;
        } else out += output.text(char + next);
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
        // Copy the run of ordinary characters up to the next one that could start markup or a URL, escaped in one go.
        TEXT_SPECIAL.lastIndex = i + 1;
        const special = TEXT_SPECIAL.exec(text)?.index ?? end;
        const stop = Math.min(special, (urls.length > 0 ? nextUrl(i + 1)?.start : undefined) ?? end, end);
        out += output.text(text.slice(i, stop));
        i = stop;
      }
    }
    return out;
  };
  return render(0, text.length, 0, linksOn);
}

/** How renderRichText writes record text. */
export interface RichTextOptions {
  /**
   * Make http(s) and `www.` addresses, `\url{}` and `\href{}{}` links (`<a href rel="external nofollow">`). Off by
   * default: a title is shown inside a link to its paper, and links must not nest. URLs are verbatim either way.
   */
  links?: boolean;
}

/** Renders record text to safe HTML; `onMathError` hears about every formula KaTeX could not render (shown as source). */
export function renderRichText(src: string, onMathError?: (error: string, source: string) => void, options: RichTextOptions = {}): string {
  const links = options.links === true;
  return splitMath(src)
    .map((segment) => {
      if (segment.kind === 'text') return renderTextMode(segment.text, HTML_OUTPUT, links);
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
    segment.kind === 'text' ? [renderTextMode(segment.text, PLAIN_OUTPUT, false).replace(/\s+/g, ' '), 0] : [texMathToUnicode(segment.tex), 1],
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
      let escape = -1;
      for (let i = 0; i < piece.length && out.length + i <= limit; i++) {
        const char = piece[i];
        if (char === '\\') escape = i++;
        else if (char === '{') depth++;
        else if (char === '}') depth = Math.max(0, depth - 1);
        // Not between an accent and its letter (`\" o`, `\c c`).
        else if (char === ' ' && depth === 0 && !(escape === i - 2 && ACCENT_COMMAND_NAMES.has(piece[i - 1] ?? '\\'))) cut = i;
      }
      if (cut > 0) out += piece.slice(0, cut);
    }
    break;
  }
  // Nothing fitted (a long formula or a long unbroken word first): cut the first text hard rather than show nothing.
  if (out.trim() === '') {
    const text = splitMath(src).find((segment) => segment.kind === 'text');
    out = text?.kind === 'text' ? decodeTextAccents(text.text).replace(/[{}\\]/g, '').slice(0, limit) : '';
  }
  // The ellipsis takes the place of a full stop or of three dots ("inference…", not "inference.…").
  return `${out.replace(/[\s,;:]+$/, '').replace(/(?:\.\.\.|(?<!\.)\.)$/, '')}…`;
}
