/**
 * Deterministic synthetic listing dumps for the benchmarks: card listings, abstract-only listings and arXiv id
 * listings in the shapes of data/listings/, built from the vocabulary of real arXiv records in
 * tests/fixtures/real-arxiv (copies of ../shared/real-arxiv, kept in the repository so that a fresh clone, and the
 * build tests that use this generator, have them). Same entries and seed give byte-identical dumps; nothing
 * here reads Math.random or the clock.
 *
 * Mix: ~60% card entries, ~15% abstract-only entries, ~25% arXiv id entries, files of ~2,000 entries.
 * Planted overlap so merging does real work: cards repeated in a later card dump, abstract-only entries that
 * copy (sometimes edit) a card's abstract, arXiv entries that copy a card paper or repeat an earlier id.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Capture date recorded in sources.json for every generated card dump. */
export const CAPTURED = '2026-11-21';

/** Which listing format a generated dump is written in. */
export type DumpKind = 'card' | 'abstract' | 'arxiv-id';

/** One generated dump: its path relative to the data folder, its text and its format. */
export interface GeneratedDump {
  file: string;
  text: string;
  kind: DumpKind;
}

/** A generated corpus with what a perfect merge finds in it. */
export interface GeneratedCorpus {
  dumps: GeneratedDump[];
  /** Distinct papers planted. */
  plantedPapers: number;
  /** Abstract-only entries that copy no other paper: each should become an incomplete record (and a warning). */
  orphanAbstracts: number;
}

const REAL_ARXIV_DIR = new URL('../fixtures/real-arxiv/', import.meta.url);
const ENTRIES_PER_FILE = 2000;
const SHARE = { card: 0.6, abstract: 0.15 } as const;
const CAPTURE = { year: 2026, month: 11, day: 21 } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// ---------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny 32-bit seeded PRNG returning floats in [0, 1); the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** Items drawn in proportion to their counts (binary search over cumulative weights). */
class Weighted {
  private readonly items: string[];
  private readonly cumulative: number[];

  constructor(counts: ReadonlyMap<string, number>) {
    this.items = [...counts.keys()];
    let total = 0;
    this.cumulative = [...counts.values()].map((count) => (total += count));
    if (this.items.length === 0) throw new Error('empty vocabulary');
  }

  pick(rng: Rng): string {
    const target = rng.float() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low] ?? '';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary from real arXiv records

interface RealRecord {
  title: string;
  authors: string;
  abstract: string;
  comments: string;
}

interface Vocabulary {
  abstractWords: Weighted;
  titleWords: Weighted;
  firstNames: string[];
  lastNames: string[];
  comments: string[];
}

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'in', 'on', 'with', 'via', 'to', 'from', 'by', 'at', 'under', 'is', 'are', 'as',
  'using', 'towards', 'toward', 'its', 'their', 'into', 'when', 'do', 'does', 'can', 'we', 'what', 'how', 'not', 'or', 'vs',
  'through', 'beyond', 'without', 'over', 'between', 'based', 'that', 'this', 'be', 'it', 'which', 'all', 'our', 'new',
]);
const NAME_WORD = /^\p{Lu}\p{Ll}+$/u;
const SURNAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
const ABSTRACT_TOKEN = /^\p{L}[\p{L}\p{N}-]*\p{L}$|^a$/u;
const TITLE_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}]$/u;

function collapse(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function toRealRecord(raw: unknown): RealRecord {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    title: collapse(record.title),
    authors: collapse(record.authors),
    abstract: collapse(record.abstract),
    comments: collapse(record.comments),
  };
}

