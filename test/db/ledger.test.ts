// Posting movements and reading balances through renderer/db/ledger.ts, on a fresh database per test.
import { afterEach, describe, expect, it } from 'vitest';
import { createLocation } from '../../renderer/db/catalog';
import { loadLedger, periodLines, postAdjustment, postReceipt, receiveTransfer, shipTransfer, stockAt } from '../../renderer/db/ledger';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { addFba, addSku, disposeDatabases, expectDomainError, expectRefusedUnchanged, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const LEDGER_TABLES = ['movements', 'shipments'];

interface World {
  db: StockPilotDatabase;
  sku: number;
  domestic: number;
  transit: number;
  fba: number;
}

async function world(): Promise<World> {
  const db = await freshDb();
  const sku = await addSku(db, 'CASE-01');
  const { domestic, transit } = await locationIds(db);
  const fba = await addFba(db, 'US');
  return { db, sku, domestic, transit, fba };
}

/** qty and value per location for one SKU on a day; a location with no stock reads 0 / 0. */
async function balances(db: StockPilotDatabase, sku: number, asOf: string): Promise<Map<number, { qty: number; value: number }>> {
  const ledger = await loadLedger(db);
  const map = new Map<number, { qty: number; value: number }>();
  for (const b of stockAt(ledger, asOf)) {
    if (b.skuId !== sku) continue;
    map.set(b.locationId, { qty: b.qty, value: b.valueMinor });
  }
  return map;
}

function at(map: Map<number, { qty: number; value: number }>, locationId: number): { qty: number; value: number } {
  return map.get(locationId) ?? { qty: 0, value: 0 };
}

describe('receipt, transfer and receiving', () => {
  it('ship 60 of 100 to FBA US, then receive: quantities move through transit and carry cost unchanged', async () => {
    const { db, sku, domestic, transit, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    expect(await db.movements.toArray()).toEqual([
      expect.objectContaining({ date: '2024-03-05', skuId: sku, locationId: domestic, qty: 100, type: 'receipt', unitCostMinor: 250, source: 'manual' }),
    ]);

    const shipmentId = await shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '60' }] });
    expect(await db.shipments.get(shipmentId)).toEqual({
      id: shipmentId,
      fromLocationId: domestic,
      toLocationId: fba,
      shipDate: '2024-03-10',
      status: 'in_transit',
      lines: [{ skuId: sku, qty: 60 }],
    });

    const shipped = await balances(db, sku, '2024-03-10');
    expect(at(shipped, domestic)).toEqual({ qty: 40, value: 10000 });
    expect(at(shipped, transit)).toEqual({ qty: 60, value: 15000 });
    expect(at(shipped, fba)).toEqual({ qty: 0, value: 0 });
    // The transit balance sits at the 'In transit' location.
    expect((await db.locations.get(transit))!.name).toBe('In transit');
    // Before the ship date everything is still at home.
    const before = await balances(db, sku, '2024-03-09');
    expect(at(before, domestic)).toEqual({ qty: 100, value: 25000 });
    expect(at(before, transit)).toEqual({ qty: 0, value: 0 });

    await receiveTransfer(db, shipmentId, '2024-03-25');
    expect(await db.shipments.get(shipmentId)).toMatchObject({ status: 'received', receivedDate: '2024-03-25' });

    const received = await balances(db, sku, '2024-03-31');
    expect(at(received, domestic)).toEqual({ qty: 40, value: 10000 });
    expect(at(received, transit)).toEqual({ qty: 0, value: 0 });
    expect(at(received, fba)).toEqual({ qty: 60, value: 15000 });
    // Still in transit the day before it arrived.
    const dayBefore = await balances(db, sku, '2024-03-24');
    expect(at(dayBefore, transit)).toEqual({ qty: 60, value: 15000 });
    expect(at(dayBefore, fba)).toEqual({ qty: 0, value: 0 });

    // All four transfer movements share the shipment reference.
    const transfers = (await db.movements.toArray()).filter((m) => m.type !== 'receipt');
    expect(transfers.map((m) => [m.locationId, m.qty, m.type])).toEqual([
      [domestic, -60, 'transfer_out'],
      [transit, 60, 'transfer_in'],
      [transit, -60, 'transfer_out'],
      [fba, 60, 'transfer_in'],
    ]);
    expect(new Set(transfers.map((m) => m.ref)).size).toBe(1);
    expect(transfers[0]!.ref).toBeTruthy();
  });

  it('periodLines for the month: ending = beginning + incoming − outgoing per line, in qty and value', async () => {
    const { db, sku, domestic, transit, fba } = await world();
    await postReceipt(db, { date: '2024-02-20', skuId: sku, locationId: domestic, qty: '30', unitCost: '2.00' }, 'USD');
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    const shipmentId = await shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '60' }] });
    await receiveTransfer(db, shipmentId, '2024-03-25');
    await postAdjustment(db, { date: '2024-03-28', skuId: sku, locationId: fba, qty: '-3', reason: 'damaged' });
    const second = await shipTransfer(db, { shipDate: '2024-03-30', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '10' }] });
    await receiveTransfer(db, second, '2024-04-03');

    const lines = periodLines(await loadLedger(db), '2024-03-01', '2024-03-31');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(line.endingQty).toBe(line.beginningQty + line.incomingQty - line.outgoingQty);
      expect(line.endingValueMinor).toBe(line.beginningValueMinor + line.incomingValueMinor - line.outgoingValueMinor);
    }
    const line = (locationId: number) => lines.find((l) => l.skuId === sku && l.locationId === locationId)!;
    // Domestic: 30 @ 200 carried in; 100 @ 250 received; 70 shipped at the average (30*200+100*250)/130.
    expect(line(domestic)).toMatchObject({ beginningQty: 30, beginningValueMinor: 6000, incomingQty: 100, incomingValueMinor: 25000, outgoingQty: 70, endingQty: 60 });
    // FBA: 60 in, 3 out; the second shipment is still in transit at month end.
    expect(line(fba)).toMatchObject({ beginningQty: 0, incomingQty: 60, outgoingQty: 3, endingQty: 57 });
    expect(line(transit)).toMatchObject({ beginningQty: 0, incomingQty: 70, outgoingQty: 60, endingQty: 10 });
    // Value is conserved across locations: nothing but the damaged units left the books.
    const total = lines.reduce((sum, l) => sum + l.endingValueMinor, 0);
    const fbaLine = line(fba);
    expect(total).toBe(6000 + 25000 - fbaLine.outgoingValueMinor);
    // The period ending matches stockAt on the last day.
    const march = await balances(db, sku, '2024-03-31');
    for (const l of lines) expect(at(march, l.locationId)).toEqual({ qty: l.endingQty, value: l.endingValueMinor });
  });

  it('a transfer to a 3PL and an adjustment in the base currency of the receipt', async () => {
    const { db, sku, domestic } = await world();
    const tpl = await createLocation(db, { name: 'ShipBob NJ', kind: '3pl', marketplace: '' });
    await postReceipt(db, { date: '2024-01-02', skuId: sku, locationId: domestic, qty: '1,000', unitCost: '12' }, 'CNY');
    await postAdjustment(db, { date: '2024-01-03', skuId: sku, locationId: domestic, qty: '+5', reason: 'found' });
    const id = await shipTransfer(db, { shipDate: '2024-01-04', fromLocationId: domestic, toLocationId: tpl, lines: [{ skuId: sku, qty: '500' }] });
    await receiveTransfer(db, id, '2024-01-04');
    const map = await balances(db, sku, '2024-01-31');
    expect(at(map, domestic).qty).toBe(505);
    expect(at(map, tpl)).toEqual({ qty: 500, value: 600000 });
  });
});

