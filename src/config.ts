import { SiteConfigSchema, type SiteConfig } from './lib/schema.ts';

/**
 * Papershelf's settings: edit them here. PAPERS_DATA_DIR overrides dataDir at build time; the site's address
 * comes only from the environment, SITE_URL (site) and BASE_PATH (base). See README "Configuration".
 */
export const userConfig = {
  title: 'Papershelf',
  description: 'Research papers to browse by author, topic and date, and to search in the browser.',
  dataDir: 'data',
  categories: {
    // Bare subject codes that exist in several archives resolve in this order; override single codes below.
    archives: ['cs', 'stat', 'eess', 'math', 'physics', 'astro-ph', 'cond-mat', 'nlin', 'q-bio', 'q-fin', 'econ'],
    codes: {} as Record<string, string>,
  },
};

/** The validated configuration, with environment overrides applied. */
export function loadSiteConfig(env: Readonly<Record<string, string | undefined>> = process.env): SiteConfig {
  const base = env.BASE_PATH ? `/${env.BASE_PATH.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : undefined;
  return SiteConfigSchema.parse({
    ...userConfig,
    ...(env.PAPERS_DATA_DIR ? { dataDir: env.PAPERS_DATA_DIR } : {}),
    ...(env.SITE_URL ? { site: env.SITE_URL } : {}),
    ...(base ? { base } : {}),
  });
}

/** The configuration of this build (environment read once). */
export const siteConfig: SiteConfig = loadSiteConfig();
