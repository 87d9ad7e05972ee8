// The order in which ship lines take home stock and FBA room (shared/planning/plan.ts capacityOrder):
// a native sort of packed numbers must give exactly the comparator sort it replaced, ties included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityOrder } from '../../shared/planning/plan';

interface Line {
  wants: boolean;
  abc: number;
  stockoutDay: number;
}

/** The comparator sort the capacity step used before capacityOrder. */
function comparatorOrder(lines: readonly Line[]): number[] {
  const order = lines.flatMap((line, i) => (line.wants ? [i] : []));
  const stockout = lines.map((line) => line.stockoutDay || Infinity);
  return order.sort((a, b) => lines[a]!.abc - lines[b]!.abc || stockout[a]! - stockout[b]! || a - b);
}

function columnsOf(lines: readonly Line[]) {
  return {
    c: {
      shipAir: Float64Array.from(lines, (line, i) => (line.wants && i % 2 === 0 ? 12 : 0)),
      shipSea: Float64Array.from(lines, (line, i) => (line.wants && i % 2 === 1 ? 30 : 0)),
      stockoutDay: Float64Array.from(lines, (line) => line.stockoutDay),
    },
    rank: Uint8Array.from(lines, (line) => line.abc),
  };
}

const line = (wants: boolean, abc: number, stockoutDay: number): Line => ({ wants, abc, stockoutDay });

describe('capacityOrder — class, then earliest stockout (none last), then line', () => {
  it('orders a hand-made set: lines that want nothing left out, no stockout last, ties by line', () => {
    const lines = [line(true, 1, 20_100), line(true, 0, Number.NaN), line(false, 0, 20_050), line(true, 0, 20_120), line(true, 1, 20_100), line(true, 0, 20_120), line(true, 2, 20_001)];
    const { c, rank } = columnsOf(lines);
    expect([...capacityOrder(c, rank, lines.length)]).toEqual([3, 5, 1, 0, 4, 6]);
  });

  it('orders days that are not whole by the comparator (day 0 counts as no stockout)', () => {
    const lines = [line(true, 0, 20_100.5), line(true, 0, 0), line(true, 0, 20_100), line(true, 0, -3)];
    const { c, rank } = columnsOf(lines);
    expect([...capacityOrder(c, rank, lines.length)]).toEqual(comparatorOrder(lines));
    expect([...capacityOrder(c, rank, lines.length)]).toEqual([3, 2, 0, 1]);
  });

  const wholeDay = fc.oneof(fc.integer({ min: 20_000, max: 20_012 }), fc.constant(Number.NaN), fc.integer({ min: -5, max: 5 }));
  it.each([
    ['whole days or none (packed keys)', wholeDay],
    ['any day (packed keys, or the comparator for a day that is not whole)', fc.oneof(wholeDay, fc.double({ min: 19_990, max: 20_010, noNaN: true }))],
  ])('property: the same order as the comparator sort, ties included — %s', (_, day) => {
    fc.assert(
      fc.property(fc.array(fc.record({ wants: fc.boolean(), abc: fc.integer({ min: 0, max: 2 }), stockoutDay: day }), { maxLength: 80 }), (lines) => {
        const { c, rank } = columnsOf(lines);
        expect([...capacityOrder(c, rank, lines.length)]).toEqual(comparatorOrder(lines));
      }),
      { numRuns: 500 },
    );
  });
});
