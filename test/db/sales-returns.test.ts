// Sales, customer returns and returns to a supplier entered by hand (renderer/db/ledger.ts
// postSaleOrReturn): what is stored, how the ledger values it, where it shows (stock overview,
// period report, ledger browser), reversal, and refusals that store nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { MOVEMENT_TYPES } from '../../shared/model';
import { monthOfDay, periodReportFromMonths } from '../../shared/ledger';
import { createLocation } from '../../renderer/db/catalog';
import { loadLedger, periodLines, postReceipt, postSaleOrReturn, receiveTransfer, reverseMovement, shipTransfer, stockAt } from '../../renderer/db/ledger';
import { queryLedger } from '../../renderer/db/ledgerQueries';
import { readMonthParts, refreshSummaries } from '../../renderer/db/ledgerStore';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { describeError } from '../../renderer/i18n';
import type { DomainError } from '../../shared/errors';
import { addFba, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const TABLES = ['movements', 'shipments', 'ledgerState'];

interface World {
  db: StockPilotDatabase;
  sku: number;
  domestic: number;
  transit: number;
  fba: number;
  tpl: number;
}

async function world(): Promise<World> {
  const db = await freshDb();
  await writeSetting(db, 'baseCurrency', 'USD');
  const sku = await addSku(db, 'CASE-01', { unitCost: '2.50', costCurrency: 'USD' });
  const { domestic, transit } = await locationIds(db);
  const fba = await addFba(db, 'US');
  const tpl = await createLocation(db, { name: 'ShipBob NJ', kind: '3pl', marketplace: '' });
  return { db, sku, domestic, transit, fba, tpl };
}

async function balance(db: StockPilotDatabase, skuId: number, locationId: number, asOf = '2024-12-31'): Promise<{ qty: number; value: number }> {
  const line = stockAt(await loadLedger(db), asOf).find((b) => b.skuId === skuId && b.locationId === locationId);
  return { qty: line?.qty ?? 0, value: line?.valueMinor ?? 0 };
}

/** 20 units worth 50.00 at the domestic warehouse: 10 at 2.00 and 10 at 3.00 (average 2.50). */
async function stockDomestic({ db, sku, domestic }: World): Promise<void> {
  await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '10', unitCost: '2.00' }, 'USD');
  await postReceipt(db, { date: '2024-03-02', skuId: sku, locationId: domestic, qty: '10', unitCost: '3.00' }, 'USD');
}

