// PO drafts from the plan's buy list ("Create PO drafts") through a real (fake-IndexedDB) database:
// one draft per supplier in one transaction (all or nothing), each SKU's cost in the supplier's
// currency (converted with the stored rates, else the supplier's last price, else no draft for that
// supplier), and a second click that skips suppliers whose plan draft is still open.
import { afterEach, describe, expect, test } from 'vitest';
import { cancelPurchaseOrder, createDraftsFromPlan, PlanDraftError, saveExchangeRate, savePurchaseOrder, saveSupplier, sendPurchaseOrder } from '../../renderer/db/purchasing';
import type { PlanBuyLine } from '../../renderer/db/purchasing';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { addSku, disposeDatabases, freshDb, locationIds, snapshot } from './helpers';

afterEach(disposeDatabases);

const PLAN_DATE = '2026-03-02';
const NOTE = 'Drafted from the replenishment plan';

async function supplier(db: StockPilotDatabase, name: string, currency: string, productionDaysMean = '30'): Promise<number> {
  return saveSupplier(db, { name, contact: '', currency, productionDaysMean, productionDaysSd: '5', moq: '', paymentTerms: '' });
}

const allTables = (db: StockPilotDatabase) => db.tables.map((t) => t.name);

async function drafts(db: StockPilotDatabase) {
  return (await db.purchaseOrders.toArray()).filter((po) => po.status === 'draft');
}

