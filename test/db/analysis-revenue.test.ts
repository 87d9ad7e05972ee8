// PRODUCT §6 ABC by revenue through a real (fake-IndexedDB) database: the repo's All Orders fixture
// imported as the seller imports it, the worker's analysisFacts reading its prices, the seller's
// exchange rates and a bundle; every figure worked out by hand in the comments.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisFacts, readAnalysisSettings, saveAnalysisSettings } from '../../renderer/db/analysis';
import { saveListing } from '../../renderer/db/catalog';
import { applyImport } from '../../renderer/db/imports';
import { appendMovementBatch, removeMovementBatch } from '../../renderer/db/ledgerStore';
import { runPlan } from '../../renderer/db/planning';
import { saveExchangeRate } from '../../renderer/db/purchasing';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { analysisRows } from '../../shared/analysis';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { unpackPlan } from '../../shared/planning/planColumns';
import { addFba, addSku, disposeDatabases, freshDb, LATER, NOW } from './helpers';

afterEach(disposeDatabases);

const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv';
const ordersFile = (): string => readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', ORDERS), 'utf8');
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
/** May 2026, seen on 1 June: the ABC window is the 12 months to 31 May, which holds every order of the fixture. */
const MAY = { from: '2026-05-01', to: '2026-05-31', today: '2026-06-01' };

/**
 * The fixture's lines (USD unless said): earbuds 29.99 (1) and 59.98 (2) in the US, 39.99 CAD (1) in
 * Canada; the cable 2-pack Pending (3, no price); the LED strip cancelled (0, unmapped); the yoga mat
 * 24.99 (1, merchant-fulfilled); the Desk Organizer 32.99 (1, its row twice), here a bundle of 1 case
 * (cost 2.00) + 2 cables (cost 1.50 each), so 40% : 60% of its revenue.
 */
async function seller(): Promise<{ db: StockPilotDatabase; earbud: number; caseSku: number; cable: number; yoga: number }> {
  const db = await freshDb();
  await addFba(db, 'US');
  await addFba(db, 'CA');
  const earbud = await addSku(db, 'EARBUD-BLK', { unitCost: '10.00' });
  const caseSku = await addSku(db, 'CASE-01', { unitCost: '2.00' });
  const cable = await addSku(db, 'CABLE-2M', { unitCost: '1.50' });
  const yoga = await addSku(db, 'YOGA-MAT', { unitCost: '5.00' });
  const listing = (skuId: number, marketplace: string, sellerSku: string, unitsPerListing = '1') => saveListing(db, { skuId, marketplace, sellerSku, asin: '', fnsku: '', unitsPerListing });
  await listing(earbud, 'US', 'BT-EARBUD-BLK');
  await listing(earbud, 'CA', 'BT-EARBUD-BLK');
  await listing(cable, 'US', 'USB-C-CBL-2M-WHT', '2');
  await listing(yoga, 'US', 'YOGA-MAT-6MM-PRP');
  await saveListing(db, {
    skuId: 0,
    marketplace: 'US',
    sellerSku: 'DESK-ORG-BAMB',
    asin: '',
    fnsku: '',
    unitsPerListing: '',
    components: [
      { skuCode: 'CASE-01', skuId: caseSku, units: '1' },
      { skuCode: 'CABLE-2M', skuId: cable, units: '2' },
    ],
  });
  return { db, earbud, caseSku, cable, yoga };
}

async function revenueOf(db: StockPilotDatabase, skuIds: number[]) {
  const result = await analysisFacts(db, MAY);
  const at = (skuId: number) => Array.from(result.facts.skuIds).indexOf(skuId);
  return { result, revenue: skuIds.map((id) => result.facts.abcRevenueMinor![at(id)]!) };
}

