// html-validate settings for the built site (tests/build/html-validity.test.ts).
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // KaTeX positions glyphs with inline styles; tests/build/html-validity.test.ts checks that no other element has one.
    'no-inline-style': 'off',
    // <title> is cut to 70 characters (src/lib/document-title.ts), but the rule counts "&#39;" as five characters.
    'long-title': ['error', { maxlength: 80 }],
  },
};