describe('posting a sale, a customer return and a return to a supplier', () => {
  it('stores each with its type, sign, location and reference, and values it at the average cost', async () => {
    const w = await world();
    const { db, sku, domestic } = w;
    await stockDomestic(w);

    await postSaleOrReturn(db, 'sale', { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '4', ref: 'SO-1001', channel: 'Shopify', note: 'gift wrap' });
    await postSaleOrReturn(db, 'customer_return', { date: '2024-03-06', skuId: sku, locationId: domestic, qty: '1', ref: 'SO-1001' });
    await postSaleOrReturn(db, 'vendor_return', { date: '2024-03-07', skuId: sku, locationId: domestic, qty: '7', ref: 'RMA-77' });

    const posted = (await db.movements.toArray()).slice(2);
    expect(posted).toEqual([
      { id: 3, date: '2024-03-05', skuId: sku, locationId: domestic, qty: -4, type: 'sale', source: 'manual', ref: 'SO-1001', note: 'Shopify · gift wrap' },
      { id: 4, date: '2024-03-06', skuId: sku, locationId: domestic, qty: 1, type: 'customer_return', source: 'manual', ref: 'SO-1001' },
      { id: 5, date: '2024-03-07', skuId: sku, locationId: domestic, qty: -7, type: 'vendor_return', source: 'manual', ref: 'RMA-77' },
    ]);

    // 20 worth 5000 → sale of 4 takes 1000 → 16 / 4000; the return brings 1 back at 250 → 17 / 4250;
    // 7 back to the supplier take 1750 → 10 / 2500.
    expect(await balance(db, sku, domestic, '2024-03-05')).toEqual({ qty: 16, value: 4000 });
    expect(await balance(db, sku, domestic, '2024-03-06')).toEqual({ qty: 17, value: 4250 });
    expect(await balance(db, sku, domestic, '2024-03-07')).toEqual({ qty: 10, value: 2500 });

    // Day-exact period report: the return is incoming, the sale and the return to the supplier outgoing.
    const line = periodLines(await loadLedger(db), '2024-03-01', '2024-03-31').find((l) => l.skuId === sku && l.locationId === domestic);
    expect(line).toMatchObject({ beginningQty: 0, incomingQty: 21, incomingValueMinor: 5250, outgoingQty: 11, outgoingValueMinor: 2750, endingQty: 10, endingValueMinor: 2500 });
  });

  it('shows in the summaries the stock overview and the period report read, and in the ledger browser by type', async () => {
    const w = await world();
    const { db, sku, domestic } = w;
    await stockDomestic(w);
    await postSaleOrReturn(db, 'sale', { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '4', ref: 'SO-1001' });
    await postSaleOrReturn(db, 'customer_return', { date: '2024-04-06', skuId: sku, locationId: domestic, qty: '1' });
    await postSaleOrReturn(db, 'vendor_return', { date: '2024-04-07', skuId: sku, locationId: domestic, qty: '7', ref: 'RMA-77' });
    expect(await refreshSummaries(db)).toBe(true);

    const april = monthOfDay(dayNumber('2024-04-01'));
    const stored = await readMonthParts(db, april);
    // Stock overview: the all-time balance.
    const b = stored!.balances.balances;
    const row = Array.from({ length: b.rows }, (_, r) => r).find((r) => b.skuId[r] === sku && b.locationId[r] === domestic)!;
    expect({ qty: b.qty[row], value: b.valueMinor[row] }).toEqual({ qty: 10, value: 2500 });
    // Period report of April from the month summaries, as the report screen reads it.
    const line = periodReportFromMonths(b, stored!.parts, april, april).find((l) => l.skuId === sku && l.locationId === domestic);
    expect(line).toMatchObject({ beginningQty: 16, beginningValueMinor: 4000, incomingQty: 1, incomingValueMinor: 250, outgoingQty: 7, outgoingValueMinor: 1750, endingQty: 10, endingValueMinor: 2500 });

    for (const [type, qty, ref] of [
      ['sale', -4, 'SO-1001'],
      ['customer_return', 1, ''],
      ['vendor_return', -7, 'RMA-77'],
    ] as const) {
      const page = await queryLedger(db, { type, batchId: 'manual' });
      expect(page.length).toBe(1);
      expect({ type: MOVEMENT_TYPES[page.type[0]!], qty: page.qty[0], ref: page.ref[0]! >= 0 ? page.refs[page.ref[0]!] : '', location: page.locationId[0] }).toEqual({ type, qty, ref, location: domestic });
    }
  });

  it('at a 3PL: a sale out and a customer return in, at the value the stock carried there', async () => {
    const { db, sku, domestic, tpl } = await world();
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '100', unitCost: '1.00' }, 'USD');
    const shipment = await shipTransfer(db, { shipDate: '2024-03-02', fromLocationId: domestic, toLocationId: tpl, lines: [{ skuId: sku, qty: '30' }] });
    await receiveTransfer(db, shipment, '2024-03-10');

    await postSaleOrReturn(db, 'sale', { date: '2024-03-12', skuId: sku, locationId: tpl, qty: '5', ref: '112-3344' });
    expect(await balance(db, sku, tpl)).toEqual({ qty: 25, value: 2500 });
    await postSaleOrReturn(db, 'customer_return', { date: '2024-03-20', skuId: sku, locationId: tpl, qty: '2', ref: '112-3344' });
    expect(await balance(db, sku, tpl)).toEqual({ qty: 27, value: 2700 });
    expect(await balance(db, sku, domestic)).toEqual({ qty: 70, value: 7000 });
  });

  it('a customer return where the SKU was never stocked comes in at the catalog cost in the base currency', async () => {
    const { db, sku, tpl } = await world();
    await postSaleOrReturn(db, 'customer_return', { date: '2024-03-20', skuId: sku, locationId: tpl, qty: '2' });
    expect(await balance(db, sku, tpl)).toEqual({ qty: 2, value: 500 });
  });
});

