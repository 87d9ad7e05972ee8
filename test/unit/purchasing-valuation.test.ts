// The valuation rule for landed cost: a paired transfer_in with its own unitCostMinor arrives with the
// value that left plus round(qty × unitCostMinor); without one, or unpaired, nothing changes.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { balancesAt } from '../../shared/ledger/report';
import { Ledger, valueRows } from './ledgerTestKit';

const DOMESTIC = 1;
const FBA = 2;
const TRANSIT = 9;
const SKU = 7;
const CONTEXT = { transitLocationIds: new Set([TRANSIT]) };

function balance(ledger: Ledger, date: string, locationId: number) {
  const { columns, values } = valueRows(ledger.rows, CONTEXT);
  const line = balancesAt(columns, values, dayNumber(date)).find((b) => b.skuId === SKU && b.locationId === locationId);
  return [line?.qty ?? 0, line?.valueMinor ?? 0];
}

/** 10 units at 1000 shipped domestic → transit on 2026-03-01 with ref SHP-1. */
function shippedTen(): Ledger {
  const ledger = new Ledger();
  ledger.receipt('2026-02-01', SKU, DOMESTIC, 10, 1000);
  ledger.add({ date: '2026-03-01', skuId: SKU, locationId: DOMESTIC, qty: -10, type: 'transfer_out', ref: 'SHP-1' });
  ledger.add({ date: '2026-03-01', skuId: SKU, locationId: TRANSIT, qty: 10, type: 'transfer_in', ref: 'SHP-1' });
  return ledger;
}

describe('valuation: landed cost on a paired transfer_in', () => {
  it('adds qty × unitCostMinor to the value that left transit: 10 × 1000 + 10 × 50', () => {
    const ledger = shippedTen();
    const out = ledger.add({ date: '2026-03-20', skuId: SKU, locationId: TRANSIT, qty: -10, type: 'transfer_out', ref: 'SHP-1' });
    const arrival = ledger.add({ date: '2026-03-20', skuId: SKU, locationId: FBA, qty: 10, type: 'transfer_in', unitCostMinor: 50, ref: 'SHP-1' });
    const { valueOf } = valueRows(ledger.rows, CONTEXT);
    expect([valueOf(out.id), valueOf(arrival.id)]).toEqual([-10_000, 10_500]);
    expect(balance(ledger, '2026-03-20', FBA)).toEqual([10, 10_500]);
    expect(balance(ledger, '2026-03-20', TRANSIT)).toEqual([0, 0]);
  });

  it('rounds the landed part to whole minor units: 3 × 33.3333 adds 100', () => {
    const ledger = new Ledger();
    ledger.receipt('2026-02-01', SKU, DOMESTIC, 3, 200);
    ledger.add({ date: '2026-03-01', skuId: SKU, locationId: DOMESTIC, qty: -3, type: 'transfer_out', ref: 'SHP-2' });
    const arrival = ledger.add({ date: '2026-03-01', skuId: SKU, locationId: FBA, qty: 3, type: 'transfer_in', unitCostMinor: 33.3333, ref: 'SHP-2' });
    expect(valueRows(ledger.rows, CONTEXT).valueOf(arrival.id)).toBe(700);
  });

  it('without a unit cost (or with 0) the transfer_in arrives with exactly the value that left, as before', () => {
    for (const unitCostMinor of [undefined, 0]) {
      const ledger = shippedTen();
      ledger.add({ date: '2026-03-20', skuId: SKU, locationId: TRANSIT, qty: -4, type: 'transfer_out', ref: 'SHP-1' });
      const arrival = ledger.add({ date: '2026-03-20', skuId: SKU, locationId: FBA, qty: 4, type: 'transfer_in', ref: 'SHP-1', ...(unitCostMinor === undefined ? {} : { unitCostMinor }) });
      expect(valueRows(ledger.rows, CONTEXT).valueOf(arrival.id)).toBe(4000);
    }
  });

  it('an unpaired transfer_in with a unit cost is still valued at that cost alone', () => {
    const ledger = shippedTen();
    const unpaired = ledger.add({ date: '2026-03-20', skuId: SKU, locationId: FBA, qty: 2, type: 'transfer_in', unitCostMinor: 70, ref: 'IMPORT-9' });
    expect(valueRows(ledger.rows, CONTEXT).valueOf(unpaired.id)).toBe(140);
    // A transfer_in of another quantity than the transfer_out does not pair either.
    const mismatched = ledger.add({ date: '2026-03-21', skuId: SKU, locationId: FBA, qty: 3, type: 'transfer_in', unitCostMinor: 70, ref: 'SHP-1' });
    ledger.add({ date: '2026-03-21', skuId: SKU, locationId: TRANSIT, qty: -4, type: 'transfer_out', ref: 'SHP-1' });
    expect(valueRows(ledger.rows, CONTEXT).valueOf(mismatched.id)).toBe(210);
  });

  it('two parts of one shipment on one day pair in posting order, each with its own landed cost', () => {
    const ledger = shippedTen();
    ledger.add({ date: '2026-03-20', skuId: SKU, locationId: TRANSIT, qty: -5, type: 'transfer_out', ref: 'SHP-1' });
    const first = ledger.add({ date: '2026-03-20', skuId: SKU, locationId: FBA, qty: 5, type: 'transfer_in', unitCostMinor: 10, ref: 'SHP-1' });
    ledger.add({ date: '2026-03-20', skuId: SKU, locationId: TRANSIT, qty: -5, type: 'transfer_out', ref: 'SHP-1' });
    const second = ledger.add({ date: '2026-03-20', skuId: SKU, locationId: FBA, qty: 5, type: 'transfer_in', unitCostMinor: 30, ref: 'SHP-1' });
    const { valueOf } = valueRows(ledger.rows, CONTEXT);
    expect([valueOf(first.id), valueOf(second.id)]).toEqual([5050, 5150]);
    expect(balance(ledger, '2026-03-20', FBA)).toEqual([10, 10_200]);
  });

  it('the landed cost enters the destination average: a later sale takes its share', () => {
    const ledger = shippedTen();
    ledger.add({ date: '2026-03-20', skuId: SKU, locationId: TRANSIT, qty: -10, type: 'transfer_out', ref: 'SHP-1' });
    ledger.add({ date: '2026-03-20', skuId: SKU, locationId: FBA, qty: 10, type: 'transfer_in', unitCostMinor: 25, ref: 'SHP-1' });
    const sale = ledger.sale('2026-03-25', SKU, FBA, 4);
    expect(valueRows(ledger.rows, CONTEXT).valueOf(sale.id)).toBe(-4100);
    expect(balance(ledger, '2026-03-25', FBA)).toEqual([6, 6150]);
  });
});