function readRealRecords(): RealRecord[] {
  const sample = JSON.parse(readFileSync(new URL('cs-2021-01-sample.json', REAL_ARXIV_DIR), 'utf8')) as unknown[];
  const snapshot = readFileSync(new URL('oai-snapshot-sample.jsonl', REAL_ARXIV_DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  return [...sample, ...snapshot].map(toRealRecord);
}

function tokens(text: string): string[] {
  return text.split(' ').map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
}

function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

// Sentence-initial "The" counts as "the"; proper nouns and acronyms keep their case.
function abstractWordCounts(records: readonly RealRecord[]): Map<string, number> {
  const raw = new Map<string, number>();
  for (const record of records) for (const token of tokens(record.abstract)) if (ABSTRACT_TOKEN.test(token)) increment(raw, token);
  const folded = new Map<string, number>();
  for (const [token, count] of raw) {
    const lower = token.toLowerCase();
    increment(folded, NAME_WORD.test(token) && raw.has(lower) ? lower : token, count);
  }
  return folded;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function titleWordCounts(records: readonly RealRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const token of tokens(record.title)) {
      if (TITLE_TOKEN.test(token) && !FUNCTION_WORDS.has(token.toLowerCase())) increment(counts, titleCase(token));
    }
  }
  return counts;
}

// Surnames that are also common words ("Research" from "Google Research") are left out.
function nameParts(records: readonly RealRecord[], words: ReadonlyMap<string, number>): { firstNames: string[]; lastNames: string[] } {
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  for (const record of records) {
    for (const name of record.authors.split(/,\s*|\s+and\s+/)) {
      const parts = name.trim().split(' ');
      const first = parts[0] ?? '';
      const last = parts[parts.length - 1] ?? '';
      if (parts.length < 2) continue;
      if (NAME_WORD.test(first)) firstNames.add(first);
      if (SURNAME.test(last) && !words.has(last.toLowerCase())) lastNames.add(last);
    }
  }
  return { firstNames: [...firstNames].sort(), lastNames: [...lastNames].sort() };
}

function realComments(records: readonly RealRecord[]): string[] {
  return records.map((record) => record.comments).filter((comment) => comment.length >= 3 && comment.length <= 80 && !comment.startsWith('arXiv'));
}

let cachedVocabulary: Vocabulary | null = null;

function loadVocabulary(): Vocabulary {
  if (cachedVocabulary) return cachedVocabulary;
  const records = readRealRecords();
  const words = abstractWordCounts(records);
  cachedVocabulary = {
    abstractWords: new Weighted(words),
    titleWords: new Weighted(titleWordCounts(records)),
    ...nameParts(records, words),
    comments: realComments(records),
  };
  return cachedVocabulary;
}

// ---------------------------------------------------------------------------------------------------------
// Papers

interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

interface Paper {
  /** Null for papers that only appear in arXiv id or abstract-only listings. */
  title: string | null;
  authors: string[];
  subject: string;
  date: SimpleDate;
  sentences: string[];
  codeUrl: string | null;
  arxivId: string | null;
}

// Real arXiv subject codes with rough frequencies.
const SUBJECTS: ReadonlyArray<readonly [string, number]> = [
  ['LG', 30], ['AI', 14], ['CL', 12], ['CV', 12], ['ML', 8], ['GT', 3], ['OC', 4], ['quant-ph', 4], ['hep-th', 3],
  ['RO', 3], ['CR', 2], ['IR', 2], ['DS', 2], ['NE', 1],
];
const SUBJECT_PICKER = new Weighted(new Map(SUBJECTS));

const OPENERS = [
  'In this paper, we', 'We propose', 'We study', 'We show that', 'Our results show that', 'Experiments on', 'To address this,',
  'However,', 'Moreover,', 'Finally, we', 'In particular,', 'We introduce', 'Unlike prior work,', 'Extensive experiments demonstrate that',
  'Building on this,', 'As a result,', 'We further show that', 'Empirically,', 'Theoretically, we prove that', 'This work',
];
// Stock phrases of abstracts: they give the shingle index the common trigrams real abstracts share.
const PHRASES = [
  'state of the art', 'as well as', 'the number of', 'in terms of', 'with respect to', 'a wide range of', 'large language models',
  'deep neural networks', 'on the other hand', 'the proposed method', 'in order to', 'a novel framework for', 'the effectiveness of',
  'based on the', 'we present a', 'a variety of', 'the performance of', 'in the presence of', 'the problem of', 'a large number of',
  'reinforcement learning', 'to the best of our knowledge', 'is able to', 'can be used to', 'compared to existing methods',
];
const MATH = [
  '$O(n \\log n)$', '$\\epsilon$', '$\\ell_1$', '$k$', '$\\mathcal{O}(\\sqrt{T})$', '$d \\geq 2$', '$1/\\sqrt{n}$',
  '$\\Theta(1/\\Delta^2)$', '$\\alpha \\in (0,1)$', '$L_2$', '$n^{2/3}$', '$\\mathbb{R}^d$', '$p < 0.05$', '$\\lambda_{\\max}$',
  '$\\tilde{O}(d\\sqrt{T})$', '$f$-divergence', '$Q$-function', '$\\gamma$',
];
const CONNECTORS = ['for', 'of', 'with', 'via', 'in', 'on', 'under', 'from', 'and', 'through', 'beyond', 'without'];
const SYSTEM_SUFFIXES = ['Net', 'Former', 'Bench', 'RL', 'GPT', 'Gen', 'Seg', 'Flow', 'Diff', 'Mamba', 'Agent', 'LM'];
const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

function ascii(text: string): string {
  return text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

function isoDate(date: SimpleDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function addDays(date: SimpleDate, days: number): SimpleDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Makes papers: unique titles and arXiv ids, authors from a pool of people so names recur across cards. */
class PaperFactory {
  private readonly titles = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly rng: Rng;
  private readonly vocabulary: Vocabulary;
  private readonly people: string[];

  constructor(rng: Rng, vocabulary: Vocabulary, poolSize: number) {
    this.rng = rng;
    this.vocabulary = vocabulary;
    this.people = this.peoplePool(poolSize);
  }

  paper(titled: boolean): Paper {
    const title = titled ? this.uniqueTitle() : null;
    const codeUrl = this.rng.chance(0.3) ? this.codeUrl(title) : null;
    return {
      title,
      authors: this.authors(),
      subject: SUBJECT_PICKER.pick(this.rng),
      date: this.date(),
      sentences: this.abstractSentences(codeUrl),
      codeUrl,
      arxivId: null,
    };
  }

  /** The paper's abstract with one sentence replaced (never the first, nor the last, which may hold the code link). */
  editedAbstract(paper: Paper): string {
    const sentences = [...paper.sentences];
    const index = this.rng.int(1, Math.max(1, sentences.length - 2));
    sentences[index] = this.sentence();
    return sentences.join(' ');
  }

  /** The paper's arXiv id, assigned on first use from its date: YYMM.NNNNN, unique in the corpus. */
  arxivId(paper: Paper): string {
    if (paper.arxivId) return paper.arxivId;
    const prefix = `${String(paper.date.year % 100).padStart(2, '0')}${String(paper.date.month).padStart(2, '0')}`;
    let id: string;
    do id = `${prefix}.${String(this.rng.int(1, 29999)).padStart(5, '0')}`;
    while (this.ids.has(id));
    this.ids.add(id);
    paper.arxivId = id;
    return id;
  }

  private sentence(): string {
    const words: string[] = [];
    if (this.rng.chance(0.4)) words.push(this.rng.pick(OPENERS));
    const length = this.rng.int(8, 22);
    for (let i = 0; i < length; i++) {
      const word = this.vocabulary.abstractWords.pick(this.rng);
      words.push(i > 2 && i < length - 2 && this.rng.chance(0.06) ? `${word},` : word);
    }
    if (this.rng.chance(0.5)) words.splice(this.rng.int(1, words.length - 1), 0, this.rng.pick(PHRASES));
    if (this.rng.chance(0.15)) words.splice(this.rng.int(1, words.length - 1), 0, this.rng.pick(MATH));
    const text = words.join(' ');
    return `${titleCase(text)}.`;
  }

  // Sentences until a target of 120–200 words, without overshooting 200 by more than the target allows.
  private abstractSentences(codeUrl: string | null): string[] {
    const closing = codeUrl ? `Code is available at ${codeUrl}.` : null;
    const reserve = closing ? closing.split(' ').length : 0;
    const target = this.rng.int(120, 200) - reserve;
    const sentences: string[] = [];
    const lengths: number[] = [];
    let words = 0;
    while (words < target) {
      const sentence = this.sentence();
      sentences.push(sentence);
      lengths.push(sentence.split(' ').length);
      words += lengths[lengths.length - 1] ?? 0;
    }
    const last = lengths[lengths.length - 1] ?? 0;
    if (words > 200 - reserve && words - last >= 120 - reserve) sentences.pop();
    if (closing) sentences.push(closing);
    return sentences;
  }

  private uniqueTitle(): string {
    for (;;) {
      const title = this.title();
      // The pipeline merges equal titles up to case and punctuation, so uniqueness is judged the same way.
      const key = title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '').join(' ');
      if (!this.titles.has(key)) {
        this.titles.add(key);
        return title;
      }
    }
  }

  // "[System: ]Words Words connector Words[ connector Words]" with content words from real titles.
  private title(): string {
    const groups = this.rng.chance(0.3) ? 3 : 2;
    const parts: string[] = [];
    for (let g = 0; g < groups; g++) {
      if (g > 0) parts.push(this.rng.pick(CONNECTORS));
      const size = this.rng.int(1, 3);
      for (let i = 0; i < size; i++) parts.push(this.vocabulary.titleWords.pick(this.rng));
    }
    const body = parts.join(' ');
    return this.rng.chance(0.2) ? `${this.systemName()}: ${body}` : body;
  }

  private systemName(): string {
    if (this.rng.chance(0.5)) {
      return Array.from({ length: this.rng.int(3, 5) }, () => this.rng.pick(UPPER)).join('');
    }
    const stem = this.vocabulary.titleWords.pick(this.rng).replace(/[^A-Za-z]/g, '').slice(0, 8) || 'Deep';
    return `${titleCase(stem.toLowerCase())}${this.rng.pick(SYSTEM_SUFFIXES)}`;
  }

  private peoplePool(size: number): string[] {
    const people = new Set<string>();
    const { firstNames, lastNames } = this.vocabulary;
    const limit = Math.min(size, Math.floor(firstNames.length * lastNames.length * 0.5));
    while (people.size < limit) {
      const middle = this.rng.chance(0.1) ? ` ${this.rng.pick(UPPER)}.` : '';
      people.add(`${this.rng.pick(firstNames)}${middle} ${this.rng.pick(lastNames)}`);
    }
    return [...people];
  }

  private authors(): string[] {
    const roll = this.rng.float();
    const count = roll < 0.1 ? 1 : roll < 0.25 ? 2 : roll < 0.45 ? 3 : this.rng.int(4, 8);
    const authors = new Set<string>();
    while (authors.size < count) authors.add(this.rng.pick(this.people));
    return [...authors];
  }

  private date(): SimpleDate {
    const year = this.rng.chance(0.4) ? CAPTURE.year : this.rng.int(2015, CAPTURE.year - 1);
    const month = year === CAPTURE.year ? this.rng.int(1, CAPTURE.month) : this.rng.int(1, 12);
    const lastDay = year === CAPTURE.year && month === CAPTURE.month ? CAPTURE.day : 28;
    return { year, month, day: this.rng.int(1, lastDay) };
  }

  private codeUrl(title: string | null): string {
    const user = `${ascii(this.rng.pick(this.vocabulary.lastNames)) || 'lab'}${this.rng.int(1, 99)}`;
    const repo = ascii(title?.split(/[ :]/)[0] ?? '') || ascii(this.vocabulary.titleWords.pick(this.rng)) || 'code';
    return `https://github.com/${user}/${repo}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rendering one entry in each format

function cardHeader(paper: Paper, score: number | null): string {
  const { year, month, day } = paper.date;
  const yearPart = year === CAPTURE.year ? '' : `, ${year}`;
  const scorePart = score === null ? '' : score.toFixed(1);
  return `${scorePart}${paper.subject}${MONTHS[month - 1]} ${day}${yearPart}${paper.codeUrl ? 'Code' : ''}`;
}

function cardTitleLine(paper: Paper): string {
  const shown = paper.authors.slice(0, 3).join(', ');
  return `${paper.title ?? ''}${shown}${paper.authors.length > 3 ? ' et al.' : ''}`;
}

function renderCard(paper: Paper, abstract: string, score: number | null): string {
  return `${cardHeader(paper, score)}\n${cardTitleLine(paper)}\n${abstract}\n`;
}

function renderAbstractEntry(abstract: string, rng: Rng): string {
  return `Abstract:${rng.chance(0.2) ? ' ' : ''}${abstract}\n`;
}

function arxivComment(paper: Paper, rng: Rng, vocabulary: Vocabulary): string | null {
  const roll = rng.float();
  if (roll < 0.35 && vocabulary.comments.length > 0) return rng.pick(vocabulary.comments);
  if (roll < 0.6 || paper.codeUrl) {
    const pages = `${rng.int(6, 40)} pages, ${rng.int(1, 12)} figures`;
    return paper.codeUrl ? `${pages}. Code: ${paper.codeUrl}` : pages;
  }
  return null;
}

// An update 1–60 days after submission, or null when there is none (or it would fall after the capture date).
function updatedDate(paper: Paper, rng: Rng): string | null {
  if (!rng.chance(0.5)) return null;
  const updated = isoDate(addDays(paper.date, rng.int(1, 60)));
  return updated <= CAPTURED ? updated : null;
}

function renderArxivEntry(paper: Paper, abstract: string, id: string, comment: string | null, rng: Rng): string {
  const version = rng.chance(0.1) ? `v${rng.int(2, 4)}` : '';
  const updatedOn = updatedDate(paper, rng);
  const updated = updatedOn === null ? '' : ` Updated: ${updatedOn}`;
  const lines = [abstract, ''];
  if (comment !== null) lines.push(comment, '');
  lines.push(`arXiv:${id}${version}`, `Created: ${isoDate(paper.date)}${updated}`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Files

interface PlannedFile {
  kind: DumpKind;
  text: string;
}

/** How many entries of each format, and in how many files of about ENTRIES_PER_FILE each. */
function fileSizes(count: number): number[] {
  if (count <= 0) return [];
  const files = Math.max(1, Math.round(count / ENTRIES_PER_FILE));
  return Array.from({ length: files }, (_, i) => Math.floor((count * (i + 1)) / files) - Math.floor((count * i) / files));
}

function separator(rng: Rng, blankChance: number): string {
  if (!rng.chance(blankChance)) return '';
  return rng.chance(0.85) ? '\n' : '\n\n\n';
}

class CorpusBuilder {
  readonly planted = new Set<Paper>();
  orphanAbstracts = 0;
  /** Card papers in the order they were placed, with the index of the card file that first holds them. */
  private readonly cardPapers: Array<{ paper: Paper; file: number }> = [];
  private readonly arxivPapers: Array<{ paper: Paper; file: number }> = [];
  private readonly rng: Rng;
  private readonly factory: PaperFactory;
  private readonly vocabulary: Vocabulary;

  constructor(rng: Rng, factory: PaperFactory, vocabulary: Vocabulary) {
    this.rng = rng;
    this.factory = factory;
    this.vocabulary = vocabulary;
  }

  cardFile(size: number, fileIndex: number): PlannedFile {
    const scored = this.rng.chance(0.5);
    const blankChance = this.rng.pick([0, 0, 0.3]);
    const earlier = this.cardPapers.filter((card) => card.file < fileIndex);
    const parts: string[] = [];
    for (let i = 0; i < size; i++) {
      const repeat = earlier.length > 0 && this.rng.chance(0.1);
      const paper = repeat ? this.rng.pick(earlier).paper : this.newPaper(true);
      if (!repeat) this.cardPapers.push({ paper, file: fileIndex });
      const abstract = repeat && this.rng.chance(0.2) ? this.factory.editedAbstract(paper) : paper.sentences.join(' ');
      const score = scored ? this.rng.int(300, 999) / 10 : null;
      parts.push(renderCard(paper, abstract, score), separator(this.rng, blankChance));
    }
    return { kind: 'card', text: parts.join('') };
  }

  abstractFile(size: number): PlannedFile {
    const parts: string[] = [];
    for (let i = 0; i < size; i++) {
      const copy = this.cardPapers.length > 0 && this.rng.chance(0.95);
      const paper = copy ? this.rng.pick(this.cardPapers).paper : this.newPaper(false);
      if (!copy) this.orphanAbstracts++;
      const abstract = copy && this.rng.chance(0.25) ? this.factory.editedAbstract(paper) : paper.sentences.join(' ');
      parts.push(renderAbstractEntry(abstract, this.rng), separator(this.rng, 0.9));
    }
    return { kind: 'abstract', text: parts.join('') };
  }

  arxivFile(size: number, fileIndex: number): PlannedFile {
    const blocks: string[] = [];
    const earlier = this.arxivPapers.filter((entry) => entry.file < fileIndex);
    for (let i = 0; i < size; i++) {
      const paper = this.arxivPaper(earlier);
      this.arxivPapers.push({ paper, file: fileIndex });
      const abstract = this.rng.chance(0.2) ? this.factory.editedAbstract(paper) : paper.sentences.join(' ');
      const comment = arxivComment(paper, this.rng, this.vocabulary);
      blocks.push(renderArxivEntry(paper, abstract, this.factory.arxivId(paper), comment, this.rng));
    }
    return { kind: 'arxiv-id', text: blocks.join('\n') };
  }

  // A card paper (30%), an id from an earlier arXiv dump (5%), or a paper only this format knows.
  private arxivPaper(earlier: ReadonlyArray<{ paper: Paper }>): Paper {
    const roll = this.rng.float();
    if (roll < 0.3 && this.cardPapers.length > 0) return this.rng.pick(this.cardPapers).paper;
    if (roll < 0.35 && earlier.length > 0) return this.rng.pick(earlier).paper;
    return this.newPaper(false);
  }

  private newPaper(titled: boolean): Paper {
    const paper = this.factory.paper(titled);
    this.planted.add(paper);
    return paper;
  }
}

/** Generates the corpus and counts the distinct papers planted in it; deterministic in (entries, seed). */
export function generateCorpusDetailed(entries: number, seed = 1): GeneratedCorpus {
  const rng = new Rng(seed);
  const vocabulary = loadVocabulary();
  const factory = new PaperFactory(rng, vocabulary, Math.max(50, Math.round(entries / 3)));
  const builder = new CorpusBuilder(rng, factory, vocabulary);
  const cards = Math.round(entries * SHARE.card);
  const abstracts = Math.round(entries * SHARE.abstract);
  const files: PlannedFile[] = [
    ...fileSizes(cards).map((size, index) => builder.cardFile(size, index)),
    ...fileSizes(abstracts).map((size) => builder.abstractFile(size)),
    ...fileSizes(entries - cards - abstracts).map((size, index) => builder.arxivFile(size, index)),
  ];
  const dumps = rng.shuffle(files).map((planned, index) => ({
    file: `listings/${String(index).padStart(3, '0')}_bench.txt`,
    text: planned.text,
    kind: planned.kind,
  }));
  return { dumps, plantedPapers: builder.planted.size, orphanAbstracts: builder.orphanAbstracts };
}

/** Synthetic dumps with `entries` entries in all three listing formats; the same (entries, seed) gives the same dumps. */
export function generateCorpus(entries: number, seed = 1): GeneratedDump[] {
  return generateCorpusDetailed(entries, seed).dumps;
}

/** The sources.json object for generated dumps: the capture date of every card dump. */
export function benchSources(dumps: readonly GeneratedDump[]): Record<string, { captured: string }> {
  const sources: Record<string, { captured: string }> = {};
  for (const dump of dumps) if (dump.kind === 'card') sources[dump.file] = { captured: CAPTURED };
  return sources;
}

/** Writes dumps as a data folder: `dir/listings/NNN_bench.txt` plus `dir/sources.json`; stale `*_bench.txt` files there are removed first. */
export function writeCorpus(dir: string, dumps: readonly GeneratedDump[]): void {
  const listings = join(dir, 'listings');
  mkdirSync(listings, { recursive: true });
  for (const name of readdirSync(listings)) if (/^\d{3,}_bench\.txt$/.test(name)) rmSync(join(listings, name));
  for (const dump of dumps) writeFileSync(join(dir, dump.file), dump.text);
  writeFileSync(join(dir, 'sources.json'), `${JSON.stringify(benchSources(dumps), null, 2)}\n`);
}

// `npx node tests/bench/generate-corpus.ts <entries> <dir> [seed]` writes a data folder for manual runs.
if (import.meta.main) {
  const [entries = '10000', dir = 'tests/bench/out/data', seed = '1'] = process.argv.slice(2);
  const dumps = generateCorpus(Number(entries), Number(seed));
  writeCorpus(dir, dumps);
  console.log(`wrote ${dumps.length} dumps with ${entries} entries to ${dir}`);
}
