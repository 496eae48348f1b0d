import { SiteConfigSchema, type SiteConfig } from './lib/schema.ts';
import { exitOnUserError, userError } from './lib/user-error.ts';

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

// "shelf", "/shelf", "//shelf//" → "/shelf/".
function basePath(value: string): string {
  return `/${value.replace(/\/{2,}/g, '/').replace(/^\/|\/$/g, '')}/`.replace('//', '/');
}

/**
 * The validated configuration, with environment overrides applied. Settings that cannot be used are one error
 * that lists each problem under the name it is set by (SITE_URL, BASE_PATH, PAPERS_DATA_DIR or src/config.ts).
 */
export function loadSiteConfig(env: Readonly<Record<string, string | undefined>> = process.env): SiteConfig {
  const base = env.BASE_PATH ? basePath(env.BASE_PATH) : undefined;
  let site = env.SITE_URL;
  // The sub-path given twice, in SITE_URL and in BASE_PATH, is the same site.
  if (site && base && URL.canParse(site)) {
    const { pathname, search, hash, origin } = new URL(site);
    if (basePath(pathname) === base && search === '' && hash === '') site = origin;
  }
  const parsed = SiteConfigSchema.safeParse({
    ...userConfig,
    ...(env.PAPERS_DATA_DIR ? { dataDir: env.PAPERS_DATA_DIR } : {}),
    ...(site ? { site } : {}),
    ...(base ? { base } : {}),
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const [field] = issue.path;
    if (field === 'site') {
      const url = URL.canParse(site ?? '') ? new URL(site ?? '') : null;
      // The two settings to write instead, when both would be valid.
      const baseInstead = url ? basePath(url.pathname) : '';
      const fix =
        url && /^https?:$/.test(url.protocol) && url.pathname !== '/' && !env.BASE_PATH && SiteConfigSchema.shape.base.safeParse(baseInstead).success
          ? ` (set SITE_URL=${url.origin} and BASE_PATH=${baseInstead})`
          : '';
      return `SITE_URL ${JSON.stringify(site)} ${issue.message}${fix}`;
    }
    if (field === 'base') return `BASE_PATH ${JSON.stringify(env.BASE_PATH)} (read as ${JSON.stringify(base)}) ${issue.message}`;
    if (field === 'dataDir' && env.PAPERS_DATA_DIR) return `PAPERS_DATA_DIR ${issue.message}`;
    return `${issue.path.join('.')} in src/config.ts ${issue.message}`;
  });
  throw userError(`Papershelf's settings cannot be used:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

/**
 * The configuration of this build (environment read once). Every command loads this module first (astro.config.mjs,
 * the content config, the build's preload, check-data), so settings that cannot be used end the command here with
 * the list of what to fix, not with a stack trace from wherever they were first read.
 */
export const siteConfig: SiteConfig = (() => {
  try {
    return loadSiteConfig();
  } catch (error) {
    return exitOnUserError(error);
  }
})();
