// Stock counts through renderer/db/counts.ts: plans, entries, review, posting at the cut-off, and
// every refusal leaving the data exactly as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ledgerStore from '../../renderer/db/ledgerStore';
import { saveListing } from '../../renderer/db/catalog';
import { loadLedger, postChecked, postingTables, postReceipt, stockAt } from '../../renderer/db/ledger';
import { addCountEntry, countReview, createCount, createCountFromSnapshot, deleteCountEntry, postCount, saveCountPlan, setCountThreshold, setSkuBin, updateCountLine } from '../../renderer/db/counts';
import { saveAnalysisSettings } from '../../renderer/db/analysis';
import { snapshotScope } from '../../renderer/db/reports';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import type { MovementInput } from '../../shared/model';
import type { CountPlanDraft } from '../../shared/counts';
import { NOW, addFba, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const COUNT_TABLES = ['counts', 'countEntries', 'movements', 'countPlans', 'skuBins'];

interface World {
  db: StockPilotDatabase;
  domestic: number;
  lamp: number;
  shade: number;
  bulb: number;
}

async function post(db: StockPilotDatabase, movements: MovementInput[]): Promise<void> {
  await db.transaction('rw', postingTables(db), () => postChecked(db, movements));
}

/** LAMP (2.00), SHADE (1.00) and BULB (0.10) at home; a year of sales makes LAMP and SHADE class A. */
async function world(): Promise<World> {
  const db = await freshDb();
  const { domestic } = await locationIds(db);
  const lamp = await addSku(db, 'LAMP-01', { unitCost: '2.00' });
  const shade = await addSku(db, 'SHADE-02', { unitCost: '1.00' });
  const bulb = await addSku(db, 'BULB-03', { unitCost: '0.10' });
  await postReceipt(db, { date: '2026-01-05', skuId: lamp, locationId: domestic, qty: '100', unitCost: '2.00' }, 'USD');
  await postReceipt(db, { date: '2026-01-05', skuId: shade, locationId: domestic, qty: '100', unitCost: '1.00' }, 'USD');
  await postReceipt(db, { date: '2026-01-05', skuId: bulb, locationId: domestic, qty: '100', unitCost: '0.10' }, 'USD');
  // COGS: LAMP 50 × 2.00 = 100.00, SHADE 40 × 1.00 = 40.00, BULB 10 × 0.10 = 1.00 → A, A, C.
  await post(db, [
    { date: '2026-02-01', skuId: lamp, locationId: domestic, qty: -50, type: 'sale', source: 'manual' },
    { date: '2026-02-01', skuId: shade, locationId: domestic, qty: -40, type: 'sale', source: 'manual' },
    { date: '2026-02-01', skuId: bulb, locationId: domestic, qty: -10, type: 'sale', source: 'manual' },
  ]);
  return { db, domestic, lamp, shade, bulb };
}

const planDraft = (locationId: number, overrides: Partial<CountPlanDraft> = {}): CountPlanDraft => ({
  name: 'A items at home',
  locationId,
  scopeKind: 'abc',
  abcClass: 'A',
  fromBin: '',
  toBin: '',
  skuCodes: '',
  frequencyMonths: '1',
  ...overrides,
});

async function balanceAt(db: StockPilotDatabase, skuId: number, locationId: number, asOf: string) {
  const b = stockAt(await loadLedger(db), asOf).find((x) => x.skuId === skuId && x.locationId === locationId);
  return { qty: b?.qty ?? 0, valueMinor: b?.valueMinor ?? 0 };
}

async function aCount(w: World, cutoffDate = '2026-03-01'): Promise<number> {
  const planId = await saveCountPlan(w.db, planDraft(w.domestic), '2026-02-20');
  return createCount(w.db, { planId, cutoffDate }, NOW);
}

describe('count plans and counts', () => {
  it('an A-class count of the home warehouse lists its A SKUs by bin, then SKU', async () => {
    const w = await world();
    await setSkuBin(w.db, w.domestic, w.shade, 'A-2');
    await setSkuBin(w.db, w.domestic, w.lamp, 'A-10');
    const id = await aCount(w);
    const count = (await w.db.counts.get(id))!;
    expect(count).toMatchObject({ number: 'CNT-0001', locationId: w.domestic, cutoffDate: '2026-03-01', status: 'open', source: 'sheet' });
    expect(count.lines).toEqual([
      { skuId: w.shade, bin: 'A-2' },
      { skuId: w.lamp, bin: 'A-10' },
    ]);
  });

  it('a bin-range plan and an ad hoc plan pick their SKUs', async () => {
    const w = await world();
    await setSkuBin(w.db, w.domestic, w.bulb, 'C-01');
    await setSkuBin(w.db, w.domestic, w.lamp, 'A-01');
    const bins = await saveCountPlan(w.db, planDraft(w.domestic, { name: 'Aisle C', scopeKind: 'bins', fromBin: 'C-00', toBin: 'C-99' }), '2026-02-20');
    expect((await w.db.counts.get(await createCount(w.db, { planId: bins, cutoffDate: '2026-03-01' }, NOW)))!.lines).toEqual([{ skuId: w.bulb, bin: 'C-01' }]);
    const adhoc = await saveCountPlan(w.db, planDraft(w.domestic, { name: 'Differences', scopeKind: 'skus', skuCodes: 'bulb-03, SHADE-02' }), '2026-02-20');
    expect((await w.db.counts.get(await createCount(w.db, { planId: adhoc, cutoffDate: '2026-03-01' }, NOW)))!.lines).toEqual([
      { skuId: w.bulb, bin: 'C-01' },
      { skuId: w.shade, bin: '' },
    ]);
  });

  it('a plan naming an unknown SKU, a zero frequency or a transit location is refused and nothing is saved', async () => {
    const w = await world();
    const { transit } = await locationIds(w.db);
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => saveCountPlan(w.db, planDraft(w.domestic, { scopeKind: 'skus', skuCodes: 'LAMP-01 NOPE-9' }), '2026-02-20'), 'field.unknownChoice', { field: 'skuCodes', value: 'NOPE-9' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => saveCountPlan(w.db, planDraft(w.domestic, { frequencyMonths: '0' }), '2026-02-20'), 'field.notPositive', { field: 'frequencyMonths', value: '0' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => saveCountPlan(w.db, planDraft(transit), '2026-02-20'), 'movement.transitNotAllowed');
  });

  it('a plan is edited in place: its frequency, class and name change, its id stays', async () => {
    const w = await world();
    const id = await saveCountPlan(w.db, planDraft(w.domestic), '2026-02-20');
    expect(await saveCountPlan(w.db, planDraft(w.domestic, { name: 'B items', abcClass: 'B', frequencyMonths: '2' }), '2026-03-01', id)).toBe(id);
    expect(await w.db.countPlans.toArray()).toEqual([{ id, name: 'B items', locationId: w.domestic, scope: { kind: 'abc', abcClass: 'B' }, frequencyMonths: 2, createdOn: '2026-02-20', archived: false }]);
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => saveCountPlan(w.db, planDraft(w.domestic), '2026-03-01', 99), 'count.planNotFound', { id: 99 });
  });

  it('an ad hoc count (no plan) counts the SKUs given at the location, in sheet order', async () => {
    const w = await world();
    const id = await createCount(w.db, { planId: null, locationId: w.domestic, skuIds: [w.shade, w.bulb], cutoffDate: '2026-03-01' }, NOW);
    expect(await w.db.counts.get(id)).toMatchObject({ planId: null, locationId: w.domestic, lines: [{ skuId: w.bulb, bin: '' }, { skuId: w.shade, bin: '' }] });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => createCount(w.db, { planId: null, locationId: w.domestic, skuIds: [], cutoffDate: '2026-03-01' }, NOW), 'count.noLines');
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => createCount(w.db, { planId: null, locationId: w.domestic, skuIds: [w.lamp], cutoffDate: '2026-02-30' }, NOW), 'field.badDate', { field: 'cutoffDate', value: '2026-02-30' });
  });

  it('classes are the seller’s Analysis settings: their thresholds, and units when chosen', async () => {
    const w = await world();
    const linesOf = async (abcClass: string) => {
      const planId = await saveCountPlan(w.db, planDraft(w.domestic, { name: `${abcClass} items`, abcClass }), '2026-02-20');
      return (await w.db.counts.get(await createCount(w.db, { planId, cutoffDate: '2026-03-01' }, NOW)))!.lines.map((l) => l.skuId);
    };
    // Class A below 50 %: SHADE, with 71 % of COGS before it, is B now.
    await saveAnalysisSettings(w.db, { abcCutoffAPercent: '50', abcCutoffBPercent: '95', abcBasis: 'cogs', targetCoverDays: '90' });
    expect(await linesOf('A')).toEqual([w.lamp]);
    // By units (50, 40, 10): BULB, with 90 % before it, is B.
    await saveAnalysisSettings(w.db, { abcCutoffAPercent: '80', abcCutoffBPercent: '95', abcBasis: 'units', targetCoverDays: '90' });
    expect(await linesOf('B')).toEqual([w.bulb]);
  });

  it('a plan that picks no SKU makes no count', async () => {
    const w = await world();
    const planId = await saveCountPlan(w.db, planDraft(w.domestic, { abcClass: 'B' }), '2026-02-20');
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => createCount(w.db, { planId, cutoffDate: '2026-03-01' }, NOW), 'count.noLines');
  });
});

