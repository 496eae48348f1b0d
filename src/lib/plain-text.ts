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
};

const GREEK_OR_SYMBOL = new RegExp(`[${Object.keys(GREEK).join('')}${Object.keys(SYMBOLS).join('')}]`, 'gu');

/** Plain text of LaTeX-bearing text: Greek letters and symbols become their names, commands lose their backslash, `$`, braces, `^` and `_` go. */
export function toPlainText(text: string): string {
  return text
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