describe('refusals change nothing', () => {
  it('a transfer of more than on hand → movement.belowZero with sku, location, available, requested', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    const error = await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '101' }] }),
      'movement.belowZero',
    );
    expect(error.params).toMatchObject({ sku: 'CASE-01', location: 'Domestic warehouse', available: 100, requested: 101 });
    expect(await db.shipments.count()).toBe(0);
  });

  it('a transfer dated before the stock arrived → movement.belowZero', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    const error = await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-04', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '1' }] }),
      'movement.belowZero',
    );
    expect(error.params).toMatchObject({ sku: 'CASE-01', location: 'Domestic warehouse', available: 0, requested: 1 });
  });

  it('a negative adjustment beyond stock → movement.belowZero', async () => {
    const { db, sku, domestic } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '10', unitCost: '1' }, 'USD');
    const error = await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postAdjustment(db, { date: '2024-03-06', skuId: sku, locationId: domestic, qty: '-11', reason: 'lost' }),
      'movement.belowZero',
    );
    expect(error.params).toMatchObject({ sku: 'CASE-01', location: 'Domestic warehouse', available: 10, requested: 11, date: '2024-03-06' });
    // Exactly the stock is fine.
    await postAdjustment(db, { date: '2024-03-06', skuId: sku, locationId: domestic, qty: '-10', reason: 'lost' });
    expect(at(await balances(db, sku, '2024-03-06'), domestic)).toEqual({ qty: 0, value: 0 });
  });

  it('a back-dated withdrawal that would make a later day negative is refused', async () => {
    const { db, sku, domestic } = await world();
    await postReceipt(db, { date: '2024-03-10', skuId: sku, locationId: domestic, qty: '10', unitCost: '1' }, 'USD');
    await postAdjustment(db, { date: '2024-03-20', skuId: sku, locationId: domestic, qty: '-8', reason: 'disposed' });
    const error = await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postAdjustment(db, { date: '2024-03-15', skuId: sku, locationId: domestic, qty: '-5', reason: 'lost' }),
      'movement.belowZero',
    );
    // On the 15th there are 10, but only 2 can go without emptying the 20th.
    expect(error.params).toMatchObject({ sku: 'CASE-01', location: 'Domestic warehouse', available: 2, requested: 5 });
    await postAdjustment(db, { date: '2024-03-15', skuId: sku, locationId: domestic, qty: '-2', reason: 'lost' });
    expect(at(await balances(db, sku, '2024-03-31'), domestic).qty).toBe(0);
  });

  it('a back-dated transfer that would empty a later day is refused', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-10', skuId: sku, locationId: domestic, qty: '10', unitCost: '1' }, 'USD');
    await shipTransfer(db, { shipDate: '2024-03-20', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '8' }] });
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-15', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '5' }] }),
      'movement.belowZero',
    );
  });

  it('a non-numeric quantity → field.notNumber on qty', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '10', unitCost: '1' }, 'USD');
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: 'abc', unitCost: '1' }, 'USD'),
      'field.notNumber',
      { field: 'qty', value: 'abc' },
    );
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postAdjustment(db, { date: '2024-03-06', skuId: sku, locationId: domestic, qty: 'abc', reason: 'lost' }),
      'field.notNumber',
      { field: 'qty', value: 'abc' },
    );
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-06', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: 'abc' }] }),
      'field.notNumber',
      { field: 'qty', value: 'abc' },
    );
  });

  it('a zero quantity is refused for receipts, adjustments and transfers', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '10', unitCost: '1' }, 'USD');
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '0', unitCost: '1' }, 'USD'),
      'field.notPositive',
      { field: 'qty', value: '0' },
    );
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postAdjustment(db, { date: '2024-03-06', skuId: sku, locationId: domestic, qty: '0', reason: 'other' }),
      'field.notPositive',
      { field: 'qty', value: '0' },
    );
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-06', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '0' }] }),
      'field.notPositive',
      { field: 'qty', value: '0' },
    );
  });

  it('receiving an already received shipment → shipment.alreadyReceived', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    const id = await shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '60' }] });
    await receiveTransfer(db, id, '2024-03-25');
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => receiveTransfer(db, id, '2024-03-26'), 'shipment.alreadyReceived');
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => receiveTransfer(db, id, '2024-03-25'), 'shipment.alreadyReceived');
    expect(at(await balances(db, sku, '2024-03-31'), fba)).toEqual({ qty: 60, value: 15000 });
  });

  it('receiving before the ship date, or a missing shipment, is refused', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    const id = await shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '60' }] });
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => receiveTransfer(db, id, '2024-03-09'), 'field.badDate', { field: 'receivedDate', value: '2024-03-09' });
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => receiveTransfer(db, 999, '2024-03-20'), 'shipment.notFound', { id: 999 });
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => receiveTransfer(db, id, '2024-02-30'), 'field.badDate');
  });

  it('shipping to the same location → movement.sameLocation', async () => {
    const { db, sku, domestic } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: domestic, lines: [{ skuId: sku, qty: '10' }] }),
      'movement.sameLocation',
    );
  });

  it('a movement at the transit location directly → movement.transitNotAllowed', async () => {
    const { db, sku, domestic, transit, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: transit, qty: '5', unitCost: '1' }, 'USD'),
      'movement.transitNotAllowed',
    );
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => postAdjustment(db, { date: '2024-03-06', skuId: sku, locationId: transit, qty: '+5', reason: 'found' }),
      'movement.transitNotAllowed',
    );
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: transit, lines: [{ skuId: sku, qty: '10' }] }),
      'movement.transitNotAllowed',
    );
    await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () => shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: transit, toLocationId: fba, lines: [{ skuId: sku, qty: '10' }] }),
      'movement.transitNotAllowed',
    );
  });

  it('a multi-line shipment with one short line writes nothing at all', async () => {
    const { db, sku, domestic, fba } = await world();
    const cable = await addSku(db, 'CABLE-02');
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '2.50' }, 'USD');
    await postReceipt(db, { date: '2024-03-05', skuId: cable, locationId: domestic, qty: '5', unitCost: '1' }, 'USD');
    const error = await expectRefusedUnchanged(
      db,
      LEDGER_TABLES,
      () =>
        shipTransfer(db, {
          shipDate: '2024-03-10',
          fromLocationId: domestic,
          toLocationId: fba,
          lines: [
            { skuId: sku, qty: '50' },
            { skuId: cable, qty: '6' },
          ],
        }),
      'movement.belowZero',
    );
    expect(error.params).toMatchObject({ sku: 'CABLE-02', available: 5, requested: 6 });
  });

  it('unknown SKU or location, bad date, bad reason and bad cost are refused', async () => {
    const { db, sku, domestic } = await world();
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => postReceipt(db, { date: '2024-03-05', skuId: 999, locationId: domestic, qty: '1', unitCost: '1' }, 'USD'), 'field.required', { field: 'sku' });
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: 999, qty: '1', unitCost: '1' }, 'USD'), 'field.required', { field: 'location' });
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => postReceipt(db, { date: '05/03/2024', skuId: sku, locationId: domestic, qty: '1', unitCost: '1' }, 'USD'), 'field.badDate');
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '1', unitCost: '-1' }, 'USD'), 'field.notNumber');
    await expectRefusedUnchanged(db, LEDGER_TABLES, () => postAdjustment(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '+1', reason: 'because' }), 'field.required', { field: 'reason' });
    await expectDomainError(postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '1.5', unitCost: '1' }, 'USD'), 'field.notInteger');
    expect(await db.movements.count()).toBe(0);
  });
});

