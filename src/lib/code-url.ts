/** Finds the link to a paper's code in its abstract or comments. */

const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|sr\.ht|git\.sr\.ht|huggingface\.co|sourceforge\.net|gitee\.com|zenodo\.org|colab\.research\.google\.com|paperswithcode\.com)$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/gi;
const CODE_LABEL = /\b(?:code|implementation|source|repository|repo)\b[^.]{0,60}$/i;

function tidy(raw: string): string | null {
  // Sentence punctuation and closing brackets around a URL are not part of it.
  let url = raw.replace(/[.,;:!?]+$/, '');
  // Counted once, not once per bracket dropped: a URL followed by 100,000 ")" must stay linear.
  let unmatched = (url.match(/[)\]]/g)?.length ?? 0) - (url.match(/[([]/g)?.length ?? 0);
  let end = url.length;
  while (unmatched > 0 && (url[end - 1] === ')' || url[end - 1] === ']')) {
    end--;
    unmatched--;
  }
  url = url.slice(0, end).replace(/[.,;:!?]+$/, '');
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href.replace(/\/$/, '') : null;
  } catch {
    return null;
  }
}

/** The first code URL in the texts: a code host link (GitHub, GitLab, …) or any link labelled "Code:"; null if none. */
export function findCodeUrl(texts: ReadonlyArray<string | null | undefined>): string | null {
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(URL_IN_TEXT)) {
      const url = tidy(match[0]);
      if (!url) continue;
      const host = new URL(url).hostname;
      const before = text.slice(Math.max(0, (match.index ?? 0) - 80), match.index);
      if (CODE_HOSTS.test(host) || CODE_LABEL.test(before)) return url;
    }
  }
  return null;
}
