// Property tests of the ledger: random movement histories over several SKUs, locations (one of them
// transit) and months, checked against the purchase–sales–inventory equation and a naive reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayNumber, isoFromDay, periodsCovering } from '../../shared/dates';
import { balancesAt, periodReport, rollUpByLocation, sumPeriodLines } from '../../shared/ledger/report';
import type { PeriodLine } from '../../shared/ledger/report';
import { dispatchMovements, receiveMovements } from '../../shared/ledger/postings';
import type { Movement, MovementInput, MovementType, Shipment } from '../../shared/model';
import { columnsFromMovements, concatColumns } from '../../shared/ledger/columns';
import { valueMovements } from '../../shared/ledger/valuation';
import { dayOrder, packBlocks, sortColumnsByDay } from '../../shared/ledger/blocks';
import { referenceValuation, shuffled, valueRows } from './ledgerTestKit';
import type { Valued } from './ledgerTestKit';

const DOMESTIC = 1;
const FBA = 2;
const THREE_PL = 3;
const TRANSIT = 9;
const STOCK_LOCATIONS = [DOMESTIC, FBA, THREE_PL] as const;
const LOCATIONS = [...STOCK_LOCATIONS, TRANSIT] as const;
const SKUS = [1, 2, 3] as const;
const TRANSIT_IDS: ReadonlySet<number> = new Set([TRANSIT]);
const FALLBACK = new Map([
  [1, 120],
  [2, 37.5],
]);
const CONTEXT = { transitLocationIds: TRANSIT_IDS, fallbackUnitCostMinor: FALLBACK };

const START = '2024-11-20';
const SPAN_DAYS = 140; // into April 2025, across a year end and February
const START_DAY = dayNumber(START);
const NUM_RUNS = 200;

type Op =
  | { kind: 'receipt'; sku: number; loc: number; day: number; qty: number; cost: number }
  | { kind: 'sale'; sku: number; loc: number; day: number; qty: number }
  | { kind: 'adjustment'; sku: number; loc: number; day: number; qty: number; cost: number | null }
  | { kind: 'customer_return'; sku: number; loc: number; day: number; qty: number }
  | { kind: 'import_transfer_in'; sku: number; loc: number; day: number; qty: number }
  | { kind: 'shipment'; from: number; to: number; day: number; lines: { sku: number; qty: number }[]; receiveAfter: number | null }
  | { kind: 'reversal'; target: number; lag: number };

const skuArb = fc.constantFrom(...SKUS);
const locArb = fc.constantFrom(...STOCK_LOCATIONS);
const dayArb = fc.integer({ min: 0, max: SPAN_DAYS });
// Whole or fractional (4 decimals of a minor unit) unit costs.
const costArb = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 50_000_000 }).map((x) => x / 10_000));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receipt' as const), sku: skuArb, loc: locArb, day: dayArb, qty: fc.integer({ min: 1, max: 40 }), cost: costArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sale' as const), sku: skuArb, loc: locArb, day: dayArb, qty: fc.integer({ min: 1, max: 25 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('adjustment' as const),
      sku: skuArb,
      loc: locArb,
      day: dayArb,
      qty: fc.integer({ min: -10, max: 10 }).filter((q) => q !== 0),
      cost: fc.option(costArb, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('customer_return' as const), sku: skuArb, loc: locArb, day: dayArb, qty: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import_transfer_in' as const), sku: skuArb, loc: locArb, day: dayArb, qty: fc.integer({ min: 1, max: 6 }) }) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        from: locArb,
        toOffset: fc.integer({ min: 1, max: 2 }),
        day: dayArb,
        lines: fc.array(fc.record({ sku: skuArb, qty: fc.integer({ min: 1, max: 15 }) }), { minLength: 1, maxLength: 3 }),
        receiveAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      })
      .map(({ from, toOffset, ...rest }) => ({
        kind: 'shipment' as const,
        from,
        to: STOCK_LOCATIONS[(STOCK_LOCATIONS.indexOf(from) + toOffset) % STOCK_LOCATIONS.length]!,
        ...rest,
      })),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reversal' as const), target: fc.nat(), lag: fc.integer({ min: 0, max: 20 }) }) },
);

