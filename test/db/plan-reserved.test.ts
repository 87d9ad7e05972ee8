// Reserved units in the plan as the ledger worker gathers them (renderer/db/planning.ts): the latest
// imported Reserved Inventory report of the line's marketplace takes its reserved units out of the
// position (PRODUCT §4.3), on a fresh database per test.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { applyImport } from '../../renderer/db/imports';
import { createLocation, saveListing } from '../../renderer/db/catalog';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { runPlan } from '../../renderer/db/planning';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { unpackPlan } from '../../shared/planning/planColumns';
import { LATER, NOW, addFba, addSku, disposeDatabases, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-06-30';
const HEADER = 'sku\tfnsku\tasin\tproduct-name\treserved_qty\treserved_customerorders\treserved_fc-transfers\treserved_fc-processing\tprogram';

/** A Reserved Inventory report with one line per [seller SKU, FNSKU, reserved, customer orders, FC transfers, FC processing]. */
function reservedReport(lines: [string, string, number, number, number, number][]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...lines.map(([sku, fnsku, total, orders, transfers, processing]) => `${sku}\t${fnsku}\t\tItem\t${total}\t${orders}\t${transfers}\t${processing}\t`)].join('\n') + '\n');
}

/**
 * One SKU (case pack 1, no MOQ) listed on US and DE, plenty at home; 400 in at each FBA on Jan 1 and
 * 2 a day sold from Feb 1 for 150 days: 100 on hand at each, under the order-up-to level.
 */
async function seller(): Promise<{ db: StockPilotDatabase; sku: number; us: number; de: number }> {
  const db = await freshDb();
  const { domestic } = await locationIds(db);
  const us = await addFba(db, 'US');
  const de = await addFba(db, 'DE');
  const sku = await addSku(db, 'EARBUD-BLK', { casePack: '1', moq: '0' });
  await saveListing(db, { skuId: sku, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  await saveListing(db, { skuId: sku, marketplace: 'DE', sellerSku: 'BT-EARBUD-BLK-DE', asin: '', fnsku: 'X004K7DE01', unitsPerListing: '1' });
  const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [
    { date: '2026-01-01', skuId: sku, locationId: domestic, qty: 5000, type: 'receipt' },
    { date: '2026-01-01', skuId: sku, locationId: us, qty: 400, type: 'receipt' },
    { date: '2026-01-01', skuId: sku, locationId: de, qty: 400, type: 'receipt' },
  ];
  for (let d = 0; d < 150; d++) {
    for (const locationId of [us, de]) rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId, qty: -2, type: 'sale' });
  }
  await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
  return { db, sku, us, de };
}

async function lineAt(db: StockPilotDatabase, sku: number, locationId: number) {
  const line = unpackPlan((await runPlan(db, { today: TODAY })).plan).ship.find((l) => l.skuId === sku && l.locationId === locationId)!;
  return { ...line, suggested: line.shipSea + line.shipAir };
}

describe('reserved units in the plan', () => {
  it('without a Reserved Inventory report nothing is reserved', async () => {
    const { db, sku, us, de } = await seller();
    for (const location of [us, de]) {
      const line = await lineAt(db, sku, location);
      expect(line.onHand).toBe(100);
      expect(line.reservedUnits).toBe(0);
      expect(line.reservedAsOfDay).toBeNaN();
      expect(line.position).toBe(100);
    }
  });

  it('the report takes its reserved units (customer orders + FC transfers + FC processing) out of the position, and the suggested quantity grows by as many', async () => {
    const { db, sku, us } = await seller();
    const before = await lineAt(db, sku, us);
    expect(before.suggested).toBeGreaterThan(0);

    const result = await applyImport(db, 'GET_RESERVED_INVENTORY_DATA.tsv', reservedReport([['BT-EARBUD-BLK', 'X004K7Q2MZ', 30, 20, 6, 4]]), NOW, {}, { marketplace: 'US', asOf: '2026-06-29' });
    expect(result.batch).not.toBeNull();
    const after = await lineAt(db, sku, us);
    expect(after.reservedUnits).toBe(30);
    // With the report's date, shown beside them in the explanation.
    expect(after.reservedAsOfDay).toBe(dayNumber('2026-06-29'));
    expect(after.position).toBe(before.position - 30);
    expect(after.suggested).toBe(before.suggested + 30);
  });

  it('more reserved than on hand (a report newer than the ledger) takes out what is on hand, not more', async () => {
    const { db, sku, us } = await seller();
    await applyImport(db, 'GET_RESERVED_INVENTORY_DATA.tsv', reservedReport([['BT-EARBUD-BLK', 'X004K7Q2MZ', 130, 120, 6, 4]]), NOW, {}, { marketplace: 'US', asOf: '2026-06-29' });
    const line = await lineAt(db, sku, us);
    expect(line.onHand).toBe(100);
    expect(line.reservedUnits).toBe(100);
    expect(line.position).toBe(0);
  });

  it('a row under a bundle’s seller SKU reserves nothing: a bundle holds no stock, so none of its components is touched', async () => {
    const { db, sku, us } = await seller();
    const other = await addSku(db, 'EARBUD-CASE', { casePack: '1', moq: '0' });
    // The bundle's first component is the earbud: matched as a plain listing, the 30 would land on it.
    await saveListing(db, {
      skuId: 0,
      marketplace: 'US',
      sellerSku: 'EARBUD-KIT',
      asin: 'B0KITKIT01',
      fnsku: '',
      unitsPerListing: '',
      components: [
        { skuCode: 'EARBUD-BLK', skuId: sku, units: '1' },
        { skuCode: 'EARBUD-CASE', skuId: other, units: '1' },
      ],
    });
    await applyImport(db, 'GET_RESERVED_INVENTORY_DATA.tsv', reservedReport([['EARBUD-KIT', '', 30, 30, 0, 0]]), NOW, {}, { marketplace: 'US', asOf: '2026-06-29' });
    const line = await lineAt(db, sku, us);
    expect(line.reservedUnits).toBe(0);
    expect(line.position).toBe(100);
  });

  it('a report for another marketplace does not apply; the latest report of a marketplace replaces an older one', async () => {
    const { db, sku, us, de } = await seller();
    // A DE report: the DE line has its reserved units, the US line none, though the SKU is the same.
    await applyImport(db, 'reserved-de.tsv', reservedReport([['BT-EARBUD-BLK-DE', 'X004K7DE01', 12, 12, 0, 0]]), NOW, {}, { marketplace: 'DE', asOf: '2026-06-28' });
    expect((await lineAt(db, sku, de)).reservedUnits).toBe(12);
    expect((await lineAt(db, sku, us)).reservedUnits).toBe(0);

    // The same US seller SKU in a report confirmed as DE is not the US line's either (no DE listing has that seller SKU or FNSKU).
    await applyImport(db, 'reserved-de-2.tsv', reservedReport([['BT-EARBUD-BLK', 'X004K7Q2MZ', 30, 20, 6, 4]]), LATER, {}, { marketplace: 'DE', asOf: '2026-06-29' });
    expect((await lineAt(db, sku, us)).reservedUnits).toBe(0);
    // That newer DE report replaced the older one, which had the DE line's units.
    expect((await lineAt(db, sku, de)).reservedUnits).toBe(0);
  });
});

