// loadDemoDataset: a generated demo seller loaded into an empty profile (catalog rows, the demo
// locations, and the movements as one batch with fresh summaries), checked against the dataset and a
// naive per-row valuation; loading into a profile that already has SKUs is refused and writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BATCH_ID, loadDemoDataset } from '../../renderer/db/demo';
import { loadLedger } from '../../renderer/db/ledger';
import { refreshSummaries, removeMovementBatch } from '../../renderer/db/ledgerStore';
import { receiveShipment } from '../../renderer/db/purchasing';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { skuCodeKey } from '../../shared/catalog/catalog';
import { isoFromDay } from '../../shared/dates';
import { DEMO_BASE_CURRENCY, generateDemo } from '../../shared/demo/generate';
import type { DemoDataset, DemoOptions } from '../../shared/demo/generate';
import { BLOCK_SEQ_BASE, BLOCK_SIZE } from '../../shared/ledger';
import { MOVEMENT_TYPES } from '../../shared/model';
import { addSku, disposeDatabases, expectDomainError, freshDb } from './helpers';
import { balancesOfColumns, monthRowsOf, readAll, refBalances, refMonthly, refValues } from './support/ledgerReference';
import type { RefRow } from './support/ledgerReference';
import { storedSummaries } from './support/storedSummaries';

afterEach(disposeDatabases);

const NOW = '2026-11-26T09:00:00.000Z';
const SMALL: DemoOptions = { seed: 11, skuCount: 60, movementCount: 24_000, endDate: '2026-11-26' };

async function summaries(db: StockPilotDatabase) {
  const stored = await storedSummaries(db);
  return { ...stored, nextBlockSeq: (await db.ledgerState.get('version'))?.key === 'version' ? ((await db.ledgerState.get('version')) as { nextBlockSeq: number }).nextBlockSeq : 0 };
}

/** The dataset's movements as reference rows with database ids, mapped by SKU code and location kind/name. */
async function referenceRows(db: StockPilotDatabase, dataset: DemoDataset): Promise<RefRow[]> {
  const skuByCode = new Map((await db.skus.toArray()).map((s) => [s.code, s.id]));
  const locations = await db.locations.toArray();
  const locationOf = dataset.locations.map((l) => {
    const found = l.kind === 'domestic' || l.kind === 'transit' ? locations.find((x) => x.kind === l.kind) : locations.find((x) => x.name === l.name && x.kind === l.kind);
    if (!found) throw new Error(`location ${l.name} not loaded`);
    return found.id;
  });
  const c = dataset.movements;
  const rows: RefRow[] = [];
  for (let i = 0; i < c.length; i++) {
    const r = c.ref[i]!;
    const cost = c.unitCostMinor[i]!;
    const row: RefRow = {
      id: BLOCK_SEQ_BASE + i,
      date: isoFromDay(c.day[i]!),
      skuId: skuByCode.get(dataset.skus[c.skuId[i]! - 1]!.code)!,
      locationId: locationOf[c.locationId[i]! - 1]!,
      qty: c.qty[i]!,
      type: MOVEMENT_TYPES[c.type[i]!]!,
      source: DEMO_BATCH_ID,
    };
    if (!Number.isNaN(cost)) row.unitCostMinor = cost;
    if (r >= 0) row.ref = c.refs[r]!;
    rows.push(row);
  }
  return rows;
}

