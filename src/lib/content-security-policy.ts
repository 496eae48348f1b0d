/**
 * The Content-Security-Policy every built page carries in a `<meta>` tag (not in `astro dev`, whose CSS comes as `<style>`). Scripts and stylesheets come only from the
 * site: the build inlines neither (astro.config.mjs sets `assetsInlineLimit: 0` and `inlineStylesheets:
 * 'never'`), so no hash is needed, and the build tests check that no page has an inline script or style.
 * KaTeX positions glyphs with style attributes, which `style-src-attr` allows; a style attribute cannot run code.
 * A `<meta>` policy cannot set frame-ancestors: hosts that want it send it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
].join('; ');
