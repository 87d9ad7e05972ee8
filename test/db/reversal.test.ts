// Corrections are reversals: a new movement with the opposite quantity; the original stays.
import { afterEach, describe, expect, it } from 'vitest';
import { loadLedger, stockAt } from '../../renderer/db/ledger';
import { postAdjustment, postReceipt, reverseMovement, shipTransfer } from '../../renderer/db/ledger';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { addFba, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const TABLES = ['movements', 'shipments', 'ledgerState'];

async function balance(db: StockPilotDatabase, skuId: number, locationId: number, asOf = '2024-12-31') {
  const line = stockAt(await loadLedger(db), asOf).find((b) => b.skuId === skuId && b.locationId === locationId);
  return { qty: line?.qty ?? 0, valueMinor: line?.valueMinor ?? 0 };
}

describe('reverseMovement', () => {
  it('reverses a receipt: the balance returns to what it was and both movements stay', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'CASE-01');
    const { domestic } = await locationIds(db);
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '10', unitCost: '2.00' }, 'USD');
    await postReceipt(db, { date: '2024-03-02', skuId: sku, locationId: domestic, qty: '5', unitCost: '3.00' }, 'USD');
    const [, second] = await db.movements.toArray();
    const reversalId = await reverseMovement(db, second!.id, '2024-03-03');
    const reversal = await db.movements.get(reversalId);
    expect(reversal).toMatchObject({ qty: -5, type: 'receipt', reversesId: second!.id, date: '2024-03-03', skuId: sku, locationId: domestic });
    expect(await db.movements.count()).toBe(3);
    // 15 units worth 3500; taking 5 out at the average (233.33) leaves 10 worth 2333.
    expect(await balance(db, sku, domestic)).toEqual({ qty: 10, valueMinor: 2333 });
  });

  it('reverses a negative adjustment by bringing the units back', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'CASE-01');
    const { domestic } = await locationIds(db);
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '10', unitCost: '2.00' }, 'USD');
    await postAdjustment(db, { date: '2024-03-02', skuId: sku, locationId: domestic, qty: '-3', reason: 'damaged' });
    const adjustment = (await db.movements.toArray()).find((m) => m.type === 'adjustment')!;
    await reverseMovement(db, adjustment.id, '2024-03-04');
    expect(await balance(db, sku, domestic)).toEqual({ qty: 10, valueMinor: 2000 });
  });

  it('refuses a second reversal, a reversal of a reversal, a shipment leg and an unknown id, writing nothing', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'CASE-01');
    const { domestic } = await locationIds(db);
    const fba = await addFba(db);
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '10', unitCost: '2.00' }, 'USD');
    const receipt = (await db.movements.toArray())[0]!;
    const reversalId = await reverseMovement(db, receipt.id, '2024-03-02');
    await postReceipt(db, { date: '2024-03-03', skuId: sku, locationId: domestic, qty: '10', unitCost: '2.00' }, 'USD');
    await shipTransfer(db, { shipDate: '2024-03-04', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '4' }] });
    const leg = (await db.movements.toArray()).find((m) => m.type === 'transfer_out')!;

    await expectRefusedUnchanged(db, TABLES, () => reverseMovement(db, receipt.id, '2024-03-05'), 'movement.alreadyReversed', { id: receipt.id, by: reversalId });
    await expectRefusedUnchanged(db, TABLES, () => reverseMovement(db, reversalId, '2024-03-05'), 'movement.notReversible', { id: reversalId });
    await expectRefusedUnchanged(db, TABLES, () => reverseMovement(db, leg.id, '2024-03-05'), 'movement.notReversible', { id: leg.id });
    await expectRefusedUnchanged(db, TABLES, () => reverseMovement(db, 999, '2024-03-05'), 'movement.notFound', { id: 999 });
  });

  it('refuses a reversal that would take stock below zero', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'CASE-01');
    const { domestic } = await locationIds(db);
    const fba = await addFba(db);
    await postReceipt(db, { date: '2024-03-01', skuId: sku, locationId: domestic, qty: '10', unitCost: '2.00' }, 'USD');
    await shipTransfer(db, { shipDate: '2024-03-02', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: sku, qty: '8' }] });
    const receipt = (await db.movements.toArray())[0]!;
    await expectRefusedUnchanged(db, TABLES, () => reverseMovement(db, receipt.id, '2024-03-03'), 'movement.belowZero', {
      sku: 'CASE-01',
      location: 'Domestic warehouse',
      available: 2,
      requested: 10,
      date: '2024-03-03',
    });
  });
});