describe('loadDemoDataset into an empty profile', () => {
  it('loads the catalog, the locations and every movement as one demo batch with fresh summaries', async () => {
    const db = await freshDb();
    const dataset = generateDemo(SMALL);
    // A second, untouched copy of the same dataset (the generator is deterministic).
    const pristine = generateDemo(SMALL);
    const batch = await loadDemoDataset(db, dataset, NOW);

    // Catalog: one row per dataset SKU and listing, in order, with the codes and fields given.
    const skus = await db.skus.toArray();
    expect(skus).toHaveLength(pristine.skus.length);
    expect(skus.map((s) => ({ code: s.code, codeKey: s.codeKey, name: s.name, unitCostMinor: s.unitCostMinor, costCurrency: s.costCurrency, casePack: s.casePack, moq: s.moq, barcode: s.barcode, archived: s.archived, createdAt: s.createdAt, updatedAt: s.updatedAt }))).toEqual(
      pristine.skus.map((s) => ({ code: s.code, codeKey: skuCodeKey(s.code), name: s.name, unitCostMinor: s.unitCostMinor, costCurrency: s.costCurrency, casePack: s.casePack, moq: s.moq, barcode: s.barcode, archived: false, createdAt: NOW, updatedAt: NOW })),
    );
    const listings = await db.listings.toArray();
    expect(listings).toHaveLength(pristine.listings.length);
    const codeOf = new Map(skus.map((s) => [s.id, s.code]));
    expect(listings.map((l) => ({ code: codeOf.get(l.skuId), marketplace: l.marketplace, sellerSku: l.sellerSku, sellerSkuKey: l.sellerSkuKey, asin: l.asin, fnsku: l.fnsku, unitsPerListing: l.unitsPerListing }))).toEqual(
      pristine.listings.map((l) => ({ code: pristine.skus[l.skuIndex]!.code, marketplace: l.marketplace, sellerSku: l.sellerSku, sellerSkuKey: l.sellerSku.toUpperCase(), asin: l.asin, fnsku: l.fnsku, unitsPerListing: l.unitsPerListing })),
    );

    // Locations: the profile's own domestic and transit locations are reused, the others added.
    const locations = await db.locations.toArray();
    expect(locations).toHaveLength(pristine.locations.length);
    expect(locations.map((l) => l.kind).sort()).toEqual(pristine.locations.map((l) => l.kind).sort());
    expect(locations.filter((l) => l.kind === 'transit')).toEqual([{ id: 2, name: 'In transit', kind: 'transit', archived: false }]);
    expect(locations.filter((l) => l.kind === 'domestic')).toEqual([{ id: 1, name: 'Domestic warehouse', kind: 'domestic', archived: false }]);
    for (const l of pristine.locations.filter((x) => x.kind !== 'domestic' && x.kind !== 'transit')) {
      expect(locations).toContainEqual({ id: expect.any(Number), archived: false, ...l });
    }

    // The batch record.
    const days = pristine.movements.day;
    const expectedBatch = {
      id: DEMO_BATCH_ID,
      kind: 'demo',
      label: 'Demo data',
      createdAt: NOW,
      movementCount: SMALL.movementCount,
      blockCount: Math.ceil(SMALL.movementCount / BLOCK_SIZE),
      firstDate: isoFromDay(days[0]!),
      lastDate: SMALL.endDate,
      createdShipmentIds: pristine.openShipments.map((_, i) => i + 1),
    };
    expect(pristine.openShipments.length).toBeGreaterThan(0);
    expect(batch).toEqual(expectedBatch);
    expect(await db.batches.toArray()).toEqual([expectedBatch]);
    expect(await db.movements.count()).toBe(0);
    const blocks = await db.movementBlocks.toArray();
    expect(blocks.map((b) => [b.batchId, b.count, b.seqStart])).toEqual([
      [DEMO_BATCH_ID, 10_000, BLOCK_SEQ_BASE],
      [DEMO_BATCH_ID, 10_000, BLOCK_SEQ_BASE + 10_000],
      [DEMO_BATCH_ID, 4_000, BLOCK_SEQ_BASE + 20_000],
    ]);

    // Summaries are fresh: built for the version the load wrote.
    const s = await summaries(db);
    expect(s.fresh).toBe(true);
    expect(s.balances?.sourceVersion).toBe(s.version);
    expect(s.nextBlockSeq).toBe(SMALL.movementCount);
    expect(s.balances!.movementCount).toBe(SMALL.movementCount);
    expect(await refreshSummaries(db)).toBe(false);

    // No SKU × location balance is negative, in units or in value.
    const lines = balancesOfColumns(s.balances!.balances);
    expect(lines.length).toBeGreaterThan(SMALL.skuCount);
    expect(lines.filter((l) => l.qty < 0 || l.valueMinor < 0)).toEqual([]);
    // Zero units is zero value.
    expect(lines.filter((l) => l.qty === 0 && l.valueMinor !== 0)).toEqual([]);

    // And they are exactly what a naive per-row valuation of the dataset gives.
    const rows = await referenceRows(db, pristine);
    const transit = new Set(locations.filter((l) => l.kind === 'transit').map((l) => l.id));
    const fallback = new Map(skus.filter((x) => x.costCurrency === DEMO_BASE_CURRENCY).map((x) => [x.id, x.unitCostMinor]));
    const values = refValues(rows, { transit, fallback });
    expect(lines).toEqual(refBalances(rows, values));
    expect(monthRowsOf(s.monthly)).toEqual(refMonthly(rows, values));
    const ledger = await loadLedger(db);
    expect(ledger.columns.length).toBe(SMALL.movementCount);
    let differing = 0;
    for (let i = 0; i < ledger.columns.length; i++) if (ledger.values[i]! + 0 !== values.get(ledger.columns.seq[i]!)) differing++;
    expect(differing).toBe(0);
  }, 60_000);

  it('makes the shipments under way on the last day open shipments: their lines are the transit balance, each on its route, a receipt empties it; the demo goes with them only while none was received', async () => {
    const db = await freshDb();
    const dataset = generateDemo(SMALL);
    await loadDemoDataset(db, dataset, NOW);
    const shipments = await db.shipments.toArray();
    expect(shipments).toHaveLength(dataset.openShipments.length);
    const transitId = (await db.locations.toArray()).find((l) => l.kind === 'transit')!.id;
    const ledger = await loadLedger(db);
    const c = ledger.columns;
    // Per shipment reference, the transit balance of each SKU is the shipment's line.
    const transitByRef = new Map<string, number>();
    for (let i = 0; i < c.length; i++) {
      if (c.locationId[i] !== transitId || c.ref[i]! < 0) continue;
      const key = `${c.refs[c.ref[i]!]}|${c.skuId[i]}`;
      transitByRef.set(key, (transitByRef.get(key) ?? 0) + c.qty[i]!);
    }
    const lines = new Map<string, number>();
    const locationKind = new Map((await db.locations.toArray()).map((l) => [l.id, l.kind]));
    for (const shipment of shipments) {
      expect(shipment).toMatchObject({ status: 'in_transit' });
      // Sea and air leave the domestic warehouse (for FBA or the 3PL); trucks go from the 3PL to FBA.
      const route = `${shipment.mode}: ${locationKind.get(shipment.fromLocationId)} → ${locationKind.get(shipment.toLocationId)}`;
      expect(['sea: domestic → fba', 'sea: domestic → 3pl', 'air: domestic → fba', 'truck: 3pl → fba']).toContain(route);
      expect(shipment.eta! > SMALL.endDate).toBe(true);
      expect(shipment.shipDate <= SMALL.endDate).toBe(true);
      for (const line of shipment.lines) lines.set(`SHP-${shipment.id}|${line.skuId}`, line.qty);
    }
    const openInTransit = [...transitByRef].filter(([, qty]) => qty !== 0);
    expect(new Map(openInTransit)).toEqual(lines);

    // Receiving the first in the app takes its units out of that very transit balance.
    const first = shipments[0]!;
    const received = await receiveShipment(db, first.id, { date: first.eta!, lines: first.lines.map((l) => ({ skuId: l.skuId, qty: l.qty })) });
    expect(received.status).toBe('received');
    const after = await loadLedger(db);
    let left = 0;
    for (let i = 0; i < after.columns.length; i++) if (after.columns.locationId[i] === transitId && after.columns.refs[after.columns.ref[i]!] === `SHP-${first.id}`) left += after.columns.qty[i]!;
    expect(left).toBe(0);

    // With one of its shipments received, the demo cannot be removed (transit would go below zero):
    // refused by the shipment's reference, every table as it was.
    const before = await readAll(db);
    await expectDomainError(removeMovementBatch(db, DEMO_BATCH_ID), 'batch.shipmentReceived', { ref: `SHP-${first.id}` });
    expect(await readAll(db)).toEqual(before);
  }, 60_000);

  it('removing the demo while its shipments are all still under way removes them with its movements', async () => {
    const db = await freshDb();
    await loadDemoDataset(db, generateDemo(SMALL), NOW);
    expect(await db.shipments.count()).toBeGreaterThan(0);
    await removeMovementBatch(db, DEMO_BATCH_ID);
    expect(await db.shipments.count()).toBe(0);
    expect(await db.movementBlocks.count()).toBe(0);
  }, 60_000);

  it('gives the requested movement count at other sizes too, with no negative balance', async () => {
    for (const options of [
      { seed: 1, skuCount: 1, movementCount: 7, endDate: '2025-06-30' },
      { seed: 2, skuCount: 25, movementCount: 3_001, endDate: '2025-12-31' },
    ]) {
      const db = await freshDb();
      const dataset = generateDemo(options);
      const batch = await loadDemoDataset(db, dataset, NOW);
      expect(batch.movementCount).toBe(options.movementCount);
      expect(await db.skus.count()).toBe(options.skuCount);
      expect(await db.listings.count()).toBe(dataset.listings.length);
      expect(await db.locations.count()).toBe(dataset.locations.length);
      const s = await summaries(db);
      expect(s.fresh).toBe(true);
      expect(s.balances!.movementCount).toBe(options.movementCount);
      expect(balancesOfColumns(s.balances!.balances).filter((l) => l.qty < 0 || l.valueMinor < 0)).toEqual([]);
    }
  }, 60_000);

  it('does not change the dataset it is given: the same dataset loads identically into a second empty profile', async () => {
    const dataset = generateDemo({ seed: 5, skuCount: 20, movementCount: 2_000, endDate: '2026-01-31' });
    const pristine = generateDemo({ seed: 5, skuCount: 20, movementCount: 2_000, endDate: '2026-01-31' });
    const first = await freshDb();
    await loadDemoDataset(first, dataset, NOW);
    // The dataset documents provisional ids (SKU index + 1, location index + 1); they must still hold.
    expect(Array.from(dataset.movements.locationId)).toEqual(Array.from(pristine.movements.locationId));
    expect(Array.from(dataset.movements.skuId)).toEqual(Array.from(pristine.movements.skuId));
    const second = await freshDb();
    await loadDemoDataset(second, dataset, NOW);
    const a = await summaries(first);
    const b = await summaries(second);
    expect(balancesOfColumns(b.balances!.balances)).toEqual(balancesOfColumns(a.balances!.balances));
  });
});

