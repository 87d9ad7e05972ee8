import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayNumber, daysBetween, isIsoDate, isoFromDay, monthKey, periodContaining, periodsCovering } from '../../shared/dates';
import type { PeriodKind } from '../../shared/dates';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-28', true],
    ['2000-02-29', true],
    ['2025-12-31', true],
    ['1970-01-01', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-05', false],
    ['25-01-05', false],
    [' 2025-01-05', false],
    ['2025-01-05T00:00:00Z', false],
    ['2025/01/05', false],
    ['', false],
  ])('%s → %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });

  it('rejects non-strings', () => {
    for (const value of [null, undefined, 20250105, new Date(0), ['2025-01-05'], { date: '2025-01-05' }]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
  ])('dayNumber(%s) = %i and back', (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(isoFromDay(day)).toBe(date);
  });

  it('throws on a malformed date', () => {
    expect(() => dayNumber('2025-02-29')).toThrow(RangeError);
    expect(() => dayNumber('not a date')).toThrow(RangeError);
  });

  it('round-trips day → ISO → day for years 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }), (day) => {
        const iso = isoFromDay(day);
        expect(isIsoDate(iso)).toBe(true);
        expect(dayNumber(iso)).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips ISO → day → ISO for valid calendar dates', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(isoFromDay(dayNumber(iso))).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });

  it('addDays and daysBetween agree with day numbers across month, year and leap-day ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    expect(monthKey('2025-03-10')).toBe('2025-03');
  });
});

describe('periodContaining', () => {
  it.each([
    // 2025-01-01 is a Wednesday: its ISO week started on Monday 2024-12-30.
    ['week', '2025-01-01', '2024-12-30', '2025-01-05'],
    ['week', '2024-12-30', '2024-12-30', '2025-01-05'],
    ['week', '2025-01-05', '2024-12-30', '2025-01-05'], // Sunday ends the week
    ['week', '2025-01-06', '2025-01-06', '2025-01-12'], // Monday starts the next
    ['week', '2024-02-29', '2024-02-26', '2024-03-03'],
    ['month', '2024-02-10', '2024-02-01', '2024-02-29'],
    ['month', '2025-02-10', '2025-02-01', '2025-02-28'],
    ['month', '2025-12-31', '2025-12-01', '2025-12-31'],
    ['month', '2025-04-01', '2025-04-01', '2025-04-30'],
    ['quarter', '2025-01-01', '2025-01-01', '2025-03-31'],
    ['quarter', '2025-05-15', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-09-30', '2025-07-01', '2025-09-30'],
    ['quarter', '2024-11-30', '2024-10-01', '2024-12-31'],
    ['year', '2024-07-04', '2024-01-01', '2024-12-31'],
  ] as [PeriodKind, string, string, string][])('%s containing %s is %s..%s', (kind, date, from, to) => {
    expect(periodContaining(kind, date)).toEqual({ from, to });
  });

  it('contains the date, and weeks start on Monday and last 7 days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') }),
        fc.constantFrom<PeriodKind>('week', 'month', 'quarter', 'year'),
        (day, kind) => {
          const { from, to } = periodContaining(kind, isoFromDay(day));
          expect(dayNumber(from)).toBeLessThanOrEqual(day);
          expect(dayNumber(to)).toBeGreaterThanOrEqual(day);
          if (kind === 'week') {
            expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(1);
            expect(daysBetween(from, to)).toBe(6);
          } else {
            expect(from.slice(8)).toBe('01');
            expect(periodContaining(kind, from)).toEqual({ from, to });
            expect(periodContaining(kind, to)).toEqual({ from, to });
            expect(periodContaining(kind, addDays(to, 1)).from).toBe(addDays(to, 1));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('periodsCovering', () => {
  it('lists the months touching a range', () => {
    expect(periodsCovering('month', { from: '2025-01-15', to: '2025-03-02' })).toEqual([
      { from: '2025-01-01', to: '2025-01-31' },
      { from: '2025-02-01', to: '2025-02-28' },
      { from: '2025-03-01', to: '2025-03-31' },
    ]);
  });

  it('lists the weeks touching a range across a year end', () => {
    expect(periodsCovering('week', { from: '2024-12-31', to: '2025-01-13' })).toEqual([
      { from: '2024-12-30', to: '2025-01-05' },
      { from: '2025-01-06', to: '2025-01-12' },
      { from: '2025-01-13', to: '2025-01-19' },
    ]);
  });

  it('gives one period for a range inside it, and none for an inverted range', () => {
    expect(periodsCovering('quarter', { from: '2025-04-02', to: '2025-04-03' })).toEqual([{ from: '2025-04-01', to: '2025-06-30' }]);
    expect(periodsCovering('year', { from: '2025-04-02', to: '2025-04-01' })).toEqual([]);
  });

  it('covers any range with consecutive, gap-free periods', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2060-12-31') }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom<PeriodKind>('week', 'month', 'quarter', 'year'),
        (start, length, kind) => {
          const range = { from: isoFromDay(start), to: isoFromDay(start + length) };
          const periods = periodsCovering(kind, range);
          expect(periods.length).toBeGreaterThan(0);
          expect(periods[0]).toEqual(periodContaining(kind, range.from));
          expect(periods.at(-1)).toEqual(periodContaining(kind, range.to));
          for (let k = 1; k < periods.length; k++) expect(periods[k]!.from).toBe(addDays(periods[k - 1]!.to, 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});
