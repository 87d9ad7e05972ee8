// ABC class, inventory turnover and sell-through (PRODUCT §6). Values checked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClassIndexes, abcClassify, inventoryTurnover, sellThrough } from '../../shared/domain';
import type { AbcClass } from '../../shared/domain';

const items = (values: Record<string, number>) => Object.entries(values).map(([id, value]) => ({ id, value }));

describe('abcClassify — "A while the cumulative share before it is below 80%, B below 95%, else C"', () => {
  it.each<[string, Record<string, number>, Record<string, AbcClass>]>([
    [
      // total 100; shares before: a 0, b 50, c 75 (c carries the total across 80% and is still A),
      // d 85, e 93, f 97
      'the SKU that crosses 80% is A',
      { a: 50, b: 25, c: 10, d: 8, e: 4, f: 3 },
      { a: 'A', b: 'A', c: 'A', d: 'B', e: 'B', f: 'C' },
    ],
    [
      // x and y tie with nothing strictly above them → share before 0 → both A; z has 80% before it → B
      'a share before of exactly 80% is B; tied values share a class',
      { x: 40, y: 40, z: 20 },
      { x: 'A', y: 'A', z: 'B' },
    ],
    [
      // shares before: p 0, q 80 → B, r 95 → not below 95% → C
      'a share before of exactly 95% is C',
      { p: 80, q: 15, r: 5 },
      { p: 'A', q: 'B', r: 'C' },
    ],
    [
      // the three 10s each have 70% of value strictly before them → all A, although listed one by one
      // the third would start at 90%
      'a tie that straddles the cutoff is classed by the value strictly above it',
      { big: 70, t1: 10, t2: 10, t3: 10 },
      { big: 'A', t1: 'A', t2: 'A', t3: 'A' },
    ],
    [
      // zero values: share before = 100% → C; a negative value counts as 0
      'zero and negative values are C',
      { s: 10, z1: 0, z2: 0, neg: -5 },
      { s: 'A', z1: 'C', z2: 'C', neg: 'C' },
    ],
    ['all zero: no share to rank by, every SKU is C', { a: 0, b: 0 }, { a: 'C', b: 'C' }],
    ['one SKU with value is A', { only: 3 }, { only: 'A' }],
    ['no SKUs', {}, {}],
  ])('%s', (_label, values, expected) => {
    expect(abcClassify(items(values))).toEqual(expected);
  });

  it('takes editable cutoffs: A below 50%, B below 90% (shares before 0, 40, 60, 90)', () => {
    expect(abcClassify(items({ a: 40, b: 20, c: 30, d: 10 }), { a: 0.5, b: 0.9 })).toEqual({ a: 'A', c: 'A', b: 'B', d: 'C' });
  });

  it('does not depend on input order', () => {
    const forward = items({ a: 50, b: 25, c: 10, d: 8, e: 4, f: 3 });
    expect(abcClassify([...forward].reverse())).toEqual(abcClassify(forward));
  });

  it.each([
    { a: 0.9, b: 0.8 },
    { a: -0.1, b: 0.5 },
    { a: 0.5, b: 1.1 },
  ])('refuses cutoffs %o', (cutoffs) => {
    expect(() => abcClassify(items({ a: 1 }), cutoffs)).toThrow(RangeError);
  });

  it('refuses a SKU listed twice or a value that is not a number', () => {
    expect(() => abcClassify([{ id: 'a', value: 1 }, { id: 'a', value: 2 }])).toThrow(RangeError);
    expect(() => abcClassify([{ id: 'a', value: Number.NaN }])).toThrow(RangeError);
  });

  it('property: classes are monotone in value (more value never means a worse class; equal value, equal class)', () => {
    const rank: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, c1, c2) => {
          const list = values.map((value, i) => ({ id: `s${i}`, value }));
          const classes = abcClassify(list, { a: Math.min(c1, c2), b: Math.max(c1, c2) });
          for (const x of list) {
            for (const y of list) {
              if (x.value > y.value) expect(rank[classes[x.id]!]).toBeLessThanOrEqual(rank[classes[y.id]!]);
              if (x.value === y.value) expect(classes[x.id]).toBe(classes[y.id]);
            }
          }
        },
      ),
    );
  });
});