/** A Restock Inventory report (the columns the importer reads) with one line per [seller SKU, FNSKU, recommended units]. */
function restockReport(lines: [string, string, number][]): Uint8Array {
  const header = 'Country\tProduct Name\tFNSKU\tMerchant SKU\tASIN\tCondition\tAvailable\tInbound\tRecommended replenishment qty\tRecommended ship date';
  return new TextEncoder().encode([header, ...lines.map(([sku, fnsku, units]) => `US\tItem\t${fnsku}\t${sku}\t\tNew\t0\t0\t${units}\t2026-07-01`)].join('\n') + '\n');
}

describe('a marketplace with two FBA locations', () => {
  /** US East: 400 in, 2 a day sold (100 left); US West: 500 in, 1 a day sold (350 left); 150 days. */
  async function twoWarehouses() {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const east = await addFba(db, 'US');
    const west = await createLocation(db, { name: 'FBA US West', kind: 'fba', marketplace: 'US' });
    const sku = await addSku(db, 'EARBUD-BLK', { casePack: '1', moq: '0' });
    await saveListing(db, { skuId: sku, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
    const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [
      { date: '2026-01-01', skuId: sku, locationId: domestic, qty: 5000, type: 'receipt' },
      { date: '2026-01-01', skuId: sku, locationId: east, qty: 400, type: 'receipt' },
      { date: '2026-01-01', skuId: sku, locationId: west, qty: 500, type: 'receipt' },
    ];
    for (let d = 0; d < 150; d++) {
      rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: east, qty: -2, type: 'sale' });
      rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: west, qty: -1, type: 'sale' });
    }
    await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
    return { db, sku, east, west };
  }

  it("splits the marketplace's reserved units by units on hand and Amazon's Restock figure by sales, in whole units adding up to each", async () => {
    const { db, sku, east, west } = await twoWarehouses();
    const before = unpackPlan((await runPlan(db, { today: TODAY })).plan);
    await applyImport(db, 'GET_RESERVED_INVENTORY_DATA.tsv', reservedReport([['BT-EARBUD-BLK', 'X004K7Q2MZ', 30, 20, 6, 4]]), NOW, {}, { marketplace: 'US', asOf: '2026-06-29' });
    await applyImport(db, 'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT.tsv', restockReport([['BT-EARBUD-BLK', 'X004K7Q2MZ', 60]]), LATER, {}, { asOf: '2026-06-29' });
    const [eastLine, westLine] = [await lineAt(db, sku, east), await lineAt(db, sku, west)];
    expect([eastLine.onHand, westLine.onHand]).toEqual([100, 350]);
    // 30 × 100/450 = 6.7 and 30 × 350/450 = 23.3: 7 and 23, 30 in all, not 30 on each line.
    expect([eastLine.reservedUnits, westLine.reservedUnits]).toEqual([7, 23]);
    expect([eastLine.position, westLine.position]).toEqual([eastLine.onHand + eastLine.inboundUnits - 7, westLine.onHand + westLine.inboundUnits - 23]);
    // Last year's sales 300 and 150: Restock's 60 as 40 and 20.
    expect([eastLine.amazonRecommendedUnits, westLine.amazonRecommendedUnits]).toEqual([40, 20]);
    // The buy echelon's position drops by the 30 reserved, once.
    const buy = unpackPlan((await runPlan(db, { today: TODAY })).plan).buy.find((l) => l.skuId === sku)!;
    expect(buy.networkPosition).toBe(before.buy.find((l) => l.skuId === sku)!.networkPosition - 30);
  });
});