describe('PO drafts from the plan', () => {
  test('one draft per supplier with the planned quantities at the SKU cost, into the domestic warehouse, numbered by supplier name', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const lamps = await supplier(db, 'Shenzhen Lamps', 'USD', '30');
    const cables = await supplier(db, 'Anhui Cables', 'USD', '12.6');
    const lamp = await addSku(db, 'LAMP-01', { unitCost: '4.20' });
    const shade = await addSku(db, 'SHADE-02', { unitCost: '1.05' });
    const cable = await addSku(db, 'CABLE-03', { unitCost: '0.385' });
    const orphan = await addSku(db, 'ORPHAN-04');
    const lines: PlanBuyLine[] = [
      { skuId: lamp, supplierId: lamps, qty: 500 },
      { skuId: cable, supplierId: cables, qty: 1200 },
      { skuId: shade, supplierId: lamps, qty: 250 },
      { skuId: orphan, supplierId: null, qty: 50 },
    ];

    const result = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines });

    expect(result).toEqual({
      created: [
        { supplier: 'Anhui Cables', number: 'PO-2026-0001' },
        { supplier: 'Shenzhen Lamps', number: 'PO-2026-0002' },
      ],
      skipped: [],
      unpriced: [],
      pricedFromLastOrder: [],
      withoutSupplier: 1,
      noWarehouse: false,
    });
    const [first, second] = await db.purchaseOrders.orderBy('id').toArray();
    expect(first).toMatchObject({ number: 'PO-2026-0001', supplierId: cables, status: 'draft', orderDate: PLAN_DATE, expectedDate: '2026-03-15', currency: 'USD', locationId: domestic, note: NOTE, fromPlan: PLAN_DATE, receipts: [] });
    expect(first!.lines).toEqual([{ lineId: 1, skuId: cable, qty: 1200, unitCostMinor: 38.5 }]);
    expect(second).toMatchObject({ number: 'PO-2026-0002', supplierId: lamps, expectedDate: '2026-04-01', fromPlan: PLAN_DATE });
    expect(second!.lines).toEqual([
      { lineId: 1, skuId: lamp, qty: 500, unitCostMinor: 420 },
      { lineId: 2, skuId: shade, qty: 250, unitCostMinor: 105 },
    ]);
    // The SKUs bought from a supplier for the first time are now sourced from it, as with a PO made by hand.
    expect(await db.skuSourcing.get(cable)).toEqual({ skuId: cable, supplierId: cables });
    expect(await db.skuSourcing.get(orphan)).toBeUndefined();
  });

  test('a SKU costed in another currency is converted through the base currency with the rates on or before the plan date', async () => {
    const db = await freshDb();
    const factory = await supplier(db, 'Ningbo Factory', 'CNY');
    const usd = await addSku(db, 'MUG-01', { unitCost: '2.50', costCurrency: 'USD' });
    const eur = await addSku(db, 'CUP-02', { unitCost: '1.00', costCurrency: 'EUR' });
    // Base currency USD: 1 CNY = 0.14 USD, 1 EUR = 1.085 USD; the later CNY rate is after the plan and not used.
    await saveExchangeRate(db, { currency: 'CNY', date: '2026-02-27', rate: '0.14' });
    await saveExchangeRate(db, { currency: 'CNY', date: '2026-03-03', rate: '0.5' });
    await saveExchangeRate(db, { currency: 'EUR', date: '2026-01-15', rate: '1.085' });

    const result = await createDraftsFromPlan(db, {
      planDate: PLAN_DATE,
      note: NOTE,
      lines: [
        { skuId: usd, supplierId: factory, qty: 100 },
        { skuId: eur, supplierId: factory, qty: 40 },
      ],
    });

    expect(result.created).toEqual([{ supplier: 'Ningbo Factory', number: 'PO-2026-0001' }]);
    const [po] = await drafts(db);
    expect(po!.currency).toBe('CNY');
    // 2.50 USD / 0.14 = 17.857142… CNY and 1.00 EUR × 1.085 / 0.14 = 7.75 CNY, in fen to 4 decimals.
    expect(po!.lines).toEqual([
      { lineId: 1, skuId: usd, qty: 100, unitCostMinor: 1785.7143 },
      { lineId: 2, skuId: eur, qty: 40, unitCostMinor: 775 },
    ]);
  });

  test('with no rate, a line takes the supplier’s price on its latest PO that was sent (not a draft, not a cancelled one)', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const factory = await supplier(db, 'Ningbo Factory', 'CNY');
    const mug = await addSku(db, 'MUG-01', { unitCost: '2.50', costCurrency: 'USD' });
    const po = (orderDate: string, unitCost: string) => ({ number: '', supplierId: factory, orderDate, expectedDate: '2026-04-30', currency: 'CNY', locationId: domestic, note: '', lines: [{ skuId: mug, qty: '100', unitCost }] });
    await sendPurchaseOrder(db, await savePurchaseOrder(db, po('2025-11-03', '16.00')));
    await sendPurchaseOrder(db, await savePurchaseOrder(db, po('2026-01-20', '16.40')));
    await savePurchaseOrder(db, po('2026-02-01', '99.00')); // a draft the supplier never saw
    await cancelPurchaseOrder(db, await savePurchaseOrder(db, po('2026-02-10', '12.00')));

    const result = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines: [{ skuId: mug, supplierId: factory, qty: 300 }] });

    expect(result.created).toHaveLength(1);
    expect(result.pricedFromLastOrder).toEqual(['MUG-01']);
    const drafted = (await drafts(db)).find((d) => d.fromPlan === PLAN_DATE)!;
    expect(drafted.lines).toEqual([{ lineId: 1, skuId: mug, qty: 300, unitCostMinor: 1640 }]);
  });

  test('with no rate and no earlier price, that supplier gets no draft and is named with the SKU; the others are drafted, and it is drafted once the rate is added', async () => {
    const db = await freshDb();
    const factory = await supplier(db, 'Ningbo Factory', 'CNY');
    const lamps = await supplier(db, 'Shenzhen Lamps', 'USD');
    const mug = await addSku(db, 'MUG-01', { unitCost: '2.50', costCurrency: 'USD' });
    const bowl = await addSku(db, 'BOWL-02', { unitCost: '8.00', costCurrency: 'CNY' });
    const lamp = await addSku(db, 'LAMP-03', { unitCost: '4.20' });
    const lines: PlanBuyLine[] = [
      { skuId: bowl, supplierId: factory, qty: 60 },
      { skuId: mug, supplierId: factory, qty: 100 },
      { skuId: lamp, supplierId: lamps, qty: 500 },
    ];

    const first = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines });

    expect(first.created).toEqual([{ supplier: 'Shenzhen Lamps', number: 'PO-2026-0001' }]);
    expect(first.unpriced).toEqual([{ supplier: 'Ningbo Factory', sku: 'MUG-01', skuCurrency: 'USD', currency: 'CNY' }]);
    expect((await drafts(db)).map((d) => d.supplierId)).toEqual([lamps]);

    await saveExchangeRate(db, { currency: 'CNY', date: PLAN_DATE, rate: '0.125' });
    const second = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines });

    expect(second.created).toEqual([{ supplier: 'Ningbo Factory', number: 'PO-2026-0002' }]);
    expect(second.skipped).toEqual([{ supplier: 'Shenzhen Lamps', number: 'PO-2026-0001', planDate: PLAN_DATE }]);
    expect(second.unpriced).toEqual([]);
    const factoryDraft = (await drafts(db)).find((d) => d.supplierId === factory)!;
    expect(factoryDraft.lines.map((l) => [l.skuId, l.unitCostMinor])).toEqual([
      [bowl, 800],
      [mug, 2000],
    ]);
  });

  test('a draft refused part-way leaves every table as it was, and the error names the supplier, the SKU and the field', async () => {
    const db = await freshDb();
    const cables = await supplier(db, 'Anhui Cables', 'USD');
    const lamps = await supplier(db, 'Shenzhen Lamps', 'USD');
    const cable = await addSku(db, 'CABLE-03');
    const lamp = await addSku(db, 'LAMP-01');
    const shade = await addSku(db, 'SHADE-02');
    const before = await snapshot(db, ...allTables(db));

    let caught: unknown;
    try {
      // Anhui Cables (first by name) is written before Shenzhen Lamps' second line is refused.
      await createDraftsFromPlan(db, {
        planDate: PLAN_DATE,
        note: NOTE,
        lines: [
          { skuId: cable, supplierId: cables, qty: 1200 },
          { skuId: lamp, supplierId: lamps, qty: 500 },
          { skuId: shade, supplierId: lamps, qty: 0 },
        ],
      });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(PlanDraftError);
    const error = caught as PlanDraftError;
    expect([error.supplier, error.sku, error.reason.code, error.reason.params]).toEqual(['Shenzhen Lamps', 'SHADE-02', 'field.notPositive', { field: 'qty', value: '0' }]);
    // No draft, no sourcing for the cable bought "for the first time": exactly as before.
    expect(await snapshot(db, ...allTables(db))).toEqual(before);
  });

  test('a second click drafts nothing again: suppliers with an open plan draft are skipped until it is sent or cancelled', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const cables = await supplier(db, 'Anhui Cables', 'USD');
    const lamps = await supplier(db, 'Shenzhen Lamps', 'USD');
    const cable = await addSku(db, 'CABLE-03');
    const lamp = await addSku(db, 'LAMP-01');
    // A draft made by hand is not the plan's: the plan still drafts its supplier.
    await savePurchaseOrder(db, { number: '', supplierId: lamps, orderDate: '2026-02-20', expectedDate: '2026-03-30', currency: 'USD', locationId: domestic, note: '', lines: [{ skuId: lamp, qty: '1', unitCost: '1.00' }] });
    const lines: PlanBuyLine[] = [
      { skuId: cable, supplierId: cables, qty: 1200 },
      { skuId: lamp, supplierId: lamps, qty: 500 },
    ];

    const first = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines });
    expect(first.created.map((c) => c.supplier)).toEqual(['Anhui Cables', 'Shenzhen Lamps']);
    const afterFirst = await snapshot(db, ...allTables(db));

    // The same plan again, and the next day's plan: nothing new while the plan drafts are open.
    const again = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines });
    const nextDay = await createDraftsFromPlan(db, { planDate: '2026-03-03', note: NOTE, lines });
    for (const run of [again, nextDay]) {
      expect(run.created).toEqual([]);
      expect(run.skipped).toEqual([
        { supplier: 'Anhui Cables', number: 'PO-2026-0002', planDate: PLAN_DATE },
        { supplier: 'Shenzhen Lamps', number: 'PO-2026-0003', planDate: PLAN_DATE },
      ]);
    }
    expect(await snapshot(db, ...allTables(db))).toEqual(afterFirst);

    // Sent (now on order for the plan) or cancelled, a plan draft no longer holds its supplier back.
    await sendPurchaseOrder(db, (await db.purchaseOrders.where('number').equals('PO-2026-0002').first())!.id);
    await cancelPurchaseOrder(db, (await db.purchaseOrders.where('number').equals('PO-2026-0003').first())!.id);
    const later = await createDraftsFromPlan(db, { planDate: '2026-03-03', note: NOTE, lines });
    expect(later.created).toEqual([
      { supplier: 'Anhui Cables', number: 'PO-2026-0004' },
      { supplier: 'Shenzhen Lamps', number: 'PO-2026-0005' },
    ]);
  });

  test('with no domestic warehouse to receive into, nothing is drafted and the result says so', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    await db.locations.update(domestic, { archived: true });
    const lamps = await supplier(db, 'Shenzhen Lamps', 'USD');
    const lamp = await addSku(db, 'LAMP-01');

    const result = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines: [{ skuId: lamp, supplierId: lamps, qty: 500 }] });

    expect(result).toMatchObject({ noWarehouse: true, created: [] });
    expect(await db.purchaseOrders.count()).toBe(0);
  });

  test('a SKU whose supplier is archived gets no draft: it counts as without a supplier', async () => {
    const db = await freshDb();
    const lamps = await supplier(db, 'Shenzhen Lamps', 'USD');
    const old = await supplier(db, 'Old Lamps Co.', 'USD');
    await db.suppliers.update(old, { archived: true });
    const lamp = await addSku(db, 'LAMP-01', { unitCost: '4.20' });
    const shade = await addSku(db, 'SHADE-02', { unitCost: '1.05' });

    const result = await createDraftsFromPlan(db, { planDate: PLAN_DATE, note: NOTE, lines: [{ skuId: lamp, supplierId: lamps, qty: 500 }, { skuId: shade, supplierId: old, qty: 200 }] });

    expect(result.withoutSupplier).toBe(1);
    expect(result.created).toHaveLength(1);
    expect((await drafts(db)).map((po) => po.supplierId)).toEqual([lamps]);
  });
});