/** abcClassify as it was written before abcClassIndexes: a comparator sort of the indexes, a walk over them. */
function classesByComparatorSort(values: readonly number[], cutoffs: { a: number; b: number }): number[] {
  const clamped = values.map((v) => Math.max(0, v));
  const total = clamped.reduce((sum, v) => sum + v, 0);
  const classes = clamped.map(() => 2);
  if (total === 0) return classes;
  const order = Array.from(clamped.keys()).sort((x, y) => clamped[y]! - clamped[x]!);
  let before = 0;
  for (let start = 0; start < order.length; ) {
    const value = clamped[order[start]!]!;
    const share = before / total;
    const cls = share < cutoffs.a ? 0 : share < cutoffs.b ? 1 : 2;
    let end = start;
    for (; end < order.length && clamped[order[end]!] === value; end++) {
      classes[order[end]!] = cls;
      before += value;
    }
    start = end;
  }
  return classes;
}

describe('abcClassIndexes — abcClassify on bare values, by a sort of the values alone', () => {
  it('gives class indexes in input order, ties sharing a class', () => {
    // total 100; shares before: 40 → 0, 30s → 0.4 (both A), 10 → 0.9 (B), 0 and −5 → 1 (C)
    expect([...abcClassIndexes([10, 30, 40, 0, 30, -5])]).toEqual([1, 0, 0, 2, 0, 2]);
    expect([...abcClassIndexes([0, 0])]).toEqual([2, 2]);
    expect([...abcClassIndexes([])]).toEqual([]);
  });

  it('refuses a value that is not a finite number, and bad cutoffs', () => {
    expect(() => abcClassIndexes([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => abcClassIndexes([1], { a: 0.9, b: 0.8 })).toThrow(RangeError);
  });

  it('property: the same classes as the comparator sort it replaced, ties, zeros and negatives included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 8 }), fc.double({ min: -10, max: 1e6, noNaN: true })), { maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, c1, c2) => {
          const cutoffs = { a: Math.min(c1, c2), b: Math.max(c1, c2) };
          expect([...abcClassIndexes(values, cutoffs)]).toEqual(classesByComparatorSort(values, cutoffs));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('inventoryTurnover — rate = COGS ÷ ((beginning + ending) ÷ 2), days = period days ÷ rate', () => {
  it.each([
    // average (2000 + 4000)/2 = 3000; rate 12000/3000 = 4; days 365/4 = 91.25
    [{ cogs: 12000, beginningValue: 2000, endingValue: 4000, days: 365 }, 4, 91.25],
    // average 1500; rate 3000/1500 = 2; days 30/2 = 15
    [{ cogs: 3000, beginningValue: 1000, endingValue: 2000, days: 30 }, 2, 15],
    // no COGS: nothing turned over
    [{ cogs: 0, beginningValue: 1000, endingValue: 1000, days: 30 }, 0, Infinity],
    [{ cogs: 0, beginningValue: 0, endingValue: 0, days: 30 }, 0, Infinity],
    // COGS with no stock at either end: turned over "infinitely" fast
    [{ cogs: 500, beginningValue: 0, endingValue: 0, days: 30 }, Infinity, 0],
  ])('%o → rate %f, days %f', (input, rate, days) => {
    const result = inventoryTurnover(input);
    expect(result.rate).toBeCloseTo(rate, 12);
    expect(result.days).toBeCloseTo(days, 12);
  });

  it.each([
    { cogs: -1, beginningValue: 1, endingValue: 1, days: 30 },
    { cogs: 1, beginningValue: -1, endingValue: 1, days: 30 },
    { cogs: 1, beginningValue: 1, endingValue: 1, days: 0 },
  ])('refuses %o', (input) => {
    expect(() => inventoryTurnover(input)).toThrow(RangeError);
  });
});

describe('sellThrough — units sold ÷ (beginning units + units received)', () => {
  it.each([
    [{ beginningUnits: 60, receivedUnits: 40, soldUnits: 25 }, 0.25],
    [{ beginningUnits: 0, receivedUnits: 80, soldUnits: 80 }, 1],
    [{ beginningUnits: 30, receivedUnits: 0, soldUnits: 0 }, 0],
    [{ beginningUnits: 0, receivedUnits: 0, soldUnits: 0 }, 0],
    // sales with nothing recorded as available: a ledger gap, shown rather than hidden
    [{ beginningUnits: 0, receivedUnits: 0, soldUnits: 5 }, Infinity],
  ])('%o → %f', (input, rate) => {
    expect(sellThrough(input)).toBe(rate);
  });
});