describe('valuation of stock with no cost history', () => {
  // loadLedger values found stock with no cost history at the catalog cost "where it is in the base
  // currency" (its own comment; PRODUCT §1.3: value is in the seller's base currency).
  it('uses the catalog cost when the SKU is costed in the base currency', async () => {
    const db = await freshDb();
    await writeSetting(db, 'baseCurrency', 'USD');
    const sku = await addSku(db, 'CASE-01', { unitCost: '12.00', costCurrency: 'USD' });
    const { domestic } = await locationIds(db);
    await postAdjustment(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '+5', reason: 'found' });
    expect(at(await balances(db, sku, '2024-03-05'), domestic)).toEqual({ qty: 5, value: 6000 });
  });

  it('does not use a catalog cost in another currency as if it were base-currency minor units', async () => {
    // BUG (renderer/db/ledger.ts loadLedger): fallbackUnitCostMinor is built from every SKU's
    // unitCostMinor regardless of costCurrency, so 5 found units of a SKU costed at 12.00 CNY are
    // valued at 6000 minor units of the base currency (USD 60.00).
    const db = await freshDb();
    await writeSetting(db, 'baseCurrency', 'USD');
    const sku = await addSku(db, 'CASE-01', { unitCost: '12.00', costCurrency: 'CNY' });
    const { domestic } = await locationIds(db);
    await postAdjustment(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '+5', reason: 'found' });
    const balance = at(await balances(db, sku, '2024-03-05'), domestic);
    expect(balance.qty).toBe(5);
    expect(balance.value).not.toBe(6000);
  });
});

describe('concurrent postings are serialized', () => {
  it('two shipments that each fit but together exceed stock: exactly one succeeds', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '1' }, 'USD');
    const ship = () => shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '60' }] });
    const results = await Promise.allSettled([ship(), ship()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'movement.belowZero', params: { available: 40, requested: 60 } });
    expect(await db.shipments.count()).toBe(1);
    expect(at(await balances(db, sku, '2024-03-10'), domestic).qty).toBe(40);
  });

  it('receiving the same shipment twice at once: exactly one succeeds', async () => {
    const { db, sku, domestic, fba } = await world();
    await postReceipt(db, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '100', unitCost: '1' }, 'USD');
    const id = await shipTransfer(db, { shipDate: '2024-03-10', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '60' }] });
    const results = await Promise.allSettled([receiveTransfer(db, id, '2024-03-20'), receiveTransfer(db, id, '2024-03-21')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'shipment.alreadyReceived' });
    expect(at(await balances(db, sku, '2024-03-31'), fba)).toEqual({ qty: 60, value: 6000 });
    expect(await db.movements.count()).toBe(5);
  });
});
