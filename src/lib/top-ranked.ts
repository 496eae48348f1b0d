import { countOf } from './count-of.ts';

/** The head of a ranked list, and how many further items tie with the last one shown. */
export interface TopRanked<T> {
  shown: T[];
  /** Items after `shown` with the same count as its last item: a cut in a tie leaves them out arbitrarily. */
  tiedBeyond: number;
  /** The count they share with the last item shown (0 when nothing is shown). */
  tiedCount: number;
}

/** The first `limit` items of a list sorted by count, most first, with the size of the tie the cut falls in. */
export function topRanked<T>(ranked: readonly T[], limit: number, countOfItem: (item: T) => number): TopRanked<T> {
  const shown = ranked.slice(0, limit);
  const last = shown.at(-1);
  if (last === undefined) return { shown, tiedBeyond: 0, tiedCount: 0 };
  const tiedCount = countOfItem(last);
  let tiedBeyond = 0;
  for (let index = shown.length; index < ranked.length && countOfItem(ranked[index] as T) === tiedCount; index += 1) tiedBeyond += 1;
  return { shown, tiedBeyond, tiedCount };
}

/** What a ranked list leaves out in its last tie, "and 4 more authors with 2 papers each", or null when nothing. */
export function tieNote(ranked: TopRanked<unknown>, one: string, many = `${one}s`): string | null {
  const { tiedBeyond, tiedCount } = ranked;
  if (tiedBeyond === 0) return null;
  return `and ${countOf(tiedBeyond, `more ${one}`, `more ${many}`)} with ${countOf(tiedCount, 'paper')}${tiedBeyond > 1 ? ' each' : ''}`;
}
