import { ARXIV_CATEGORIES, DEFAULT_ARCHIVE_PREFERENCE } from './taxonomy.ts';

/** How bare subject codes that exist in several archives are resolved. */
export interface CategoryPreference {
  /** Archive prefixes tried in order for a bare code, e.g. ["cs", "stat", …]. */
  archives?: readonly string[];
  /** Explicit code → category id overrides, e.g. { "GT": "math.GT" }. */
  codes?: Readonly<Record<string, string>>;
}

/** A subject code resolved against the taxonomy. */
export interface ResolvedCategory {
  id: string;
  /** False when the code is not in the arXiv taxonomy; the id is then the code as written. */
  known: boolean;
  /** The categories.codes setting maps the code to this id. */
  mapped?: true;
}

/** The pseudo-category whose page lists the papers without a category: no listed category may take its name. */
export const UNCATEGORISED = 'uncategorised';

/** The name of a category id, or null for codes outside the taxonomy. */
export function categoryName(id: string): string | null {
  return Object.hasOwn(ARXIV_CATEGORIES, id) ? (ARXIV_CATEGORIES[id] ?? null) : null;
}

function archiveOf(id: string): string {
  const dot = id.indexOf('.');
  return dot === -1 ? id : id.slice(0, dot);
}

/** Builds a resolver from subject codes (`LG`, `quant-ph`, `cs.LG`) to category ids. */
export function createCategoryResolver(preference: CategoryPreference = {}): (code: string) => ResolvedCategory {
  const archives = preference.archives ?? DEFAULT_ARCHIVE_PREFERENCE;
  const rank = (id: string): number => {
    const index = archives.indexOf(archiveOf(id));
    return index === -1 ? archives.length : index;
  };
  const byCode = new Map<string, string[]>();
  for (const id of Object.keys(ARXIV_CATEGORIES)) {
    const dot = id.indexOf('.');
    if (dot === -1) continue;
    const code = id.slice(dot + 1);
    byCode.set(code, [...(byCode.get(code) ?? []), id]);
  }
  for (const ids of byCode.values()) ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const overrides = preference.codes ?? {};

  return (rawCode: string): ResolvedCategory => {
    const code = rawCode.trim();
    // Own properties only: a code such as "constructor" must not find Object.prototype.
    const override = Object.hasOwn(overrides, code) ? overrides[code] : undefined;
    if (override) return { id: override, known: Object.hasOwn(ARXIV_CATEGORIES, override), mapped: true };
    if (Object.hasOwn(ARXIV_CATEGORIES, code)) return { id: code, known: true };
    const candidates = byCode.get(code) ?? byCode.get(code.toUpperCase());
    if (candidates?.[0]) return { id: candidates[0], known: true };
    const insensitive = Object.keys(ARXIV_CATEGORIES).find((id) => id.toLowerCase() === code.toLowerCase());
    if (insensitive) return { id: insensitive, known: true };
    return { id: code, known: false };
  };
}
