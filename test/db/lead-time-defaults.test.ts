// The seller's lead-time defaults in the database (renderer/db/purchasing.ts setLegDefault): handling
// at an origin, receiving at a destination, transport on a route with no shipment yet; saved,
// replaced, cleared, refused without a change, and read by the replenishment plan.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { FALLBACK_DAYS, handlingKey, receivingKey, transportKey } from '../../shared/purchasing/routeLeadTimes';
import { createLocation } from '../../renderer/db/catalog';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { gatherPlanInput } from '../../renderer/db/planning';
import { setLegDefault } from '../../renderer/db/purchasing';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { addFba, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

async function seller() {
  const db = await freshDb();
  const { domestic, transit } = await locationIds(db);
  const us = await addFba(db, 'US');
  const tpl = await createLocation(db, { name: '3PL LA', kind: '3pl', marketplace: '' });
  return { db, domestic, transit, us, tpl };
}

describe('saving and clearing a default', () => {
  it('stores handling at the domestic warehouse, receiving at FBA and a sea route with no shipment, each under the key the plan reads', async () => {
    const { db, domestic, us } = await seller();
    expect(await db.shipments.count()).toBe(0);
    await setLegDefault(db, { leg: 'handling', locationId: domestic }, { meanDays: 3, sdDays: 1 });
    await setLegDefault(db, { leg: 'receiving', locationId: us }, { meanDays: 10, sdDays: 2.5 });
    await setLegDefault(db, { leg: 'transport', fromLocationId: domestic, toLocationId: us, mode: 'sea' }, { meanDays: 30, sdDays: 4 });
    expect(await db.leadTimes.orderBy('key').toArray()).toEqual([
      { key: handlingKey(domestic), meanDays: 3, sdDays: 1 },
      { key: receivingKey(us), meanDays: 10, sdDays: 2.5 },
      { key: transportKey(domestic, us, 'sea'), meanDays: 30, sdDays: 4 },
    ]);
  });

  it('replaces a default, and clears it with null (also at a location archived since)', async () => {
    const { db, domestic, tpl } = await seller();
    await setLegDefault(db, { leg: 'handling', locationId: tpl }, { meanDays: 1, sdDays: 0 });
    await setLegDefault(db, { leg: 'handling', locationId: tpl }, { meanDays: 2, sdDays: 0.5 });
    await setLegDefault(db, { leg: 'handling', locationId: domestic }, { meanDays: 4, sdDays: 1 });
    expect(await db.leadTimes.get(handlingKey(tpl))).toEqual({ key: handlingKey(tpl), meanDays: 2, sdDays: 0.5 });
    await db.locations.update(tpl, { archived: true });
    await setLegDefault(db, { leg: 'handling', locationId: tpl }, null);
    expect(await db.leadTimes.toArray()).toEqual([{ key: handlingKey(domestic), meanDays: 4, sdDays: 1 }]);
  });
});

describe('a refused default stores nothing and keeps what was saved', () => {
  it('refuses days out of range, naming the field and the value', async () => {
    const { db, domestic, us } = await seller();
    await setLegDefault(db, { leg: 'handling', locationId: domestic }, { meanDays: 3, sdDays: 1 });
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'handling', locationId: domestic }, { meanDays: -2, sdDays: 1 }), 'field.negative', { field: 'leadTimeMeanDays', value: '-2' });
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'receiving', locationId: us }, { meanDays: 7, sdDays: 800 }), 'field.outOfRange', { field: 'leadTimeSdDays', value: '800', min: 0, max: 730 });
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'transport', fromLocationId: domestic, toLocationId: us, mode: 'air' }, { meanDays: Number.NaN, sdDays: 1 }), 'field.notNumber', { field: 'leadTimeMeanDays', value: 'NaN' });
    expect(await db.leadTimes.toArray()).toEqual([{ key: handlingKey(domestic), meanDays: 3, sdDays: 1 }]);
  });

  it('refuses a place the leg cannot be at: handling at FBA, receiving at home, a route to itself or into transit, a location gone or archived', async () => {
    const { db, domestic, transit, us, tpl } = await seller();
    const days = { meanDays: 5, sdDays: 1 };
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'handling', locationId: us }, days), 'field.unknownChoice', { field: 'location', value: 'FBA US' });
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'receiving', locationId: domestic }, days), 'field.unknownChoice', { field: 'location', value: 'Domestic warehouse' });
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'transport', fromLocationId: us, toLocationId: us, mode: 'sea' }, days), 'movement.sameLocation');
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'transport', fromLocationId: domestic, toLocationId: transit, mode: 'sea' }, days), 'field.unknownChoice', { field: 'to', value: 'In transit' });
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'receiving', locationId: 999 }, days), 'location.notFound');
    await db.locations.update(tpl, { archived: true });
    await expectRefusedUnchanged(db, ['leadTimes'], () => setLegDefault(db, { leg: 'receiving', locationId: tpl }, days), 'field.unknownChoice', { field: 'location', value: '3PL LA' });
    expect(await db.leadTimes.count()).toBe(0);
  });
});