/** Movements grouped by the operation that posted them; ids grow in posting (= op) order. */
function buildGroups(ops: readonly Op[]): Movement[][] {
  let nextId = 1;
  let nextShipment = 1;
  const groups: Movement[][] = [];
  const reversible: Movement[] = [];
  const post = (inputs: MovementInput[]): Movement[] => inputs.map((input) => ({ ...input, id: nextId++ }));
  const single = (day: number, sku: number, loc: number, qty: number, type: MovementType, extra: Partial<MovementInput> = {}) =>
    post([{ date: isoFromDay(START_DAY + day), skuId: sku, locationId: loc, qty, type, source: 'manual', ...extra }]);
  for (const op of ops) {
    let group: Movement[];
    switch (op.kind) {
      case 'receipt':
        group = single(op.day, op.sku, op.loc, op.qty, 'receipt', { unitCostMinor: op.cost, ref: `PO-${op.day}` });
        break;
      case 'sale':
        group = single(op.day, op.sku, op.loc, -op.qty, 'sale');
        break;
      case 'adjustment':
        group = single(op.day, op.sku, op.loc, op.qty, 'adjustment', op.qty > 0 && op.cost !== null ? { unitCostMinor: op.cost } : {});
        break;
      case 'customer_return':
        group = single(op.day, op.sku, op.loc, op.qty, 'customer_return');
        break;
      case 'import_transfer_in':
        group = single(op.day, op.sku, op.loc, op.qty, 'transfer_in', { ref: `IMP-${op.day}` });
        break;
      case 'shipment': {
        const shipment: Shipment = {
          id: nextShipment++,
          fromLocationId: op.from,
          toLocationId: op.to,
          shipDate: isoFromDay(START_DAY + op.day),
          status: 'in_transit',
          lines: op.lines.map((line) => ({ skuId: line.sku, qty: line.qty })),
        };
        group = post(dispatchMovements(shipment, TRANSIT));
        if (op.receiveAfter !== null) {
          group.push(...post(receiveMovements(shipment, addDays(shipment.shipDate, op.receiveAfter), TRANSIT)));
        }
        break;
      }
      case 'reversal': {
        if (reversible.length === 0) continue;
        const target = reversible[op.target % reversible.length]!;
        const { id, ...rest } = target;
        group = post([{ ...rest, qty: -target.qty, date: addDays(target.date, op.lag), reversesId: id }]);
        break;
      }
    }
    if (op.kind !== 'shipment' && op.kind !== 'reversal') reversible.push(group[0]!);
    groups.push(group);
  }
  return groups;
}

/** Drops whole operations until no pool goes below zero at any step of the documented replay. */
function withoutNegativeStock(groups: readonly Movement[][]): Movement[] {
  let kept = [...groups];
  for (;;) {
    const rows = kept.flat();
    const { firstNegativeId } = referenceValuation(rows, TRANSIT_IDS, FALLBACK);
    if (firstNegativeId === null) return rows;
    kept = kept.filter((group) => !group.some((m) => m.id === firstNegativeId));
  }
}

/** Opening stock per SKU × stock location (some of it empty), then random operations. */
const openingArb: fc.Arbitrary<Op[]> = fc
  .array(fc.record({ qty: fc.integer({ min: 0, max: 60 }), cost: costArb, day: fc.integer({ min: 0, max: 10 }) }), {
    minLength: SKUS.length * STOCK_LOCATIONS.length,
    maxLength: SKUS.length * STOCK_LOCATIONS.length,
  })
  .map((openings) =>
    openings.flatMap(({ qty, cost, day }, i) =>
      qty === 0 ? [] : [{ kind: 'receipt' as const, sku: SKUS[i % SKUS.length]!, loc: STOCK_LOCATIONS[Math.floor(i / SKUS.length)]!, day, qty, cost }],
    ),
  );