describe('ABC by revenue from the All Orders fixture', () => {
  it('revenue per SKU in USD at the rate on or before each order date; a bundle split by cost; gaps named', async () => {
    const { db, earbud, caseSku, cable, yoga } = await seller();
    // Nothing imported yet: nothing to rank by, and the screen is told so.
    expect((await revenueOf(db, [earbud])).result.revenueGaps).toEqual({ pricedLines: 0, noPriceLines: 0, storedBeforePricesLines: 0, noRate: [], unmappedLines: 0, anyPrice: false });

    await applyImport(db, ORDERS, bytesOf(ordersFile()), NOW);
    // No CAD rate yet: the Canadian line is left out and named; the Pending cable line has no price.
    const before = await revenueOf(db, [earbud, yoga, cable, caseSku]);
    // Earbud 29.99 + 59.98; yoga 24.99; the bundle's 32.99: cables 60% = 19.794, case 40% = 13.196.
    expect(before.revenue).toEqual([8_997, 2_499, 1_979, 1_320]);
    expect(before.result.revenueGaps).toEqual({ pricedLines: 4, noPriceLines: 1, storedBeforePricesLines: 0, noRate: [{ currency: 'CAD', lines: 1 }], unmappedLines: 0, anyPrice: true });

    // A CAD rate dated after the order (3 May) does not apply; one on 1 April does.
    await saveExchangeRate(db, { currency: 'CAD', date: '2026-05-10', rate: '0.80' });
    expect((await revenueOf(db, [earbud])).revenue).toEqual([8_997]);
    await saveExchangeRate(db, { currency: 'CAD', date: '2026-04-01', rate: '0.73' });
    const after = await revenueOf(db, [earbud, yoga, cable, caseSku]);
    // 39.99 CAD × 0.73 = 29.1927 USD: the earbud 8,997 + 2,919.27 = 11,916.27 cents.
    expect(after.revenue).toEqual([11_916, 2_499, 1_979, 1_320]);
    expect(after.result.revenueGaps).toEqual({ pricedLines: 5, noPriceLines: 1, storedBeforePricesLines: 0, noRate: [], unmappedLines: 0, anyPrice: true });

    // Classes by revenue (total 17,714): earbud A; yoga A (67.3% before it); cable B (81.4%); case B (92.5%).
    // The ledger has no sales, so by COGS every SKU is C: these classes come from the prices alone.
    await saveAnalysisSettings(db, { abcCutoffAPercent: '80', abcCutoffBPercent: '95', abcBasis: 'revenue', targetCoverDays: '90' });
    const settings = await readAnalysisSettings(db);
    expect(settings.abcBasis).toBe('revenue');
    const { facts, demand, periodDays, reviewDays } = after.result;
    const classOf = (rows: ReturnType<typeof analysisRows>['rows']) => Object.fromEntries(rows.map((r) => [r.skuId, [r.abc, r.abcValue, r.abcRank]]));
    expect(classOf(analysisRows({ facts, demand, settings, periodDays, reviewDays }).rows)).toEqual({
      [earbud]: ['A', 11_916, 1],
      [yoga]: ['A', 2_499, 2],
      [cable]: ['B', 1_979, 3],
      [caseSku]: ['B', 1_320, 4],
    });
    expect(analysisRows({ facts, demand, settings: { ...settings, abcBasis: 'cogs' }, periodDays, reviewDays }).rows.map((r) => r.abc)).toEqual(['C', 'C', 'C', 'C']);
  });

  it('imports that overlap count each order line once, the newest import’s price winning; undoing it brings the old one back', async () => {
    const { db, earbud, cable } = await seller();
    const first = await applyImport(db, ORDERS, bytesOf(ordersFile()), NOW);
    // The same file again writes nothing.
    expect((await applyImport(db, ORDERS, bytesOf(ordersFile()), LATER)).batch).toBeNull();
    expect((await revenueOf(db, [earbud, cable])).revenue).toEqual([8_997, 1_979]);
    // A later download: the Pending cable order has shipped at 26.97 for its 3 two-packs.
    const shipped = ordersFile().replace(
      /^(112-6604187-2209415\t\t[^\t]+\t[^\t]+\t)Pending(\t(?:[^\t]*\t){7})Unshipped\t3\tUSD\t/m,
      '$1Shipped$2Shipped\t3\tUSD\t26.97',
    );
    expect(shipped).not.toBe(ordersFile());
    const second = await applyImport(db, ORDERS, bytesOf(shipped), '2024-05-03T08:00:00.000Z');
    expect(second.batch).not.toBeNull();
    const both = await revenueOf(db, [earbud, cable]);
    // Every other line is in both imports and counts once: the earbud stays 89.96; the cable gains 26.97.
    expect(both.revenue).toEqual([8_997, 1_979 + 2_697]);
    expect(both.result.revenueGaps.noPriceLines).toBe(0);
    await removeMovementBatch(db, second.batch!.id);
    expect((await revenueOf(db, [earbud, cable])).revenue).toEqual([8_997, 1_979]);
    expect(first.batch).not.toBeNull();
  });

  it('the plan cannot rank by revenue: with revenue chosen its classes are the COGS ones, not the units ones', async () => {
    const db = await freshDb();
    const us = await addFba(db, 'US');
    // CHEAP sells 3 a day at 1.00, DEAR one every 3 days at 100.00: by COGS DEAR leads, by units CHEAP.
    const cheap = await addSku(db, 'CHEAP', { casePack: '1', moq: '0', unitCost: '1.00' });
    const dear = await addSku(db, 'DEAR', { casePack: '1', moq: '0', unitCost: '100.00' });
    const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [
      { date: '2026-01-01', skuId: cheap, locationId: us, qty: 600, type: 'receipt' },
      { date: '2026-01-01', skuId: dear, locationId: us, qty: 100, type: 'receipt' },
    ];
    for (let d = 0; d < 150; d++) {
      rows.push({ date: addDays('2026-01-15', d), skuId: cheap, locationId: us, qty: -3, type: 'sale' });
      if (d % 3 === 0) rows.push({ date: addDays('2026-01-15', d), skuId: dear, locationId: us, qty: -1, type: 'sale' });
    }
    await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: NOW }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
    const classes = async (abcBasis: string) => {
      await saveAnalysisSettings(db, { abcCutoffAPercent: '80', abcCutoffBPercent: '95', abcBasis, targetCoverDays: '90' });
      const plan = unpackPlan((await runPlan(db, { today: '2026-06-30' })).plan);
      return [cheap, dear].map((id) => plan.buy.find((line) => line.skuId === id)!.abc);
    };
    expect(await classes('units')).toEqual(['A', 'B']);
    expect(await classes('cogs')).toEqual(['B', 'A']);
    expect(await classes('revenue')).toEqual(['B', 'A']);
  });
});
