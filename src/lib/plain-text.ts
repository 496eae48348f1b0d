/** A plain-text reading of text with LaTeX math, so `$\Theta(1/\Delta^2)$` and `$Θ(1/Δ^2)$` read alike. */

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ϑ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ϖ: 'pi', ρ: 'rho', ϱ: 'rho',
  σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
  Α: 'Alpha', Β: 'Beta', Γ: 'Gamma', Δ: 'Delta', Ε: 'Epsilon', Ζ: 'Zeta', Η: 'Eta', Θ: 'Theta', Ι: 'Iota', Κ: 'Kappa',
  Λ: 'Lambda', Μ: 'Mu', Ν: 'Nu', Ξ: 'Xi', Ο: 'Omicron', Π: 'Pi', Ρ: 'Rho', Σ: 'Sigma', Τ: 'Tau', Υ: 'Upsilon',
  Φ: 'Phi', Χ: 'Chi', Ψ: 'Psi', Ω: 'Omega',
};

const SYMBOLS: Readonly<Record<string, string>> = {
  '∞': 'infty', '≤': 'leq', '≥': 'geq', '≠': 'neq', '≈': 'approx', '→': 'to', '←': 'leftarrow', '⇒': 'implies',
  '∈': 'in', '∑': 'sum', '∏': 'prod', '∫': 'int', '√': 'sqrt', '×': 'times', '±': 'pm', '∂': 'partial', '∇': 'nabla',
  'ℓ': 'ell', '∼': 'sim', '≪': 'll', '≫': 'gg', '⊂': 'subset', '∪': 'cup', '∩': 'cap', '∀': 'forall', '∃': 'exists',
};

/** LaTeX spellings that mean the same as another command or symbol ('' for formatting commands). */
export const COMMAND_ALIASES: Readonly<Record<string, string>> = {
  le: 'leq', ge: 'geq', ne: 'neq', varepsilon: 'epsilon', vartheta: 'theta', varphi: 'phi', varrho: 'rho',
  varpi: 'pi', varsigma: 'sigma', rightarrow: 'to', gets: 'leftarrow', mapsto: 'to', Rightarrow: 'implies', ldots: '', dots: '',
  cdots: '', left: '', right: '', mathrm: '', mathbf: '', mathcal: '', mathbb: '', text: '', textrm: '', emph: '',
  textit: '', textbf: '', operatorname: '', big: '', Big: '', bigg: '', Bigg: '',
  // Text styles and boxes: their argument is the text.
  textsc: '', texttt: '', textsf: '', textup: '', textmd: '', textnormal: '', underline: '', mbox: '', hbox: '',
};

// Text-mode accents: the combining mark each LaTeX accent command puts on its letter. NFC then gives the precomposed
// character where Unicode has one (`\"o` → ö, `\H{o}` → ő, `\c{c}` → ç), and the letter with its mark where it has not.
const ACCENT_MARKS: Readonly<Record<string, string>> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};
/** The one-character names of the text-mode accent commands (`\"`, `\'`, `\c`, …). */
export const ACCENT_COMMAND_NAMES: ReadonlySet<string> = new Set(Object.keys(ACCENT_MARKS));
// Letters LaTeX spells as commands; `\i` and `\j` are the dotless letters an accent goes on (`\'\i` → í).
const LETTER_COMMANDS: Readonly<Record<string, string>> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
};
// `\"o`, `\"{o}`, `\" o`, `\"\i`, `\"{\i}`; letter-named accents need a space, a brace or a backslash after the name (`\c c`, `\v{s}`).
// The accent commands named by a symbol (`\"`) and by a letter (`\c`), as character-class contents.
const classOf = (names: string[]) => names.map((name) => name.replace(/[\\\]^-]/g, '\\$&')).join('');
const ACCENT_SYMBOLS = classOf(Object.keys(ACCENT_MARKS).filter((name) => !/[A-Za-z]/.test(name)));
const ACCENT_LETTERS = classOf(Object.keys(ACCENT_MARKS).filter((name) => /[A-Za-z]/.test(name)));
const ACCENT = new RegExp(
  String.raw`\\(?:([${ACCENT_SYMBOLS}])|([${ACCENT_LETTERS}])(?![A-Za-z]))\s*(?:\{\s*(?:([A-Za-z])|\\([ij])(?![A-Za-z]))\s*\}|([A-Za-z])|\\([ij])(?![A-Za-z]))`,
  'y',
);
const LETTER_NAMES = Object.keys(LETTER_COMMANDS).join('|');
const LETTER_COMMAND = new RegExp(String.raw`\\(${LETTER_NAMES})(?![A-Za-z])(\{\})?`, 'y');
/** Somewhere in the text, a text-mode accent or letter command (`\"o`, `\c c`, `\ss`) that the plain reading decodes. */
export const TEXT_ACCENT = new RegExp(String.raw`\\(?:[${ACCENT_SYMBOLS}]|(?:[${ACCENT_LETTERS}]|${LETTER_NAMES})(?![A-Za-z]))`);
const LETTER = /\p{L}/u;