const opsArb = fc
  .tuple(openingArb, fc.array(opArb, { minLength: 5, maxLength: 70, size: 'medium' }))
  .map(([opening, ops]) => [...opening, ...ops]);
/** Histories where stock never goes below zero (what manual posting guarantees). */
const nonNegativeArb = opsArb.map((ops) => withoutNegativeStock(buildGroups(ops)));
/** Any history, including imports that oversell. */
const anyArb = opsArb.map((ops) => buildGroups(ops).flat());
const historyArb = fc.oneof(nonNegativeArb, anyArb);

const dayCache = new Map<string, number>();
function dayOf(date: string): number {
  let day = dayCache.get(date);
  if (day === undefined) dayCache.set(date, (day = dayNumber(date)));
  return day;
}

interface Totals {
  qty: number;
  value: number;
}

function totalsWhere(rows: readonly Movement[], valueOf: (id: number) => number, keep: (m: Movement, day: number) => boolean): Totals {
  let qty = 0;
  let value = 0;
  for (const m of rows) {
    if (!keep(m, dayOf(m.date))) continue;
    qty += m.qty;
    value += valueOf(m.id);
  }
  return { qty, value };
}

/** The period line computed directly from the movements, independently of periodReport. */
function independentLine(rows: readonly Movement[], valueOf: (id: number) => number, skuId: number, locationId: number, fromDay: number, toDay: number) {
  const mine = (m: Movement) => m.skuId === skuId && m.locationId === locationId;
  const beginning = totalsWhere(rows, valueOf, (m, d) => mine(m) && d < fromDay);
  const ending = totalsWhere(rows, valueOf, (m, d) => mine(m) && d <= toDay);
  const incoming = totalsWhere(rows, valueOf, (m, d) => mine(m) && d >= fromDay && d <= toDay && m.qty > 0);
  const outgoing = totalsWhere(rows, valueOf, (m, d) => mine(m) && d >= fromDay && d <= toDay && m.qty < 0);
  return { beginning, ending, incoming: incoming, outgoing: { qty: 0 - outgoing.qty, value: 0 - outgoing.value } };
}

function lineFor(lines: readonly PeriodLine[], skuId: number, locationId: number): PeriodLine | undefined {
  return lines.find((line) => line.skuId === skuId && line.locationId === locationId);
}

function months(): { fromDay: number; toDay: number }[] {
  return periodsCovering('month', { from: START, to: isoFromDay(START_DAY + SPAN_DAYS + 60) }).map((p) => ({
    fromDay: dayNumber(p.from),
    toDay: dayNumber(p.to),
  }));
}

function checkEquation(rows: readonly Movement[], valued: Valued, fromDay: number, toDay: number) {
  const { columns, values, valueOf } = valued;
  const lines = periodReport(columns, values, fromDay, toDay);
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  for (const skuId of SKUS) {
    for (const locationId of LOCATIONS) {
      const independent = independentLine(rows, valueOf, skuId, locationId, fromDay, toDay);
      const line = lineFor(lines, skuId, locationId);
      const hasAnything =
        independent.beginning.qty !== 0 ||
        independent.beginning.value !== 0 ||
        independent.incoming.qty !== 0 ||
        independent.outgoing.qty !== 0;
      expected.push([skuId, locationId, hasAnything ? independent : null]);
      actual.push([
        skuId,
        locationId,
        line
          ? {
              beginning: { qty: line.beginningQty, value: line.beginningValueMinor },
              incoming: { qty: line.incomingQty, value: line.incomingValueMinor },
              outgoing: { qty: line.outgoingQty, value: line.outgoingValueMinor },
              ending: { qty: line.endingQty, value: line.endingValueMinor },
            }
          : null,
      ]);
      // ending = beginning + incoming − outgoing, with the ending taken from the movements alone.
      const { beginning, incoming, outgoing, ending } = independent;
      if (beginning.qty + incoming.qty - outgoing.qty !== ending.qty || beginning.value + incoming.value - outgoing.value !== ending.value) {
        expect.unreachable(`equation broken for SKU ${skuId} at ${locationId}: ${JSON.stringify(independent)}`);
      }
    }
  }
  expect(actual).toEqual(expected);
}

