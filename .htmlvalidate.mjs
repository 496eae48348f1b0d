// html-validate settings for the built site (tests/build/html-validity.test.ts).
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // KaTeX positions glyphs with inline styles; tests/build/html-validity.test.ts checks that no other element has one.
    'no-inline-style': 'off',
    // A paper's <title> is its whole title, as on arXiv (bookmarks and history show it); only a runaway one is cut,
    // at 300 characters (src/lib/document-title.ts). The rule counts "&#39;" as five characters, hence the margin.
    'long-title': ['error', { maxlength: 400 }],
  },
};
