// A ledger detail whose Receipts carry the FBA shipment ID of a StockPilot shipment receives that
// shipment instead of posting the units as new stock, and a re-import changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { applyImport, previewImport } from '../../renderer/db/imports';
import { saveListing } from '../../renderer/db/catalog';
import { createShipment, receiveShipment } from '../../renderer/db/purchasing';
import { removeMovementBatch } from '../../renderer/db/ledgerStore';
import { isDomainError } from '../../shared/errors';
import { postReceipt, loadLedger, reverseMovement, stockAt } from '../../renderer/db/ledger';
import { addFba, addSku, disposeDatabases, freshDb, locationIds, NOW, LATER } from './helpers';

afterEach(disposeDatabases);

const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
const bytes = () => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', LEDGER)));

async function sellerWithShipment(fbaShipmentId: string, shippedUnits = 240) {
  const db = await freshDb();
  const earbud = await addSku(db, 'EARBUD-BLK');
  const fba = await addFba(db, 'US');
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  const { domestic, transit } = await locationIds(db);
  await postReceipt(db, { date: '2026-04-01', skuId: earbud, locationId: domestic, qty: '300', unitCost: '8.00' }, 'USD');
  const shipmentId = await createShipment(db, {
    fromLocationId: domestic,
    toLocationId: fba,
    shipDate: '2026-04-05',
    eta: '2026-05-01',
    mode: 'sea',
    carrier: '',
    trackingNumber: '',
    fbaShipmentId,
    note: '',
    baseCurrency: 'USD',
    costs: { freight: '', duties: '', fees: '', basis: 'units' },
    lines: [{ skuId: earbud, qty: String(shippedUnits), casePack: '', cartons: '', unitWeightKg: '', unitVolumeM3: '' }],
  });
  return { db, earbud, fba, domestic, transit, shipmentId };
}

const balance = async (db: Awaited<ReturnType<typeof freshDb>>, skuId: number, locationId: number, asOf: string) =>
  stockAt(await loadLedger(db), asOf).find((b) => b.skuId === skuId && b.locationId === locationId)?.qty ?? 0;

describe('Amazon receipts of a StockPilot shipment', () => {
  test('are offered as the shipment’s arrival and, applied, receive it: FBA counts the 240 once and transit empties', async () => {
    const { db, earbud, fba, transit, shipmentId } = await sellerWithShipment('fba18xk2q7lm');
    const preview = await previewImport(db, LEDGER, bytes());
    expect(preview.shipmentReceipts).toEqual([{ shipmentId, fbaShipmentId: 'fba18xk2q7lm', date: '2026-05-02', lines: [{ skuId: earbud, qty: 240 }], units: 240 }]);
    await applyImport(db, LEDGER, bytes(), NOW);
    const shipment = await db.shipments.get(shipmentId);
    expect(shipment).toMatchObject({ status: 'received', receipts: [{ date: '2026-05-02', lines: [{ skuId: earbud, qty: 240 }] }] });
    expect(await balance(db, earbud, transit, '2026-05-10')).toBe(0);
    // 240 arrived, 3 shipped to customers, 1 returned, out and back between centres, lost and found: 238.
    expect(await balance(db, earbud, fba, '2026-05-10')).toBe(238);

    const again = await previewImport(db, LEDGER, bytes());
    expect(again.shipmentReceipts).toBeUndefined();
    expect(again.newMovements).toBe(0);
    await applyImport(db, LEDGER, bytes(), LATER);
    expect(await balance(db, earbud, fba, '2026-05-10')).toBe(238);
  });

  test('without a matching FBA shipment ID the receipts post as stock, as before', async () => {
    const { db, earbud, fba, transit } = await sellerWithShipment('FBA-OTHER');
    const preview = await previewImport(db, LEDGER, bytes());
    expect(preview.shipmentReceipts).toBeUndefined();
    await applyImport(db, LEDGER, bytes(), NOW);
    expect(await balance(db, earbud, transit, '2026-05-10')).toBe(240);
    expect(await balance(db, earbud, fba, '2026-05-10')).toBe(238);
  });

  test('undoing the import takes its receipt back: the shipment is in transit again, as it was, and transit holds the 240', async () => {
    const { db, earbud, fba, transit, shipmentId } = await sellerWithShipment('FBA18XK2Q7LM');
    const shipmentBefore = await db.shipments.get(shipmentId);
    const movementsBefore = await db.movements.toArray();
    const { batch } = await applyImport(db, LEDGER, bytes(), NOW);
    expect((await db.shipments.get(shipmentId))!.status).toBe('received');
    await removeMovementBatch(db, batch!.id);
    expect(await db.shipments.get(shipmentId)).toEqual(shipmentBefore);
    expect(await db.movements.toArray()).toEqual(movementsBefore);
    expect(await balance(db, earbud, transit, '2026-05-10')).toBe(240);
    expect(await balance(db, earbud, fba, '2026-05-10')).toBe(0);
    // And the file can be imported again, receiving the shipment again.
    await applyImport(db, LEDGER, bytes(), LATER);
    expect(await balance(db, earbud, fba, '2026-05-10')).toBe(238);
  });

  test('a shipment received again since the import keeps the import: undoing it is refused, naming the shipment, and nothing changes', async () => {
    const { db, earbud, shipmentId } = await sellerWithShipment('FBA18XK2Q7LM', 300);
    const { batch } = await applyImport(db, LEDGER, bytes(), NOW);
    expect((await db.shipments.get(shipmentId))!.status).toBe('partially_received');
    await receiveShipment(db, shipmentId, { date: '2026-05-20', lines: [{ skuId: earbud, qty: 60 }] });
    await expectUndoRefused(db, batch!.id, shipmentId);
  });

  /** Undoing the import is refused as batch.receiptChanged, naming the shipment, and changes nothing. */
  async function expectUndoRefused(db: Awaited<ReturnType<typeof freshDb>>, batchId: string, shipmentId: number) {
    const [shipments, movements, batches] = [await db.shipments.toArray(), await db.movements.toArray(), await db.batches.toArray()];
    const refusal = await removeMovementBatch(db, batchId).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDomainError(refusal) && [refusal.code, refusal.params]).toEqual(['batch.receiptChanged', { ref: `SHP-${shipmentId}` }]);
    expect([await db.shipments.toArray(), await db.movements.toArray(), await db.batches.toArray()]).toEqual([shipments, movements, batches]);
  }

  test('a shipment closed short since the import keeps the import (its loss is posted on it)', async () => {
    const { db, shipmentId } = await sellerWithShipment('FBA18XK2Q7LM', 300);
    const { batch } = await applyImport(db, LEDGER, bytes(), NOW);
    await receiveShipment(db, shipmentId, { date: '2026-05-20', lines: [] }, { close: true });
    await expectUndoRefused(db, batch!.id, shipmentId);
  });

  test('a receipt movement reversed since the import keeps the import', async () => {
    // Amazon received 240 of 200 shipped: 40 found, which the seller then reversed.
    const { db, shipmentId } = await sellerWithShipment('FBA18XK2Q7LM', 200);
    const { batch } = await applyImport(db, LEDGER, bytes(), NOW);
    const found = (await db.movements.toArray()).find((m) => m.type === 'adjustment' && m.reason === 'found')!;
    await reverseMovement(db, found.id, '2026-05-20');
    await expectUndoRefused(db, batch!.id, shipmentId);
  });
});