describe('entries and review', () => {
  it('expected is the balance at the cut-off: a sale dated after it does not change it, a back-dated one posted later does', async () => {
    const w = await world();
    const id = await aCount(w, '2026-03-01');
    await post(w.db, [{ date: '2026-03-02', skuId: w.lamp, locationId: w.domestic, qty: -5, type: 'sale', source: 'manual' }]);
    await post(w.db, [{ date: '2026-02-28', skuId: w.shade, locationId: w.domestic, qty: -3, type: 'sale', source: 'manual' }]);
    const review = await countReview(w.db, id);
    expect(review.lines.map((l) => [l.skuId, l.expectedQty, l.counted])).toEqual([
      [w.lamp, 50, false],
      [w.shade, 57, false],
    ]);
  });

  it('scans add up across counters, a recount replaces, unknown codes are kept, FNSKUs resolve, variances are valued at the average', async () => {
    const w = await world();
    await saveListing(w.db, { skuId: w.shade, marketplace: 'US', sellerSku: 'SHADE-US', asin: 'B0SHADE002', fnsku: 'X004SHADE2', unitsPerListing: '1' });
    const id = await aCount(w);
    expect(await addCountEntry(w.db, id, { counter: 'Li', code: 'LAMP-01', qty: '30' }, NOW)).toMatchObject({ skuId: w.lamp });
    await addCountEntry(w.db, id, { counter: 'Wang', code: 'lamp-01', qty: '18' }, NOW);
    await addCountEntry(w.db, id, { counter: 'Li', code: 'X004SHADE2', qty: '70' }, NOW);
    expect(await addCountEntry(w.db, id, { counter: 'Li', code: 'ZZ-404', qty: '3' }, NOW)).toMatchObject({ skuId: null });
    await addCountEntry(w.db, id, { counter: 'Li', code: 'SHADE-02', qty: '61', recount: true }, NOW);
    const review = await countReview(w.db, id);
    expect(review.lines.map(({ skuId, expectedQty, countedQty, varianceUnits, varianceValueMinor, unitCostMinor }) => ({ skuId, expectedQty, countedQty, varianceUnits, varianceValueMinor, unitCostMinor }))).toEqual([
      { skuId: w.lamp, expectedQty: 50, countedQty: 48, varianceUnits: -2, varianceValueMinor: -400, unitCostMinor: 200 },
      { skuId: w.shade, expectedQty: 60, countedQty: 61, varianceUnits: 1, varianceValueMinor: 100, unitCostMinor: 100 },
    ]);
    expect(review.unknown.map((e) => [e.code, e.qty])).toEqual([['ZZ-404', 3]]);
    // Expected value 100.00 + 60.00; |variance| 4.00 + 1.00.
    expect(review.accuracy).toEqual({ linesCounted: 2, linesExact: 0, lineAccuracy: 0, expectedValueMinor: 16000, absVarianceValueMinor: 500, valueAccuracy: 1 - 500 / 16000 });
  });

  it('a bundle’s seller SKU or ASIN scanned at a count is an unknown code, not its first component', async () => {
    const w = await world();
    // A bundle of a lamp and a shade: on a shelf there are only lamps and shades.
    await saveListing(w.db, {
      skuId: 0,
      marketplace: 'US',
      sellerSku: 'LAMP-SET-US',
      asin: 'B0LAMPSET1',
      fnsku: '',
      unitsPerListing: '',
      components: [
        { skuCode: 'LAMP-01', skuId: w.lamp, units: '1' },
        { skuCode: 'SHADE-02', skuId: w.shade, units: '1' },
      ],
    });
    const id = await aCount(w);
    expect(await addCountEntry(w.db, id, { counter: 'Li', code: 'LAMP-SET-US', qty: '5' }, NOW)).toMatchObject({ skuId: null });
    expect(await addCountEntry(w.db, id, { counter: 'Li', code: 'B0LAMPSET1', qty: '5' }, NOW)).toMatchObject({ skuId: null });
    const review = await countReview(w.db, id);
    expect(review.unknown.map((e) => e.code).sort()).toEqual(['B0LAMPSET1', 'LAMP-SET-US']);
  });

  it('a difference over the recount threshold is flagged; the threshold is editable while open', async () => {
    const w = await world();
    const id = await aCount(w);
    await addCountEntry(w.db, id, { counter: 'Li', code: 'LAMP-01', qty: '44' }, NOW);
    await addCountEntry(w.db, id, { counter: 'Li', code: 'SHADE-02', qty: '59' }, NOW);
    // Defaults: over 5 units or 50.00. LAMP −6 units (−12.00), SHADE −1 (−1.00).
    expect((await countReview(w.db, id)).lines.map((l) => [l.skuId, l.overThreshold])).toEqual([
      [w.lamp, true],
      [w.shade, false],
    ]);
    await setCountThreshold(w.db, id, { units: '', value: '0.50' }, 'USD');
    expect((await countReview(w.db, id)).lines.map((l) => [l.skuId, l.overThreshold])).toEqual([
      [w.lamp, true],
      [w.shade, true],
    ]);
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => setCountThreshold(w.db, id, { units: '-2', value: '' }, 'USD'), 'field.negative', { field: 'thresholdUnits', value: '-2' });
  });

  it('the review follows the ledger between reviews: a back-dated receipt posted after the first review counts', async () => {
    const w = await world();
    const id = await aCount(w, '2026-03-01');
    await addCountEntry(w.db, id, { counter: 'Li', code: 'LAMP-01', qty: '52' }, NOW);
    expect((await countReview(w.db, id)).lines[0]).toMatchObject({ skuId: w.lamp, expectedQty: 50, varianceUnits: 2 });
    await postReceipt(w.db, { date: '2026-02-27', skuId: w.lamp, locationId: w.domestic, qty: '2', unitCost: '2.00' }, 'USD');
    expect((await countReview(w.db, id)).lines[0]).toMatchObject({ skuId: w.lamp, expectedQty: 52, varianceUnits: 0 });
  });

  it('a known SKU not on the sheet joins the count; a deleted entry no longer counts', async () => {
    const w = await world();
    const id = await aCount(w);
    const { entryId } = await addCountEntry(w.db, id, { counter: 'Li', code: 'BULB-03', qty: '90' }, NOW);
    expect((await w.db.counts.get(id))!.lines.map((l) => l.skuId)).toEqual([w.lamp, w.shade, w.bulb]);
    expect((await countReview(w.db, id)).lines.find((l) => l.skuId === w.bulb)).toMatchObject({ expectedQty: 90, countedQty: 90, varianceUnits: 0, counted: true });
    await deleteCountEntry(w.db, entryId);
    expect((await countReview(w.db, id)).lines.find((l) => l.skuId === w.bulb)).toMatchObject({ counted: false });
  });

  it.each([
    ['abc', 'field.notNumber', { field: 'countedQty', value: 'abc' }],
    ['-3', 'field.negative', { field: 'countedQty', value: '-3' }],
    ['1.5', 'field.notInteger', { field: 'countedQty', value: '1.5' }],
    ['', 'field.required', { field: 'countedQty' }],
  ] as const)('a counted quantity of “%s” is refused (%s) and nothing changes', async (qty, code, params) => {
    const w = await world();
    const id = await aCount(w);
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => addCountEntry(w.db, id, { counter: 'Li', code: 'LAMP-01', qty }, NOW), code, params);
  });

  it('an entry without a code or a counter is refused and nothing changes', async () => {
    const w = await world();
    const id = await aCount(w);
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => addCountEntry(w.db, id, { counter: 'Li', code: '  ', qty: '4' }, NOW), 'field.required', { field: 'countCode' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => addCountEntry(w.db, id, { counter: '', code: 'LAMP-01', qty: '4' }, NOW), 'field.required', { field: 'counter' });
  });
});

