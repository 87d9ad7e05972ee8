import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber } from '../../shared/dates';
import { lowestBalanceFrom } from '../../shared/ledger/report';
import { dispatchMovements, findShortfall, receiveMovements } from '../../shared/ledger/postings';
import type { Movement, MovementInput, Shipment } from '../../shared/model';

const DOMESTIC = 1;
const FBA = 2;
const TRANSIT = 9;
const TRANSITS: ReadonlySet<number> = new Set([TRANSIT]);
const SKU = 4;

const d = (date: string) => dayNumber(date);

function movement(id: number, date: string, qty: number, extra: Partial<Movement> = {}): Movement {
  return { id, date, skuId: SKU, locationId: DOMESTIC, qty, type: qty > 0 ? 'receipt' : 'sale', source: 'manual', ...extra };
}

function withdrawal(date: string, qty: number, extra: Partial<MovementInput> = {}): MovementInput {
  return { date, skuId: SKU, locationId: DOMESTIC, qty: -qty, type: 'sale', source: 'manual', ...extra };
}

describe('lowestBalanceFrom', () => {
  it.each([
    { name: 'no movements', entries: [], from: '2025-01-05', lowest: 0 },
    { name: 'balance at the end of the day itself counts', entries: [['2025-01-01', 10], ['2025-01-05', -4]], from: '2025-01-05', lowest: 6 },
    { name: 'a later dip is the lowest', entries: [['2025-01-01', 10], ['2025-01-08', -8], ['2025-01-09', 5]], from: '2025-01-05', lowest: 2 },
    { name: 'same-day in and out net out at end of day', entries: [['2025-01-06', -5], ['2025-01-01', 1], ['2025-01-06', 5]], from: '2025-01-05', lowest: 1 },
    { name: 'movements before fromDay only set the start', entries: [['2025-01-01', 10], ['2025-01-02', -10], ['2025-01-03', 3]], from: '2025-01-05', lowest: 3 },
    { name: 'a later negative day is reported', entries: [['2025-01-01', 2], ['2025-01-10', -5]], from: '2025-01-05', lowest: -3 },
  ] as { name: string; entries: [string, number][]; from: string; lowest: number }[])('$name', ({ entries, from, lowest }) => {
    expect(lowestBalanceFrom(entries.map(([date, qty]) => ({ day: d(date), qty })), d(from))).toBe(lowest);
  });

  it('equals the minimum of the end-of-day balances from fromDay on, for any entries in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 30 }), qty: fc.integer({ min: -20, max: 20 }) }), { maxLength: 40 }),
        fc.integer({ min: -2, max: 32 }),
        (entries, fromDay) => {
          const endOfDay = (day: number) => entries.filter((e) => e.day <= day).reduce((sum, e) => sum + e.qty, 0);
          const days = [fromDay, ...entries.map((e) => e.day).filter((day) => day > fromDay)];
          expect(lowestBalanceFrom(entries, fromDay)).toBe(Math.min(...days.map(endOfDay)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('findShortfall', () => {
  const existing = [movement(1, '2025-01-01', 10), movement(2, '2025-01-10', -8)];

  it('allows a withdrawal within stock on every later day', () => {
    expect(findShortfall(existing, [withdrawal('2025-01-05', 2)], TRANSITS)).toBeNull();
    expect(findShortfall(existing, [withdrawal('2025-01-11', 2)], TRANSITS)).toBeNull();
  });

  it('refuses a back-dated withdrawal that would take a later day below zero', () => {
    // On 01-05 there are 10 units, but 8 of them leave on 01-10: only 2 may go.
    expect(findShortfall(existing, [withdrawal('2025-01-05', 5)], TRANSITS)).toEqual({
      skuId: SKU,
      locationId: DOMESTIC,
      availableQty: 2,
      requestedQty: 5,
      date: '2025-01-05',
    });
  });

  it('refuses a withdrawal dated before the stock arrived', () => {
    const shortfall = findShortfall([movement(1, '2025-01-10', 10)], [withdrawal('2025-01-05', 1)], TRANSITS);
    expect(shortfall).toEqual({ skuId: SKU, locationId: DOMESTIC, availableQty: 0, requestedQty: 1, date: '2025-01-05' });
  });

  it('adds up several withdrawals from the same pool', () => {
    const shortfall = findShortfall([movement(1, '2025-01-01', 10)], [withdrawal('2025-01-05', 6), withdrawal('2025-01-05', 6)], TRANSITS);
    expect(shortfall).toMatchObject({ availableQty: 10, requestedQty: 12 });
    expect(findShortfall([movement(1, '2025-01-01', 10)], [withdrawal('2025-01-05', 5), withdrawal('2025-01-06', 5)], TRANSITS)).toBeNull();
  });

  it('keeps SKUs and locations apart', () => {
    const elsewhere = [movement(1, '2025-01-01', 10, { locationId: FBA }), movement(2, '2025-01-01', 10, { skuId: SKU + 1 })];
    expect(findShortfall(elsewhere, [withdrawal('2025-01-05', 1)], TRANSITS)).toMatchObject({ availableQty: 0, requestedQty: 1 });
  });

  it('ignores additions that bring stock in', () => {
    expect(findShortfall([], [{ date: '2025-01-05', skuId: SKU, locationId: DOMESTIC, qty: 5, type: 'receipt', unitCostMinor: 1, source: 'manual' }], TRANSITS)).toBeNull();
  });

  it('checks transit per shipment ref, not the transit total', () => {
    const ship = (id: number, qty: number): Shipment => ({
      id,
      fromLocationId: DOMESTIC,
      toLocationId: FBA,
      shipDate: '2025-01-02',
      status: 'in_transit',
      lines: [{ skuId: SKU, qty }],
    });
    const posted: Movement[] = [movement(1, '2025-01-01', 20)];
    for (const input of [...dispatchMovements(ship(1, 5), TRANSIT), ...dispatchMovements(ship(2, 5), TRANSIT)]) {
      posted.push({ ...input, id: posted.length + 1 });
    }
    // Receiving shipment 1 in full is fine.
    expect(findShortfall(posted, receiveMovements(ship(1, 5), '2025-01-20', TRANSIT), TRANSITS)).toBeNull();
    // Taking 7 out of shipment 1's transit balance is refused although transit holds 10 in total.
    const tooMuch = receiveMovements(ship(1, 7), '2025-01-20', TRANSIT);
    expect(findShortfall(posted, tooMuch, TRANSITS)).toEqual({
      skuId: SKU,
      locationId: TRANSIT,
      availableQty: 5,
      requestedQty: 7,
      date: '2025-01-20',
    });
    // A shipment with nothing in transit cannot be received.
    expect(findShortfall(posted, receiveMovements(ship(3, 1), '2025-01-20', TRANSIT), TRANSITS)).toMatchObject({ locationId: TRANSIT, availableQty: 0 });
  });

  it('refuses a dispatch back-dated before the goods were received', () => {
    const ship: Shipment = { id: 8, fromLocationId: DOMESTIC, toLocationId: FBA, shipDate: '2024-12-20', status: 'in_transit', lines: [{ skuId: SKU, qty: 3 }] };
    expect(findShortfall(existing, dispatchMovements(ship, TRANSIT), TRANSITS)).toMatchObject({
      skuId: SKU,
      locationId: DOMESTIC,
      availableQty: 0,
      requestedQty: 3,
      date: '2024-12-20',
    });
  });
});
