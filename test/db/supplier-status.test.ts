// The supplier stock status (VMI) sheet's forecast and suggested order through a real (fake-IndexedDB)
// database: the figures come from the very plan runPlan makes for the Plan screen, for the supplier's
// SKUs only; a SKU that never sold forecasts 0 with no suggestion; a supplier with no SKUs gets none.
import { planViews } from '../../shared/planning/planColumns';
import { afterEach, describe, expect, test } from 'vitest';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { runPlan } from '../../renderer/db/planning';
import { saveSupplier, setSkuSupplier } from '../../renderer/db/purchasing';
import { supplierPlan } from '../../renderer/db/supplierStatus';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { Movement } from '../../shared/model';
import { supplierSkuIds, supplierStockStatus } from '../../shared/purchasing/supplierStatus';
import { addFba, addSku, disposeDatabases, freshDb, NOW } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-03-02';
const SALES_DAYS = 120;
const UNITS_A_DAY = 5;

type Row = Pick<Movement, 'date' | 'skuId' | 'locationId' | 'qty' | 'type'> & { unitCostMinor?: number };

async function seller() {
  const db = await freshDb();
  // Case pack 50 and MOQ 500 (the helper's defaults).
  const sold = await addSku(db, 'LAMP-01');
  const neverSold = await addSku(db, 'SHADE-02');
  const elsewhere = await addSku(db, 'BULB-03');
  const fba = await addFba(db, 'US');
  const supplier = await saveSupplier(db, { name: 'Shenzhen Lamps', contact: '', currency: 'USD', productionDaysMean: '30', productionDaysSd: '5', moq: '', paymentTerms: '' });
  const idle = await saveSupplier(db, { name: 'No SKUs Ltd.', contact: '', currency: 'USD', productionDaysMean: '30', productionDaysSd: '', moq: '', paymentTerms: '' });
  await setSkuSupplier(db, sold, supplier);
  await setSkuSupplier(db, neverSold, supplier);
  // 800 units at FBA, then a flat 5 a day for 120 days up to today: 200 left, far below 60+ days of lead time.
  const firstSale = addDays(TODAY, -(SALES_DAYS - 1));
  const rows: Row[] = [{ date: addDays(firstSale, -1), skuId: sold, locationId: fba, qty: 800, type: 'receipt', unitCostMinor: 250 }];
  for (let i = 0; i < SALES_DAYS; i++) rows.push({ date: addDays(firstSale, i), skuId: sold, locationId: fba, qty: -UNITS_A_DAY, type: 'sale' });
  rows.push({ date: addDays(firstSale, 5), skuId: elsewhere, locationId: fba, qty: 40, type: 'receipt', unitCostMinor: 100 });
  for (let i = 10; i < SALES_DAYS; i++) rows.push({ date: addDays(firstSale, i), skuId: elsewhere, locationId: fba, qty: -(i % 3 === 0 ? 1 : 0), type: 'sale' });
  await appendMovementBatch(db, { id: 'amazon', kind: 'import', label: 'Amazon ledger', createdAt: NOW }, columnsFromMovements(rows.filter((r) => r.qty !== 0).map((r, i) => ({ ...r, id: i + 1 }))));
  return { db, sold, neverSold, elsewhere, supplier, idle };
}

describe('the supplier stock status sheet’s plan figures', () => {
  test('the sheet’s rows carry the plan’s buy quantity and order-by date, and its 30-day forecast', async () => {
    const { db, sold, neverSold, supplier } = await seller();
    const skuIds = supplierSkuIds(supplier, [sold, neverSold], []);
    const { figures } = await supplierPlan(db, { today: TODAY, supplierId: supplier, skuIds });
    // The same plan the Plan screen shows.
    const plan = planViews((await runPlan(db, { today: TODAY })).plan);
    const buy = plan.buy.find((l) => l.skuId === sold)!;
    expect(buy.supplierId).toBe(supplier);
    expect(buy.buyQty).toBeGreaterThanOrEqual(500); // at least the MOQ
    expect(buy.buyQty % 50).toBe(0); // whole cases

    const rows = supplierStockStatus({
      skus: [
        { id: sold, code: 'LAMP-01', name: 'Desk lamp' },
        { id: neverSold, code: 'SHADE-02', name: 'Lamp shade' },
      ],
      balances: [],
      locationKind: new Map(),
      shipments: [],
      soldUnits: new Map(),
      purchaseOrders: [],
      planFigures: figures,
    });
    // A flat 5 a day forecasts 5 × 30 = 150 over the next 30 days.
    expect(rows[0]).toMatchObject({ code: 'LAMP-01', forecast30Units: 150, suggestedOrderUnits: buy.buyQty, orderBy: expect.stringMatching(/^2026-\d\d-\d\d$/) });
    expect(rows[0]!.orderBy! >= TODAY).toBe(true);
    // Never sold: forecast 0 and no suggestion.
    expect(rows[1]).toMatchObject({ code: 'SHADE-02', forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null });
    expect(figures.get(neverSold)?.hasSalesHistory).toBe(false);
    expect(figures.get(sold)?.hasSalesHistory).toBe(true);
  });

  test('a supplier with no SKUs gets no figures, and only the asked SKUs come back', async () => {
    const { db, sold, elsewhere, idle } = await seller();
    expect(supplierSkuIds(idle, [], [])).toEqual([]);
    expect((await supplierPlan(db, { today: TODAY, supplierId: idle, skuIds: [] })).figures.size).toBe(0);
    // Only the SKUs asked for come back: BULB-03 sells too, but was not asked for.
    const { figures } = await supplierPlan(db, { today: TODAY, supplierId: idle, skuIds: [sold] });
    expect([...figures.keys()]).toEqual([sold]);
    expect(figures.has(elsewhere)).toBe(false);
    // LAMP-01 is bought from another supplier: no order is suggested to this one.
    expect(figures.get(sold)).toMatchObject({ forecast30Units: 150, suggestedOrderUnits: 0, orderBy: null });
  });

  test('with no sales history at all, every SKU forecasts 0 and nothing is suggested', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'NEW-01');
    await addFba(db, 'US');
    const supplier = await saveSupplier(db, { name: 'New Co.', contact: '', currency: 'USD', productionDaysMean: '20', productionDaysSd: '', moq: '', paymentTerms: '' });
    await setSkuSupplier(db, sku, supplier);
    const { figures } = await supplierPlan(db, { today: TODAY, supplierId: supplier, skuIds: [sku] });
    expect(Object.fromEntries(figures)).toEqual({ [sku]: { forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null, hasSalesHistory: false } });
  });
});