describe('posting', () => {
  async function countedWorld() {
    const w = await world();
    const id = await aCount(w, '2026-03-01');
    await addCountEntry(w.db, id, { counter: 'Li', code: 'LAMP-01', qty: '47' }, NOW);
    await addCountEntry(w.db, id, { counter: 'Li', code: 'SHADE-02', qty: '60' }, NOW);
    // A sale after the cut-off, posted while the count was under way.
    await post(w.db, [{ date: '2026-03-05', skuId: w.lamp, locationId: w.domestic, qty: -10, type: 'sale', source: 'manual' }]);
    return { ...w, id };
  }

  it('writes count_variance movements at the cut-off, moves the stock by exactly the variance and keeps accuracy', async () => {
    const w = await countedWorld();
    await updateCountLine(w.db, w.id, w.lamp, { reason: 'lost' });
    const before = await balanceAt(w.db, w.lamp, w.domestic, '2026-03-31');
    const review = await postCount(w.db, w.id, '2026-03-01T18:00:00.000Z');
    const variances = (await w.db.movements.toArray()).filter((m) => m.type === 'count_variance');
    expect(variances).toEqual([expect.objectContaining({ date: '2026-03-01', skuId: w.lamp, locationId: w.domestic, qty: -3, type: 'count_variance', ref: 'CNT-0001', source: 'manual', note: 'lost' })]);
    expect(await balanceAt(w.db, w.lamp, w.domestic, '2026-03-01')).toEqual({ qty: 47, valueMinor: 9400 });
    expect(await balanceAt(w.db, w.lamp, w.domestic, '2026-03-31')).toEqual({ qty: before.qty - 3, valueMinor: before.valueMinor - 600 });
    expect(review.count).toMatchObject({ status: 'posted', postedAt: '2026-03-01T18:00:00.000Z' });
    expect(review.count.posted!.accuracy).toMatchObject({ linesCounted: 2, linesExact: 1, lineAccuracy: 0.5, expectedValueMinor: 16000, absVarianceValueMinor: 600 });
    expect(review.lines.map((l) => [l.skuId, l.varianceUnits, l.reason])).toEqual([
      [w.lamp, -3, 'lost'],
      [w.shade, 0, undefined],
    ]);
  });

  it('a posted count is read-only: entries, reasons, recount requests and a second posting are refused', async () => {
    const w = await countedWorld();
    await updateCountLine(w.db, w.id, w.lamp, { reason: 'lost' });
    await postCount(w.db, w.id, NOW);
    const entry = (await w.db.countEntries.toArray())[0]!;
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => addCountEntry(w.db, w.id, { counter: 'Li', code: 'LAMP-01', qty: '1' }, NOW), 'count.posted', { number: 'CNT-0001' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => updateCountLine(w.db, w.id, w.lamp, { reason: 'found' }), 'count.posted', { number: 'CNT-0001' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => updateCountLine(w.db, w.id, w.lamp, { recountRequested: true }), 'count.posted', { number: 'CNT-0001' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => deleteCountEntry(w.db, entry.id), 'count.posted', { number: 'CNT-0001' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => postCount(w.db, w.id, NOW), 'count.posted', { number: 'CNT-0001' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => setCountThreshold(w.db, w.id, { units: '1', value: '' }, 'USD'), 'count.posted', { number: 'CNT-0001' });
  });

  it('a difference without a reason is refused and nothing is posted', async () => {
    const w = await countedWorld();
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => postCount(w.db, w.id, NOW), 'count.reasonMissing', { sku: 'LAMP-01', units: -3 });
  });

  it('a requested recount must be entered first; the recount clears the request', async () => {
    const w = await countedWorld();
    await updateCountLine(w.db, w.id, w.lamp, { reason: 'miscount', recountRequested: true });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => postCount(w.db, w.id, NOW), 'count.recountPending', { sku: 'LAMP-01' });
    await addCountEntry(w.db, w.id, { counter: 'Wang', code: 'LAMP-01', qty: '50', recount: true }, NOW);
    const review = await postCount(w.db, w.id, NOW);
    expect(review.lines.find((l) => l.skuId === w.lamp)).toMatchObject({ countedQty: 50, varianceUnits: 0 });
    expect((await w.db.movements.toArray()).filter((m) => m.type === 'count_variance')).toEqual([]);
  });

  it('nothing counted is refused', async () => {
    const w = await world();
    const id = await aCount(w);
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => postCount(w.db, id, NOW), 'count.nothingCounted', { number: 'CNT-0001' });
  });

  it('a shortage that would empty a later day below zero is refused with the ledger’s message', async () => {
    const w = await world();
    const id = await aCount(w, '2026-03-01');
    await post(w.db, [{ date: '2026-03-10', skuId: w.lamp, locationId: w.domestic, qty: -45, type: 'sale', source: 'manual' }]);
    await addCountEntry(w.db, id, { counter: 'Li', code: 'LAMP-01', qty: '40' }, NOW);
    await updateCountLine(w.db, id, w.lamp, { reason: 'lost' });
    await expectRefusedUnchanged(w.db, COUNT_TABLES, () => postCount(w.db, id, NOW), 'movement.belowZero');
  });
});

describe('a 3PL or FBA snapshot as the count', () => {
  it('makes an open count from the stored snapshot, unknown codes kept, reviewed and posted the same way', async () => {
    const w = await world();
    const fba = await addFba(w.db, 'US');
    await saveListing(w.db, { skuId: w.lamp, marketplace: 'US', sellerSku: 'LAMP-US', asin: 'B0LAMP0001', fnsku: 'X004LAMP01', unitsPerListing: '2' });
    await post(w.db, [{ date: '2026-03-01', skuId: w.lamp, locationId: fba, qty: 20, type: 'receipt', unitCostMinor: 200, source: 'manual' }]);
    await w.db.batches.add({ id: 'b1', kind: 'import', label: 'MYI', createdAt: NOW, movementCount: 0, blockCount: 0, firstDate: '2026-03-03', lastDate: '2026-03-03' });
    const row = (code: string, fnsku: string, fulfillable: number) => ({ key: code, codeType: 'fnsku' as const, code, sellerSku: '', fnsku, asin: '', title: '', fulfillable, reserved: 1, unsellable: null, researching: null, inbound: 5, unitCostMinor: null });
    await w.db.reportRows.add({ batchId: 'b1', kind: 'snapshot', scope: snapshotScope(fba, '2026-03-03'), reportKind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', marketplace: 'US', locationId: fba, date: '2026-03-03', rows: [row('X004LAMP01', 'X004LAMP01', 8), row('X00GHOST', 'X00GHOST', 2)] });
    const id = await createCountFromSnapshot(w.db, snapshotScope(fba, '2026-03-03'), NOW);
    const review = await countReview(w.db, id);
    expect(review.count).toMatchObject({ source: 'snapshot', locationId: fba, cutoffDate: '2026-03-03', status: 'open' });
    // 8 fulfillable + 1 reserved listings of a 2-pack: 18 units against 20 in the ledger.
    expect(review.lines.map((l) => [l.skuId, l.expectedQty, l.countedQty, l.varianceUnits])).toEqual([[w.lamp, 20, 18, -2]]);
    expect(review.unknown.map((e) => e.code)).toEqual(['X00GHOST']);
    await updateCountLine(w.db, id, w.lamp, { reason: 'lost' });
    await postCount(w.db, id, NOW);
    expect(await balanceAt(w.db, w.lamp, fba, '2026-03-03')).toMatchObject({ qty: 18 });
  });
});

describe('starting a count and reviewing it value the ledger once', () => {
  it('the review right after the count starts reads no snapshot of the ledger again; a new movement makes it read one', async () => {
    const w = await world();
    const reads = vi.spyOn(ledgerStore, 'readLedgerSnapshot');
    try {
      const countId = await aCount(w);
      expect(reads).toHaveBeenCalledTimes(1);
      const review = await countReview(w.db, countId);
      expect(review.lines.map((l) => [l.skuId, l.expectedQty])).toEqual([
        [w.lamp, 50],
        [w.shade, 60],
      ]);
      expect(reads).toHaveBeenCalledTimes(1);
      // The ledger moved: the review values it again, and sees the sale.
      await post(w.db, [{ date: '2026-02-15', skuId: w.lamp, locationId: w.domestic, qty: -5, type: 'sale', source: 'manual' }]);
      expect((await countReview(w.db, countId)).lines.find((l) => l.skuId === w.lamp)?.expectedQty).toBe(45);
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  it('a plan that is gone, no location or the transit location: refused by name, nothing stored, nothing valued', async () => {
    const w = await world();
    const { transit } = await locationIds(w.db);
    const reads = vi.spyOn(ledgerStore, 'readLedgerSnapshot');
    try {
      await expectRefusedUnchanged(w.db, COUNT_TABLES, () => createCount(w.db, { planId: 999, cutoffDate: '2026-03-01' }, NOW), 'count.planNotFound', { id: 999 });
      await expectRefusedUnchanged(w.db, COUNT_TABLES, () => createCount(w.db, { planId: null, locationId: 999, skuIds: [w.lamp], cutoffDate: '2026-03-01' }, NOW), 'field.required', { field: 'location' });
      await expectRefusedUnchanged(w.db, COUNT_TABLES, () => createCount(w.db, { planId: null, locationId: transit, skuIds: [w.lamp], cutoffDate: '2026-03-01' }, NOW), 'movement.transitNotAllowed');
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });
});