describe('loadDemoDataset into a profile that already has SKUs', () => {
  it('is refused with sku.duplicateCode and writes nothing at all', async () => {
    const db = await freshDb();
    await addSku(db, 'MINE-01');
    const dataset = generateDemo({ seed: 3, skuCount: 10, movementCount: 500, endDate: '2026-11-26' });
    const before = await readAll(db);
    const error = await expectDomainError(loadDemoDataset(db, dataset, NOW), 'sku.duplicateCode');
    expect(error.params).toEqual({ code: dataset.skus[0]!.code });
    expect(await readAll(db)).toEqual(before);
    expect(await db.skus.toArray()).toEqual([expect.objectContaining({ code: 'MINE-01' })]);
    expect(await db.batches.count()).toBe(0);
    expect(await db.movementBlocks.count()).toBe(0);
  });

  it('is refused even when the existing SKU is archived, and after a refusal an emptied profile loads fine', async () => {
    const db = await freshDb();
    const id = await addSku(db, 'OLD-01');
    await db.skus.update(id, { archived: true });
    const dataset = generateDemo({ seed: 3, skuCount: 10, movementCount: 500, endDate: '2026-11-26' });
    const before = await readAll(db);
    await expectDomainError(loadDemoDataset(db, dataset, NOW), 'sku.duplicateCode');
    expect(await readAll(db)).toEqual(before);
    await db.skus.clear();
    const batch = await loadDemoDataset(db, generateDemo({ seed: 3, skuCount: 10, movementCount: 500, endDate: '2026-11-26' }), NOW);
    expect(batch.movementCount).toBe(500);
    expect(await db.skus.count()).toBe(10);
  });
});