describe('reversing a sale or a return', () => {
  it('reverses each like any manual movement: the opposite quantity, the original kept, once only', async () => {
    const w = await world();
    const { db, sku, domestic } = w;
    await stockDomestic(w);
    await postSaleOrReturn(db, 'sale', { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '4', ref: 'SO-1001' });
    await postSaleOrReturn(db, 'vendor_return', { date: '2024-03-06', skuId: sku, locationId: domestic, qty: '6' });
    await postSaleOrReturn(db, 'customer_return', { date: '2024-03-07', skuId: sku, locationId: domestic, qty: '2' });
    const [sale, vendorReturn, customerReturn] = (await db.movements.toArray()).slice(2);

    const saleReversal = await reverseMovement(db, sale!.id, '2024-03-08');
    expect(await db.movements.get(saleReversal)).toMatchObject({ qty: 4, type: 'sale', reversesId: sale!.id, ref: 'SO-1001', locationId: domestic });
    await reverseMovement(db, vendorReturn!.id, '2024-03-08');
    await reverseMovement(db, customerReturn!.id, '2024-03-08');
    // Everything taken back: the 20 units and their 5000 again.
    expect(await balance(db, sku, domestic)).toEqual({ qty: 20, value: 5000 });
    expect(await db.movements.count()).toBe(8);
    await expectRefusedUnchanged(db, TABLES, () => reverseMovement(db, sale!.id, '2024-03-09'), 'movement.alreadyReversed', { id: sale!.id, by: saleReversal });
  });

  it('refuses to reverse a customer return whose units have left since', async () => {
    const { db, sku, domestic } = await world();
    await postSaleOrReturn(db, 'customer_return', { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '3' });
    await postSaleOrReturn(db, 'sale', { date: '2024-03-02', skuId: sku, locationId: domestic, qty: '2' });
    const [customerReturn] = await db.movements.toArray();
    await expectRefusedUnchanged(db, TABLES, () => reverseMovement(db, customerReturn!.id, '2024-03-03'), 'movement.belowZero', {
      sku: 'CASE-01',
      location: 'Domestic warehouse',
      available: 1,
      requested: 3,
      date: '2024-03-03',
    });
  });
});

