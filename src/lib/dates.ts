import type { ListingDate } from './parsers/types.ts';

/** Three-letter English month abbreviations as listings print them. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Full English month names, January first. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Month number (1–12) of an abbreviation or full English month name, or null. */
export function monthNumber(name: string): number | null {
  const index = MONTHS.findIndex((month) => name.slice(0, 3).toLowerCase() === month.toLowerCase());
  return index === -1 ? null : index + 1;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; February has 29 when the year is unknown (null). */
export function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The years a listing date can have: a wider range is a typing error, not a paper. */
export const YEAR_RANGE = { first: 1900, last: 2999 } as const;

/** True when the year is in YEAR_RANGE. */
export function isListingYear(year: number): boolean {
  return year >= YEAR_RANGE.first && year <= YEAR_RANGE.last;
}

/** True when the day exists in that month (and year, when given). */
export function isValidDate(date: ListingDate): boolean {
  return (
    Number.isInteger(date.month) &&
    date.month >= 1 &&
    date.month <= 12 &&
    Number.isInteger(date.day) &&
    date.day >= 1 &&
    date.day <= daysInMonth(date.month, date.year) &&
    (date.year === null || isListingYear(date.year))
  );
}

/** A date as pages show it: "3 Jun 2026" (or "undated" for an empty string). */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return iso === '' ? 'undated' : `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** ISO `YYYY-MM-DD`. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses an ISO `YYYY-MM-DD` string that names a real day, or returns null. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidDate(date) ? date : null;
}

/** The latest occurrence of a yearless month/day on or before the capture date (ISO). */
export function resolveYearlessDate(month: number, day: number, captured: string): string {
  const capture = parseIsoDate(captured);
  if (!capture) throw new Error(`invalid capture date ${captured}`);
  let year = capture.year;
  if (month > capture.month || (month === capture.month && day > capture.day)) year--;
  // Feb 29 exists only in leap years: walk back to the latest one.
  while (!isValidDate({ year, month, day })) year--;
  return toIsoDate(year, month, day);
}