describe('the plan reads the saved defaults', () => {
  const TODAY = '2026-06-30';

  /** One SKU selling 2 a day at FBA US since Feb 1; the plan's sea and air legs to FBA US. */
  async function legsToUs(save: (db: StockPilotDatabase, ids: { domestic: number; us: number }) => Promise<void>) {
    const { db, domestic, us } = await seller();
    const sku = await addSku(db, 'A-1', { casePack: '1', moq: '0' });
    const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [
      { date: '2026-01-02', skuId: sku, locationId: domestic, qty: 500, type: 'receipt' },
      { date: '2026-01-02', skuId: sku, locationId: us, qty: 600, type: 'receipt' },
    ];
    for (let d = 0; d < 150; d++) rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: us, qty: -2, type: 'sale' });
    await appendMovementBatch(db, { id: 't', kind: 'demo', label: 't', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
    await save(db, { domestic, us });
    const { input } = await gatherPlanInput(db, TODAY, { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 });
    const series = input.series.get(sku) ?? [];
    expect(series).toHaveLength(1);
    return series[0]!;
  }

  it('handling at the domestic warehouse (4 ± 1.5) and receiving at FBA US (12 ± 4) replace the fallbacks (2 ± 1, 7 ± 3) in both legs', async () => {
    const fallback = await legsToUs(async () => {});
    const { handling, receiving, transport } = FALLBACK_DAYS;
    // 2 + 35 + 7 = 44 days by sea; sd √(1 + 49 + 9) = √59.
    expect(fallback.sea.meanDays).toBe(handling.meanDays + transport.sea.meanDays + receiving.fba.meanDays);
    expect(fallback.sea.meanDays).toBe(44);
    expect(fallback.sea.sdDays).toBeCloseTo(Math.sqrt(59), 12);

    const saved = await legsToUs(async (db, { domestic, us }) => {
      await setLegDefault(db, { leg: 'handling', locationId: domestic }, { meanDays: 4, sdDays: 1.5 });
      await setLegDefault(db, { leg: 'receiving', locationId: us }, { meanDays: 12, sdDays: 4 });
    });
    // Sea: 4 + 35 + 12 = 51, sd √(2.25 + 49 + 16) = √67.25. Air: 4 + 8 + 12 = 24, sd √(2.25 + 4 + 16) = √22.25.
    expect(saved.sea.meanDays).toBe(51);
    expect(saved.sea.sdDays).toBeCloseTo(Math.sqrt(67.25), 12);
    expect(saved.air.meanDays).toBe(24);
    expect(saved.air.sdDays).toBeCloseTo(Math.sqrt(22.25), 12);
  });

  it('a sea route default set before any shipment is the transport leg', async () => {
    const saved = await legsToUs(async (db, { domestic, us }) => {
      await setLegDefault(db, { leg: 'transport', fromLocationId: domestic, toLocationId: us, mode: 'sea' }, { meanDays: 28, sdDays: 3 });
    });
    // 2 + 28 + 7 = 37; sd √(1 + 9 + 9) = √19. Air keeps its fallback: 2 + 8 + 7 = 17.
    expect(saved.sea.meanDays).toBe(37);
    expect(saved.sea.sdDays).toBeCloseTo(Math.sqrt(19), 12);
    expect(saved.air.meanDays).toBe(17);
  });
});