describe('refusals name the field and store nothing', () => {
  const en = (error: DomainError) => describeError('en', error);

  it('a zero or negative quantity', async () => {
    const w = await world();
    const { db, sku, domestic } = w;
    await stockDomestic(w);
    for (const type of ['sale', 'customer_return', 'vendor_return'] as const) {
      const zero = await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, type, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '0' }), 'field.notPositive', { field: 'qty', value: '0' });
      expect(en(zero)).toBe('Quantity: “0” must be greater than zero.');
      const negative = await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, type, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '-3' }), 'field.notPositive', { field: 'qty', value: '-3' });
      expect(en(negative)).toBe('Quantity: “-3” must be greater than zero.');
      expect(describeError('zh-CN', negative)).toBe('数量：“-3”必须大于零。');
    }
    expect(await db.movements.count()).toBe(2);
  });

  it('an FBA location, for all three; a 3PL for a return to a supplier', async () => {
    const { db, sku, domestic, fba, tpl } = await world();
    // Stock at FBA and the 3PL, so only the kind of location can be the reason.
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: fba, qty: '10', unitCost: '1' }, 'USD');
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: tpl, qty: '10', unitCost: '1' }, 'USD');
    for (const type of ['sale', 'customer_return'] as const) {
      const error = await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, type, { date: '2024-03-05', skuId: sku, locationId: fba, qty: '1' }), 'field.unknownChoice', { field: 'ownStockLocation', value: 'FBA US' });
      expect(en(error)).toBe('Location (a domestic or 3PL warehouse: FBA sales and returns come from Amazon’s reports): “FBA US” is not one of the choices.');
      expect(describeError('zh-CN', error)).toBe('仓库（国内仓或海外仓：FBA 的销售和退货来自亚马逊报告）：“FBA US”不是可选项。');
    }
    await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'vendor_return', { date: '2024-03-05', skuId: sku, locationId: fba, qty: '1' }), 'field.unknownChoice', { field: 'domesticLocation', value: 'FBA US' });
    const fromTpl = await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'vendor_return', { date: '2024-03-05', skuId: sku, locationId: tpl, qty: '1' }), 'field.unknownChoice', { field: 'domesticLocation', value: 'ShipBob NJ' });
    expect(en(fromTpl)).toBe('Location (a domestic warehouse): “ShipBob NJ” is not one of the choices.');
    // The domestic warehouse takes a return to a supplier once it has stock.
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '1', unitCost: '1' }, 'USD');
    await postSaleOrReturn(db, 'vendor_return', { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '1' });
    expect(await balance(db, sku, domestic)).toEqual({ qty: 0, value: 0 });
  });

  it('the transit location', async () => {
    const { db, sku, transit } = await world();
    for (const type of ['sale', 'customer_return', 'vendor_return'] as const) {
      await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, type, { date: '2024-03-05', skuId: sku, locationId: transit, qty: '1' }), 'movement.transitNotAllowed');
    }
  });

  it('more than on hand, on the day or on a later day', async () => {
    const w = await world();
    const { db, sku, domestic } = w;
    await stockDomestic(w);
    for (const type of ['sale', 'vendor_return'] as const) {
      const error = await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, type, { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '21' }), 'movement.belowZero', {
        sku: 'CASE-01',
        location: 'Domestic warehouse',
        available: 20,
        requested: 21,
        date: '2024-03-05',
      });
      expect(en(error)).toBe('Not enough stock: CASE-01 at Domestic warehouse has 20 available on 2024-03-05, 21 requested. Nothing was posted.');
    }
    // Before the second receipt only 10 were there.
    await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'sale', { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '11' }), 'movement.belowZero');
    // A back-dated sale may not empty a later day.
    await postSaleOrReturn(db, 'sale', { date: '2024-03-10', skuId: sku, locationId: domestic, qty: '15' });
    await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'sale', { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '6' }), 'movement.belowZero', {
      sku: 'CASE-01',
      location: 'Domestic warehouse',
      available: 5,
      requested: 6,
      date: '2024-03-05',
    });
    // Exactly what is there goes.
    await postSaleOrReturn(db, 'sale', { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '5' });
    expect(await balance(db, sku, domestic)).toEqual({ qty: 0, value: 0 });
  });

  it('a date that is not a date, an unknown SKU or location, a reference too long', async () => {
    const w = await world();
    const { db, sku, domestic } = w;
    await stockDomestic(w);
    for (const type of ['sale', 'customer_return', 'vendor_return'] as const) {
      const error = await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, type, { date: '2024-02-30', skuId: sku, locationId: domestic, qty: '1' }), 'field.badDate', { field: 'date', value: '2024-02-30' });
      expect(en(error)).toBe('Date: “2024-02-30” is not a valid date.');
    }
    await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'sale', { date: '03/05/2024', skuId: sku, locationId: domestic, qty: '1' }), 'field.badDate', { field: 'date', value: '03/05/2024' });
    await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'sale', { date: '2024-03-05', skuId: 999, locationId: domestic, qty: '1' }), 'field.required', { field: 'sku' });
    await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'customer_return', { date: '2024-03-05', skuId: sku, locationId: 999, qty: '1' }), 'field.required', { field: 'location' });
    const long = await expectRefusedUnchanged(db, TABLES, () => postSaleOrReturn(db, 'sale', { date: '2024-03-05', skuId: sku, locationId: domestic, qty: '1', ref: 'R'.repeat(101) }), 'field.tooLong', { field: 'movementRef', max: 100 });
    expect(en(long)).toBe('Reference is too long (at most 100 characters).');
    expect(await db.movements.count()).toBe(2);
  });
});
