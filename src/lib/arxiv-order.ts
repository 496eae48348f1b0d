// The submission order an arXiv id encodes: [year and month, then number within the month].
function submissionKey(id: string): [number, number] {
  const modern = /^(\d{2})(\d{2})\.(\d+)/.exec(id);
  if (modern) return [(2000 + Number(modern[1])) * 100 + Number(modern[2]), Number(modern[3])];
  // Old style (archive/YYMMNNN): 1991-08 to 2007-03.
  const old = /\/(\d{2})(\d{2})(\d{3})/.exec(id);
  if (!old) return [0, 0];
  const yy = Number(old[1]);
  return [(yy >= 91 ? 1900 + yy : 2000 + yy) * 100 + Number(old[2]), Number(old[3])];
}

/** Orders arXiv ids (without versions) by submission: earlier first; equal keys by code unit, so the order is total. */
export function compareArxivIds(a: string, b: string): number {
  const [monthA, numberA] = submissionKey(a);
  const [monthB, numberB] = submissionKey(b);
  return monthA - monthB || numberA - numberB || (a < b ? -1 : a > b ? 1 : 0);
}
