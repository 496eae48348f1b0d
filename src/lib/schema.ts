import { z } from 'astro/zod';
import { parseIsoDate } from './dates.ts';
import { CATEGORY_ID } from './parsers/signatures.ts';
import { ARXIV_ARCHIVES } from './taxonomy.ts';

/** The dump formats Papershelf reads; see README "Dump formats". */
export const DumpFormatSchema = z.enum(['card-listing', 'abstract-listing', 'arxiv-id-listing']);
/** One of the dump formats. */
export type DumpFormat = z.output<typeof DumpFormatSchema>;

/** Human names of the formats, for reports and the pages' provenance lists. */
export const FORMAT_LABELS: Readonly<Record<DumpFormat, string>> = {
  'card-listing': 'card listing',
  'abstract-listing': 'abstract-only listing',
  'arxiv-id-listing': 'arXiv id listing',
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((text) => parseIsoDate(text) !== null, 'expected a day that exists');

/** An author as displayed, with a stable ASCII slug for URLs. */
export const AuthorSchema = z.object({
  name: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});
/** An author of a paper. */
export type Author = z.output<typeof AuthorSchema>;

/** A category id (`cs.LG`) with its taxonomy name; name is null for codes outside the taxonomy. */
export const CategorySchema = z.object({
  id: z.string().min(1),
  name: z.string().nullable(),
});
/** A paper's category. */
export type Category = z.output<typeof CategorySchema>;

/**
 * Values a source entry gave that the record does not show because another source won
 * (see README "Merging"): with the record itself they keep every field of every source.
 */
export const SupersededSchema = z.object({
  title: z.string().optional(),
  authors: z.array(z.string()).optional(),
  abstract: z.string().optional(),
  published: isoDate.optional(),
  updated: isoDate.optional(),
  score: z.number().optional(),
  version: z.number().int().optional(),
  codeUrl: z.string().optional(),
});
/** Superseded values of one source entry. */
export type Superseded = z.output<typeof SupersededSchema>;

/** Where one entry of a record came from. */
export const SourceRefSchema = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  format: DumpFormatSchema,
  superseded: SupersededSchema.optional(),
});
/** Provenance of one merged entry. */
export type SourceRef = z.output<typeof SourceRefSchema>;

/** One paper, merged from every dump entry that describes it. */
export const PaperSchema = z.object({
  /** The arXiv id when known, otherwise a stable slug of the title (or of the abstract). */
  id: z.string().min(1),
  arxivId: z.string().nullable(),
  version: z.number().int().positive().nullable(),
  title: z.string().min(1).nullable(),
  authors: z.array(AuthorSchema),
  /** True when the listing cut the author list with "et al.". */
  authorsTruncated: z.boolean(),
  /**
   * Authors known to be among those "et al." hides, or of a paper whose listing named none: the owner of a profile
   * listing the paper is in (sources.json `profileOf`). Not in `authors`, whose order is the paper's.
   */
  hiddenAuthors: z.array(AuthorSchema).default([]),
  affiliations: z.array(z.string()),
  /** Primary category first. */
  categories: z.array(CategorySchema),
  published: isoDate.nullable(),
  /** True when the listing printed `published` without a year: the year was resolved (from the dump's capture date, or guessed without one), not read. */
  publishedYearInferred: z.boolean(),
  updated: isoDate.nullable(),
  /** Source text of the abstract, LaTeX kept. */
  abstract: z.string().nullable(),
  comments: z.string().nullable(),
  hasCode: z.boolean(),
  codeUrl: z.url({ protocol: /^https?$/ }).nullable(),
  score: z.number().nullable(),
  /** True when no dump gives a title or authors: an abstract that matched no other entry. */
  incomplete: z.boolean(),
  sources: z.array(SourceRefSchema).min(1),
});
/** A validated paper record. */
export type Paper = z.output<typeof PaperSchema>;

/** One dump's entry in `data/sources.json`. Strict: a misspelt "Captured" would otherwise leave the date unread without a word. */
export const SourceEntrySchema = z.strictObject({
  captured: isoDate.optional(),
  /** Free text (or anything) for the person who keeps the data folder; never read. */
  note: z.unknown().optional(),
  /** The author whose profile listing this dump is: every paper in it is theirs, named or hidden by "et al.". */
  profileOf: z.string().trim().min(1).optional(),
});

/** `data/sources.json`: per dump (path relative to the data folder), when it was captured and whose profile it is. */
export const SourcesFileSchema = z.record(z.string(), SourceEntrySchema);
/** Contents of `data/sources.json`. */
export type SourcesFile = z.output<typeof SourcesFileSchema>;

/** Where feeds, the sitemap and canonical links point when SITE_URL is not set: the preview server. */
export const DEFAULT_SITE = 'http://localhost:4321';

/** Site-wide settings; see README "Configuration". */
export const SiteConfigSchema = z.object({
  title: z.string().trim().min(1, 'must not be empty').default('Papershelf'),
  description: z.string().default('A browsable, searchable shelf of research papers.'),
  /** Absolute URL the site is served from, e.g. https://example.org; the default is what `npm run preview` serves. */
  site: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address such as https://example.org' })
.refine((url) => {
      // Only an address the check above accepted is judged here.
      if (!URL.canParse(url)) return true;
      const { pathname, search, hash } = new URL(url);
      return pathname === '/' && search === '' && hash === '';
    }, 'must be the address of the host only, such as https://example.org; a sub-path such as /shelf/ goes in BASE_PATH')
    .default(DEFAULT_SITE),
  /** Sub-path the site lives under, e.g. /shelf/. */
  base: z
    .string()
    .regex(/^\/(?:(?!\.\.?\/)[A-Za-z0-9._~-]+\/)*$/, "must be a path of letters, digits, '-', '_', '.' and '~' between slashes (no . or .. segment), such as /shelf/ or /lab/papers/")
    .default('/'),
  /** Folder of dumps, relative to the project root or absolute. */
  dataDir: z.string().min(1, 'must not be empty').default('data'),
  categories: z
    .object({
      archives: z
        .array(
          z.string().refine((archive) => ARXIV_ARCHIVES.has(archive), {
            error: (issue) => `${JSON.stringify(issue.input)} is not an arXiv archive; use archive names such as cs, math, stat, physics, astro-ph or hep-th`,
          }),
        )
        .optional(),
      codes: z
        .record(
          z.string(),
          z.string().regex(CATEGORY_ID, 'must be a category id such as cs.LG, math.GT or quant-ph'),
        )
        .optional(),
    })
    .default({}),
});
/** Validated site configuration. */
export type SiteConfig = z.output<typeof SiteConfigSchema>;

/** Shape of `dist/papers.json`, the static JSON API. */
export const PapersJsonSchema = z.object({
  schemaVersion: z.literal(1),
  count: z.number().int().nonnegative(),
  papers: z.array(PaperSchema),
});
/** The static JSON API document. */
export type PapersJson = z.output<typeof PapersJsonSchema>;
