// Calendar dates as `YYYY-MM-DD` strings and as day numbers (days since 1970-01-01). Day numbers
// make date math and packed storage cheap; all conversions use UTC so no time zone leaks in.
import type { IsoDate } from './model';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Days since 1970-01-01 for an ISO date. Throws on a malformed date: callers validate input first. */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isoFromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDay(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface DateRange {
  /** First day, inclusive. */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
}

/** The calendar period of `kind` that contains `date`. Weeks start on Monday (ISO 8601). */
export function periodContaining(kind: PeriodKind, date: IsoDate): DateRange {
  const day = dayNumber(date);
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (kind) {
    case 'week': {
      const mondayOffset = (d.getUTCDay() + 6) % 7;
      return { from: isoFromDay(day - mondayOffset), to: isoFromDay(day - mondayOffset + 6) };
    }
    case 'month':
      return { from: utcIso(y, m, 1), to: utcIso(y, m + 1, 0) };
    case 'quarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: utcIso(y, q, 1), to: utcIso(y, q + 3, 0) };
    }
    case 'year':
      return { from: utcIso(y, 0, 1), to: utcIso(y, 11, 31) };
  }
}

/** Consecutive periods of `kind` covering `range` (the first and last may extend beyond it). */
export function periodsCovering(kind: PeriodKind, range: DateRange): DateRange[] {
  const periods: DateRange[] = [];
  let cursor = range.from;
  while (dayNumber(cursor) <= dayNumber(range.to)) {
    const period = periodContaining(kind, cursor);
    periods.push(period);
    cursor = addDays(period.to, 1);
  }
  return periods;
}

/** `YYYY-MM` month key of a date. */
export function monthKey(date: IsoDate): string {
  return date.slice(0, 7);
}

function utcIso(year: number, monthIndex: number, day: number): IsoDate {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}
