// Count plans: due dates per ABC class, which SKUs a plan counts, and sheet order.
import { describe, expect, it } from 'vitest';
import { addMonths, binInRange, countDue, DEFAULT_COUNT_FREQUENCY_MONTHS, planDue, planSkuIds, sortCountLines } from '../../shared/counts';
import type { PlanCandidate } from '../../shared/counts';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-01', 12, '2027-12-01'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('countDue per ABC class (defaults A monthly, B quarterly, C twice a year)', () => {
  const last = '2026-01-10';
  it.each([
    ['A', '2026-02-10'],
    ['B', '2026-04-10'],
    ['C', '2026-07-10'],
  ] as const)('class %s last counted %s is due on %s', (abcClass, dueOn) => {
    expect(countDue({ lastCountedOn: last, createdOn: '2025-12-01', frequencyMonths: DEFAULT_COUNT_FREQUENCY_MONTHS[abcClass], today: '2026-01-11' })).toEqual({ dueOn, status: 'notDue', daysOverdue: 0 });
  });

  it.each([
    ['2026-02-02', 'notDue', 0],
    ['2026-02-03', 'due', 0],
    ['2026-02-10', 'due', 0],
    ['2026-02-11', 'overdue', 1],
    ['2026-03-12', 'overdue', 30],
  ] as const)('a monthly plan last counted 2026-01-10, on %s: %s', (today, status, daysOverdue) => {
    expect(countDue({ lastCountedOn: last, createdOn: '2025-12-01', frequencyMonths: 1, today })).toEqual({ dueOn: '2026-02-10', status, daysOverdue });
  });

  it('a plan never counted is due the day it is made, overdue after', () => {
    expect(countDue({ lastCountedOn: null, createdOn: '2026-05-01', frequencyMonths: 1, today: '2026-05-01' })).toEqual({ dueOn: '2026-05-01', status: 'due', daysOverdue: 0 });
    expect(countDue({ lastCountedOn: null, createdOn: '2026-05-01', frequencyMonths: 1, today: '2026-05-04' })).toEqual({ dueOn: '2026-05-01', status: 'overdue', daysOverdue: 3 });
  });

  it('an edited frequency moves the due date', () => {
    expect(countDue({ lastCountedOn: last, createdOn: last, frequencyMonths: 2, today: last }).dueOn).toBe('2026-03-10');
  });
});

const candidate = (skuId: number, abcClass: 'A' | 'B' | 'C', bin: string, onHandQty: number, archived = false): PlanCandidate => ({ skuId, abcClass, bin, onHandQty, archived });

describe('planSkuIds', () => {
  const candidates = [
    candidate(1, 'A', 'A-01', 10),
    candidate(2, 'A', '', 0), // not at this location
    candidate(3, 'A', 'B-02', 0), // an empty shelf that should hold stock
    candidate(4, 'B', 'A-10', 5),
    candidate(5, 'C', 'A-2', 3),
    candidate(6, 'A', 'C-01', 0, true), // archived and empty
    candidate(7, 'A', '', 4, true), // archived with stock
  ];

  it('ABC: the class’s SKUs that are at the location (stock or a bin there)', () => {
    expect(planSkuIds({ kind: 'abc', abcClass: 'A' }, candidates)).toEqual([1, 3, 7]);
    expect(planSkuIds({ kind: 'abc', abcClass: 'B' }, candidates)).toEqual([4]);
  });

  it('bins: a natural, case-insensitive range, both ends inclusive', () => {
    expect(planSkuIds({ kind: 'bins', fromBin: 'a-01', toBin: 'A-9' }, candidates)).toEqual([1, 5]);
    expect(planSkuIds({ kind: 'bins', fromBin: 'A-2', toBin: 'A-10' }, candidates)).toEqual([4, 5]);
    expect(planSkuIds({ kind: 'bins', fromBin: '', toBin: '' }, candidates)).toEqual([1, 3, 4, 5]);
  });

  it('ad hoc: the listed SKUs once each, in the order given', () => {
    expect(planSkuIds({ kind: 'skus', skuIds: [5, 2, 5] }, candidates)).toEqual([5, 2]);
  });

  it('binInRange ignores empty bins', () => {
    expect(binInRange('', '', '')).toBe(false);
    expect(binInRange('A-3', 'A-2', 'A-10')).toBe(true);
    expect(binInRange('A-11', 'A-2', 'A-10')).toBe(false);
  });
});

describe('sortCountLines', () => {
  it('sorts by bin then SKU code, naturally, SKUs without a bin last', () => {
    const lines = [
      { bin: '', code: 'AAA' },
      { bin: 'A-10', code: 'B' },
      { bin: 'A-2', code: 'Z' },
      { bin: 'A-2', code: 'SKU-10' },
      { bin: 'a-2', code: 'SKU-9' },
      { bin: '', code: '0-FIRST' },
    ];
    expect(sortCountLines(lines).map((l) => `${l.bin}|${l.code}`)).toEqual(['a-2|SKU-9', 'A-2|SKU-10', 'A-2|Z', 'A-10|B', '|0-FIRST', '|AAA']);
  });
});

describe('planDue', () => {
  it('counts from the plan’s latest posted cut-off; open counts and other plans’ counts do not count', () => {
    const plan = { id: 1, createdOn: '2026-01-01', frequencyMonths: 1 };
    const counts = [
      { planId: 1, status: 'posted' as const, cutoffDate: '2026-02-10' },
      { planId: 1, status: 'posted' as const, cutoffDate: '2026-03-05' },
      { planId: 1, status: 'open' as const, cutoffDate: '2026-04-01' },
      { planId: 2, status: 'posted' as const, cutoffDate: '2026-04-20' },
    ];
    expect(planDue(plan, counts, '2026-04-10')).toEqual({ last: '2026-03-05', due: { dueOn: '2026-04-05', status: 'overdue', daysOverdue: 5 } });
    // Never counted: due the day the plan was made.
    expect(planDue(plan, [], '2026-01-03')).toEqual({ last: null, due: { dueOn: '2026-01-01', status: 'overdue', daysOverdue: 2 } });
  });
});