/** A text-mode accent or letter command at `at` (a backslash): its character (NFC) and where its source ends; else null. */
export function textAccentAt(text: string, at: number): { text: string; end: number } | null {
  ACCENT.lastIndex = at;
  const accent = ACCENT.exec(text);
  if (accent) {
    const mark = ACCENT_MARKS[accent[1] ?? accent[2] ?? ''] ?? '';
    const dotless = accent[4] ?? accent[6];
    let end = at + accent[0].length;
    // `Mart\'\i nez`: the space only ends the control word `\i`, and TeX drops it.
    if (accent[6] !== undefined && text[end] === ' ') end++;
    return { text: `${dotless ?? accent[3] ?? accent[5] ?? ''}${mark}`.normalize('NFC'), end };
  }
  LETTER_COMMAND.lastIndex = at;
  const letter = LETTER_COMMAND.exec(text);
  if (!letter) return null;
  let end = at + letter[0].length;
  // The space after a letter command ends it and TeX drops it (`Bj\o rn`, `Stra\ss e`, `\OE uvre`, `\AA ngstr\"om`).
  // Only the ångström sign after a number keeps it, as authors write the unit (`5 \AA resolution`), and so does a
  // letter command before anything but a letter.
  const insideWord = at > 0 && LETTER.test(text[at - 1] ?? '');
  const unitAfterNumber = letter[1] === 'AA' && /\d\s*$/.test(text.slice(Math.max(0, at - 4), at));
  if (letter[2] === undefined && text[end] === ' ' && (insideWord || (!unitAfterNumber && LETTER.test(text[end + 1] ?? '')))) end++;
  return { text: LETTER_COMMANDS[letter[1] ?? ''] ?? '', end };
}

const SPACE = /\s/;

/**
 * Record text with its text-mode accents and letter commands as characters, everything else as it was:
 * `Gr\"obner`, `Gr{\"o}bner` and `Gr\"{o}bner` all read `Gröbner`, `Erd\H{o}s` reads `Erdős`, `{\O}bro` reads `Øbro`.
 * A group holding nothing but the accent loses its braces, so the letter stays inside its word.
 */
export function decodeTextAccents(text: string): string {
  let at = text.indexOf('\\');
  if (at === -1) return text;
  let out = '';
  let copied = 0;
  while (at !== -1) {
    const found = textAccentAt(text, at);
    if (!found) {
      // `\\`, `\%` and the like are pairs: the second character never starts a command.
      at = text.indexOf('\\', at + 2);
      continue;
    }
    let start = at;
    let end = found.end;
    let open = start - 1;
    while (open >= copied && SPACE.test(text[open] ?? '')) open--;
    let close = end;
    while (close < text.length && SPACE.test(text[close] ?? '')) close++;
    if (open >= copied && text[open] === '{' && text[open - 1] !== '\\' && text[close] === '}') {
      start = open;
      end = close + 1;
    }
    out += text.slice(copied, start) + found.text;
    copied = end;
    at = text.indexOf('\\', end);
  }
  return out + text.slice(copied);
}

const GREEK_OR_SYMBOL = new RegExp(`[${Object.keys(GREEK).join('')}${Object.keys(SYMBOLS).join('')}]`, 'gu');

