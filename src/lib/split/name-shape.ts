/**
 * How much a string reads like an author name. Costs are like negative log-odds: 0 is a textbook
 * name ("Miao Li"), larger is less likely, Infinity is impossible ("for Phonetic PerceptionChenxu").
 */

/** Lower-case name particles: van, von, de, della, dos, bin, … */
export const PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dello', 'degli', 'dei', 'di', 'da', 'das', 'dos', 'do', 'du',
  'la', 'le', 'les', 'ten', 'ter', 'te', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'zu', 'af', 'av', 'op', 'y', 'e',
  'st.',
]);

// Surname prefixes that put a capital inside a name: McDonald, MacLeod, LeCun, DiCaprio, DeWitt, FitzGerald, VanDyke.
const INNER_CAPITAL_PREFIX = /^(?:Mc|Mac|Le|La|De|Di|Da|Du|Van|Von|Fitz|Del|Dal|Des|St|Ten|Ter|Abu|Al|El|Ben|Bin)\p{Lu}[\p{Ll}\p{M}]+$/u;
const INNER_CAPITAL_GENERIC = /^\p{Lu}\p{Ll}{1,2}\p{Lu}[\p{Ll}\p{M}]+$/u;
// Romanised given names written in camel case: HongSheng, YoungJu.
const CAMEL_GIVEN_NAME = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u;
/** The start of a surname with an elided lower-case particle: d'Ambrumenil, l'Huillier, dell'Orto. */
export const ELIDED_LOWER_CASE_PARTICLE = /^(?:d|l|dell|o)['’]/;
// Surnames with an elided particle: those above, and Dall'Aglio, Sant'Anna.
const ELIDED_PARTICLE = new RegExp(`${ELIDED_LOWER_CASE_PARTICLE.source}\\p{Lu}[\\p{Ll}\\p{M}]+$|^(?:Dall|Dell|Sant|Pie)['’]\\p{Lu}[\\p{Ll}\\p{M}]+$`, 'u');
const WORD = /^\p{Lu}[\p{Ll}\p{M}]+$/u;
const APOSTROPHE_WORD = /^\p{Lu}['’]\p{Lu}[\p{Ll}\p{M}]+$|^\p{Lu}[\p{Ll}\p{M}]+['’]\p{Ll}[\p{Ll}\p{M}]*$/u;
const INITIAL = /^(?:\p{Lu}\p{Ll}{0,2}\.)$|^(?:\p{Lu}\.-?){2,3}$|^-\p{Lu}\.$/u;
const BARE_INITIAL = /^\p{Lu}$/u;
const CAPS = /^\p{Lu}{2,}$/u;
/** Generational suffixes that can end a name. */
export const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
const UNCASED = /^[\p{Lo}\p{M}·・]+$/u;

/** The role a single token can play inside a person's name. */
export type TokenKind = 'word' | 'initial' | 'particle' | 'inner-capital' | 'caps' | 'uncased' | 'suffix';

/** Classifies one token of a person's name with its cost; null when no name has such a token. */
export function classifyNameToken(token: string): { kind: TokenKind; cost: number } | null {
  if (SUFFIX.test(token)) return { kind: 'suffix', cost: 0.5 };
  if (WORD.test(token) || APOSTROPHE_WORD.test(token)) return { kind: 'word', cost: 0 };
  if (ELIDED_PARTICLE.test(token)) return { kind: 'word', cost: 0.3 };
  if (INITIAL.test(token)) return { kind: 'initial', cost: 0 };
  if (PARTICLES.has(token)) return { kind: 'particle', cost: 0.3 };
  if (INNER_CAPITAL_PREFIX.test(token)) return { kind: 'inner-capital', cost: 0.3 };
  if (UNCASED.test(token)) return { kind: 'uncased', cost: 0 };
  if (BARE_INITIAL.test(token)) return { kind: 'initial', cost: 0.7 };
  if (INNER_CAPITAL_GENERIC.test(token)) return { kind: 'inner-capital', cost: 1 };
  if (CAMEL_GIVEN_NAME.test(token)) return { kind: 'inner-capital', cost: 1 };
  if (CAPS.test(token)) return { kind: 'caps', cost: 2 };
  if (token.includes('-')) {
    // Hyphenated names: Mosk-Aoyama, Jean-Pierre, Abu-el-Haija.
    const parts = token.split('-');
    // Later parts may be lower case: Shin-nosuke, Abu-el-Haija.
    const kinds = parts.map((part, index) =>
      index > 0 && /^\p{Ll}+$/u.test(part) ? { kind: 'particle' as const, cost: 0.3 } : classifyNameToken(part),
    );
    if (kinds.some((kind) => kind === null || kind.kind === 'suffix')) return null;
    if (kinds[0]?.kind === 'particle') return null;
    const last = kinds.findLast((kind) => kind?.kind !== 'particle');
    const cost = Math.max(...kinds.map((kind) => kind?.cost ?? 0));
    return { kind: last?.kind === 'initial' ? 'initial' : 'word', cost };
  }
  return null;
}

const SURNAME_KINDS: ReadonlySet<TokenKind> = new Set(['word', 'inner-capital', 'caps', 'uncased']);

/** Cost of reading a string as a person's name ("M. Emrullah Ildiz", "Aäron van den Oord", "Jan Koutník"). */
export function personNameCost(name: string): number {
  // "John Smith, Jr." is scored as "John Smith Jr.".
  const tokens = name.replace(/, (?=(?:Jr\.?|Sr\.?|II|III|IV)$)/, ' ').split(' ');
  if (tokens.length === 0 || tokens.length > 6 || name.trim() !== name || name === '') return Infinity;
  let cost = 0;
  const kinds: TokenKind[] = [];
  for (const token of tokens) {
    const classified = classifyNameToken(token);
    if (!classified) return Infinity;
    cost += classified.cost;
    kinds.push(classified.kind);
  }
  let lastIndex = kinds.length - 1;
  if (kinds[lastIndex] === 'suffix') lastIndex--;
  if (kinds.slice(0, lastIndex).includes('suffix')) return Infinity;
  const last = kinds[lastIndex];
  if (last === undefined || !SURNAME_KINDS.has(last)) return Infinity;
  if (kinds[0] === 'particle') cost += 1.5;
  const named = lastIndex + 1;
  if (named === 1) cost += last === 'uncased' ? 0.5 : 3;
  else if (named === 4) cost += 0.3;
  else if (named === 5) cost += 1;
  else if (named >= 6) cost += 2;
  return cost;
}

/** Organisations that sign papers as authors. */
const KNOWN_ORGANISATIONS = new Set([
  'OpenAI', 'DeepSeek-AI', 'DeepMind', 'Google', 'Google DeepMind', 'Google Research', 'Meta', 'Meta AI', 'Anthropic',
  'NVIDIA', 'Microsoft', 'Apple', 'Amazon', 'IBM', 'Alibaba', 'Baidu', 'Tencent', 'ByteDance', 'Hugging Face',
  'EleutherAI', 'Mistral AI', 'Stability AI', 'Cohere', 'xAI', 'MiniMax', 'Zhipu AI', 'Moonshot AI', 'LAION', 'AI2',
  'BigScience Workshop', 'BigCode', 'Allen Institute for AI', 'Qwen', 'Kimi', 'StepFun', 'InternLM', 'Salesforce',
]);
const ORGANISATION_TAIL = /^(?:Team|Collaboration|Consortium|Group|Lab|Labs|Project|Initiative|Authors|Inc\.|Ltd\.|Workshop|Institute|Foundation)$/;
const ORGANISATION_TOKEN = /^[\p{Lu}\d][\p{L}\d]*(?:[-&.][\p{L}\d]+)*$/u;

/** Cost of reading a string as an organisation signing as author ("OpenAI", "DeepSeek-AI", "Gemini Team"). */
export function organisationCost(name: string): number {
  if (KNOWN_ORGANISATIONS.has(name)) return 0;
  const tokens = name.split(' ');
  if (tokens.length === 0 || tokens.length > 6 || tokens.some((token) => !ORGANISATION_TOKEN.test(token))) return Infinity;
  if (tokens.length > 1 && ORGANISATION_TAIL.test(tokens[tokens.length - 1] ?? '')) return 0.5;
  if (tokens.length === 1) {
    const token = tokens[0] ?? '';
    const camel = /\p{Ll}\p{Lu}/u.test(token);
    const capsWord = /^\p{Lu}{3,}(?:-\p{Lu}+)?$/u.test(token);
    const hyphenCaps = /-\p{Lu}{2,}$/u.test(token);
    if (camel || capsWord || hyphenCaps) return 3.5;
  }
  return Infinity;
}

const costCache = new Map<string, number>();

/** Cost of an author entry: the better of person and organisation (memoised: names recur across a corpus). */
export function authorCost(name: string): number {
  const cached = costCache.get(name);
  if (cached !== undefined) return cached;
  const cost = Math.min(personNameCost(name), organisationCost(name));
  if (costCache.size > 500_000) costCache.clear();
  costCache.set(name, cost);
  return cost;
}