// Hundreds of random histories per property: seconds of work, more on a busy machine.
describe('ledger properties over random histories', { timeout: 30_000 }, () => {
  it('(a) the ledger equation holds per SKU × location for every month', () => {
    fc.assert(
      fc.property(historyArb, (rows) => {
        const valued = valueRows(rows, CONTEXT);
        for (const { fromDay, toDay } of months()) checkEquation(rows, valued, fromDay, toDay);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(a) the ledger equation holds for random custom ranges', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: -10, max: SPAN_DAYS + 40 }),
        fc.integer({ min: 0, max: 90 }),
        (rows, from, length) => {
          checkEquation(rows, valueRows(rows, CONTEXT), START_DAY + from, START_DAY + from + length);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) the ending of each month is the beginning of the next', () => {
    fc.assert(
      fc.property(historyArb, (rows) => {
        const { columns, values } = valueRows(rows, CONTEXT);
        const periods = months();
        for (let k = 0; k + 1 < periods.length; k++) {
          const current = periodReport(columns, values, periods[k]!.fromDay, periods[k]!.toDay);
          const next = periodReport(columns, values, periods[k + 1]!.fromDay, periods[k + 1]!.toDay);
          for (const skuId of SKUS) {
            for (const locationId of LOCATIONS) {
              const ending = lineFor(current, skuId, locationId);
              const beginning = lineFor(next, skuId, locationId);
              expect([beginning?.beginningQty ?? 0, beginning?.beginningValueMinor ?? 0]).toEqual([ending?.endingQty ?? 0, ending?.endingValueMinor ?? 0]);
            }
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) values and balances equal a naive per-row reference replay', () => {
    fc.assert(
      fc.property(historyArb, (rows) => {
        const { columns, values, valueOf } = valueRows(rows, CONTEXT);
        const reference = referenceValuation(rows, TRANSIT_IDS, FALLBACK);
        expect(rows.map((m) => [m.id, valueOf(m.id)])).toEqual(rows.map((m) => [m.id, reference.values.get(m.id)! + 0]));
        const lastDay = START_DAY + SPAN_DAYS + 60;
        const actual: unknown[] = [];
        const expected: unknown[] = [];
        for (let day = START_DAY; day <= lastDay; day += 7) {
          for (const balance of balancesAt(columns, values, day)) {
            actual.push([day, balance.skuId, balance.locationId, balance.qty, balance.valueMinor]);
            const totals = totalsWhere(rows, (id) => reference.values.get(id)!, (m, d) => m.skuId === balance.skuId && m.locationId === balance.locationId && d <= day);
            expected.push([day, balance.skuId, balance.locationId, totals.qty, totals.value]);
          }
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) shuffling the input array (same ids) changes no value', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (rows, seed) => {
        const original = valueRows(rows, CONTEXT);
        const mixed = valueRows(shuffled(rows, seed), CONTEXT);
        expect(rows.map((m) => [m.id, mixed.valueOf(m.id)])).toEqual(rows.map((m) => [m.id, original.valueOf(m.id)]));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) concatenating column blocks (refs remapped) values every movement as one block does', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), fc.integer({ min: 1, max: 4 }), (rows, seed, partCount) => {
        const mixed = shuffled(rows, seed);
        const parts = Array.from({ length: partCount }, (_, k) => mixed.filter((_, i) => i % partCount === k));
        const ordered = parts.flat();
        const joined = concatColumns(parts.map((part) => columnsFromMovements(part)));
        expect(joined.length).toBe(rows.length);
        expect(ordered.map((m, i) => joined.refs[joined.ref[i]!] ?? null)).toEqual(ordered.map((m) => m.ref ?? null));
        const values = valueMovements(joined, CONTEXT);
        const single = valueRows(rows, CONTEXT);
        expect(ordered.map((m, i) => [m.id, values[i]! + 0])).toEqual(ordered.map((m) => [m.id, single.valueOf(m.id)]));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) a refs list with one entry per row (not deduplicated, as a fresh import plan has) values every movement as the deduplicated one does', () => {
    fc.assert(
      fc.property(historyArb, (rows) => {
        const columns = columnsFromMovements(rows);
        // Every row gets its own copy of its reference's text: same texts, different indexes.
        const refs: string[] = [];
        const ref = new Int32Array(columns.length).fill(-1);
        for (let i = 0; i < columns.length; i++) {
          const text = columns.refs[columns.ref[i]!];
          if (text === undefined) continue;
          ref[i] = refs.length;
          refs.push(`${text}`);
        }
        const loose = valueMovements({ ...columns, ref, refs }, CONTEXT);
        expect([...loose].map((v) => v + 0)).toEqual([...valueMovements(columns, CONTEXT)].map((v) => v + 0));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) packing through the day order stores the same blocks as packing a day-sorted copy', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), fc.integer({ min: 1, max: 7 }), (rows, seed, blockSize) => {
        const columns = columnsFromMovements(shuffled(rows, seed));
        const order = dayOrder(columns);
        const sorted = sortColumnsByDay(columns);
        expect(order === null).toBe(sorted === columns);
        expect(packBlocks(columns, 'b', 100, blockSize, order)).toEqual(packBlocks(sorted, 'b', 100, blockSize));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(e) end-of-day quantities do not depend on same-day order, even with new seq numbers', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), fc.integer(), (rows, orderSeed, idSeed) => {
        const ids = shuffled(
          rows.map((m) => m.id),
          idSeed,
        );
        const renumbered = shuffled(
          rows.map((m, i) => ({ ...m, id: ids[i]! })),
          orderSeed,
        );
        const a = valueRows(rows, CONTEXT);
        const b = valueRows(renumbered, CONTEXT);
        const key = (x: { skuId: number; locationId: number }) => x.skuId * 100 + x.locationId;
        const quantities = (v: typeof a, day: number) =>
          balancesAt(v.columns, v.values, day)
            .filter((line) => line.qty !== 0)
            .map((line) => [key(line), line.qty])
            .sort((x, y) => x[0]! - y[0]!);
        const days = Array.from({ length: SPAN_DAYS + 53 }, (_, k) => START_DAY - 1 + k);
        expect(days.map((day) => quantities(b, day))).toEqual(days.map((day) => quantities(a, day)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(f) values are whole minor units and a pool at zero units has zero value (stock never below zero)', () => {
    fc.assert(
      fc.property(nonNegativeArb, (rows) => {
        const { columns, values } = valueRows(rows, CONTEXT);
        expect([...values].filter((value) => !Number.isInteger(value))).toEqual([]);
        // Balances at the end of every day (transit summed over its shipments, each of which is ≥ 0).
        const bad: unknown[] = [];
        for (let day = START_DAY; day <= START_DAY + SPAN_DAYS + 51; day++) {
          for (const balance of balancesAt(columns, values, day)) {
            if (balance.qty < 0 || (balance.qty === 0 && balance.valueMinor !== 0)) bad.push([day, balance]);
          }
        }
        expect(bad).toEqual([]);
        // And at every step of the documented replay, pool by pool.
        expect(referenceValuation(rows, TRANSIT_IDS, FALLBACK).zeroUnitsWithValue).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(f) values are whole minor units even when imports oversell', () => {
    fc.assert(
      fc.property(anyArb, (rows) => {
        const { values } = valueRows(rows, CONTEXT);
        expect([...values].filter((value) => !Number.isInteger(value))).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(g) sumPeriodLines and rollUpByLocation totals equal the sum of the lines', () => {
    const fields = [
      'beginningQty',
      'incomingQty',
      'outgoingQty',
      'endingQty',
      'beginningValueMinor',
      'incomingValueMinor',
      'outgoingValueMinor',
      'endingValueMinor',
    ] as const;
    const sum = (lines: readonly PeriodLine[], field: (typeof fields)[number]) => lines.reduce((total, line) => total + line[field], 0);
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: SPAN_DAYS }), fc.integer({ min: 0, max: 60 }), (rows, from, length) => {
        const { columns, values } = valueRows(rows, CONTEXT);
        const lines = periodReport(columns, values, START_DAY + from, START_DAY + from + length);
        const total = sumPeriodLines(lines);
        for (const field of fields) expect(total[field]).toBe(sum(lines, field));
        expect(total.endingQty).toBe(total.beginningQty + total.incomingQty - total.outgoingQty);
        expect(total.endingValueMinor).toBe(total.beginningValueMinor + total.incomingValueMinor - total.outgoingValueMinor);

        const rolled = rollUpByLocation(lines);
        expect(rolled.map((line) => line.locationId).sort()).toEqual([...new Set(lines.map((line) => line.locationId))].sort());
        for (const line of rolled) {
          const group = lines.filter((l) => l.locationId === line.locationId);
          expect(line.skuId).toBe(0);
          for (const field of fields) expect(line[field]).toBe(sum(group, field));
        }
        const grand = sumPeriodLines(rolled);
        for (const field of fields) expect(grand[field]).toBe(total[field]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('period report examples', () => {
  it('reports one month of a simple history', () => {
    const rows: Movement[] = [
      { id: 1, date: '2025-01-10', skuId: 1, locationId: DOMESTIC, qty: 10, type: 'receipt', unitCostMinor: 100, source: 'manual' },
      { id: 2, date: '2025-02-03', skuId: 1, locationId: DOMESTIC, qty: 10, type: 'receipt', unitCostMinor: 200, source: 'manual' },
      { id: 3, date: '2025-02-20', skuId: 1, locationId: DOMESTIC, qty: -5, type: 'sale', source: 'manual' },
      { id: 4, date: '2025-03-01', skuId: 1, locationId: DOMESTIC, qty: -1, type: 'sale', source: 'manual' },
    ];
    const { columns, values } = valueRows(rows, CONTEXT);
    const [line, ...others] = periodReport(columns, values, dayNumber('2025-02-01'), dayNumber('2025-02-28'));
    expect(others).toEqual([]);
    expect(line).toEqual({
      skuId: 1,
      locationId: DOMESTIC,
      beginningQty: 10,
      incomingQty: 10,
      outgoingQty: 5,
      endingQty: 15,
      beginningValueMinor: 1000,
      incomingValueMinor: 2000,
      outgoingValueMinor: 750,
      endingValueMinor: 2250,
    });
  });

  it('leaves out lines with no stock and no activity, keeps lines with stock and no activity', () => {
    const rows: Movement[] = [
      { id: 1, date: '2025-01-10', skuId: 1, locationId: DOMESTIC, qty: 2, type: 'receipt', unitCostMinor: 100, source: 'manual' },
      { id: 2, date: '2025-01-12', skuId: 1, locationId: DOMESTIC, qty: -2, type: 'sale', source: 'manual' },
      { id: 3, date: '2025-01-10', skuId: 2, locationId: DOMESTIC, qty: 3, type: 'receipt', unitCostMinor: 100, source: 'manual' },
    ];
    const { columns, values } = valueRows(rows, CONTEXT);
    const lines = periodReport(columns, values, dayNumber('2025-02-01'), dayNumber('2025-02-28'));
    expect(lines.map((line) => [line.skuId, line.endingQty, line.endingValueMinor])).toEqual([[2, 3, 300]]);
    expect(balancesAt(columns, values, dayNumber('2025-01-11')).map((b) => [b.skuId, b.qty, b.valueMinor])).toEqual([
      [1, 2, 200],
      [2, 3, 300],
    ]);
  });
});