/**
 * Plain text of LaTeX-bearing text: text-mode accents become their letters (`G\"odel` → `Gödel`), Greek letters and
 * symbols become their names, commands lose their backslash, `$`, braces, `^` and `_` go.
 */
export function toPlainText(text: string): string {
  return decodeTextAccents(text)
    .replace(GREEK_OR_SYMBOL, (char) => ` ${GREEK[char] ?? SYMBOLS[char] ?? char} `)
    .replace(/\\([A-Za-z]+)/g, (_, command: string) => ` ${COMMAND_ALIASES[command] ?? command} `)
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\\([%&$#_{}])/g, '$1')
    .replace(/\$+|[{}^_~]|\\[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// What toPlainText rewrites besides Greek letters and symbols: text without any of these only has those to change.
const LATEX_SYNTAX = /[\\$\{\}\^_~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// Greek after the symbols, so that a character in both reads as toPlainText reads it.
const NAME_OF_CHAR: ReadonlyMap<string, string> = new Map([...Object.entries(SYMBOLS), ...Object.entries(GREEK)]);

/**
 * The words of `toPlainText(text)`, as `split(/[^\p{L}\p{N}]+/u)` gives them without the empty ones: runs of
 * letters and digits. Text without LaTeX syntax (most titles, names and abstracts) is read in one pass,
 * without building its plain text; the search index tokenizes about two million words this way.
 */
export function plainTextWords(text: string): string[] {
  const plain = LATEX_SYNTAX.test(text) ? toPlainText(text) : text;
  const words: string[] = [];
  let start = 0;
  let at = 0;
  while (at < plain.length) {
    const code = plain.charCodeAt(at);
    if (code < 128) {
      at += 1;
      const wordChar = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
      if (!wordChar) {
        if (at - 1 > start) words.push(plain.slice(start, at - 1));
        start = at;
      }
      continue;
    }
    const char = String.fromCodePoint(plain.codePointAt(at) ?? code);
    const name = NAME_OF_CHAR.get(char);
    if (name === undefined && WORD_CHAR.test(char)) {
      at += char.length;
      continue;
    }
    if (at > start) words.push(plain.slice(start, at));
    // A Greek letter or symbol is a word of its own, its name, as toPlainText spaces it.
    if (name !== undefined) words.push(name);
    at += char.length;
    start = at;
  }
  if (at > start) words.push(plain.slice(start, at));
  return words;
}

/** Lower-case words of the plain text, accents folded, for comparing and indexing. */
export function plainWords(text: string): string[] {
  // Merging and abstract fingerprints compare these words: `G\"odel`, `Gödel` and `Godel` are one word. (similarity.ts
  // hashes ASCII text in one pass, so it sends text with an accent command, TEXT_ACCENT, through here.)
  const plain = toPlainText(text);
  // Accent folding is only needed beyond ASCII.
  const folded = /[^\x00-\x7f]/.test(plain) ? plain.normalize('NFKD').replace(/\p{M}/gu, '') : plain;
  return folded
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

// Where TeX's glyph is not the first character the tables above list under its name, or the name stands for nothing
// in the words above (dots are formatting to the search index, characters to a reader).
const TEX_GLYPHS: Readonly<Record<string, string>> = { epsilon: 'ϵ', phi: 'ϕ', cdot: '·', ldots: '…', dots: '…', cdots: '⋯' };
let charactersOfCommands: ReadonlyMap<string, string> | undefined;

/** The character a LaTeX command stands for, from the tables toPlainText reads: `Delta` → `Δ`, `le` → `≤`; else undefined. */
export function commandCharacter(name: string): string | undefined {
  if (!charactersOfCommands) {
    // Built on first use: the search client imports this module and never asks.
    const byName = new Map<string, string>();
    for (const [char, command] of [...Object.entries(GREEK), ...Object.entries(SYMBOLS)]) if (!byName.has(command)) byName.set(command, char);
    for (const [alias, command] of Object.entries(COMMAND_ALIASES)) {
      const char = byName.get(command);
      if (char !== undefined) byName.set(alias, char);
    }
    for (const [command, char] of Object.entries(TEX_GLYPHS)) byName.set(command, char);
    charactersOfCommands = byName;
  }
  return charactersOfCommands.get(name);
}
