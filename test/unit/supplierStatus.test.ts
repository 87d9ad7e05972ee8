import { describe, expect, test } from 'vitest';
import { supplierPlanFigures, supplierSkuIds, supplierStockStatus, unitsInTransit, unitsOnOrder } from '../../shared/purchasing/supplierStatus';
import type { PurchaseOrder, Shipment } from '../../shared/model';
import type { BuyLine, ShipLine } from '../../shared/planning/plan';
import { dayNumber } from '../../shared/dates';

const shipment = (over: Partial<Shipment>): Shipment => ({ id: 1, fromLocationId: 1, toLocationId: 3, shipDate: '2026-01-01', status: 'in_transit', lines: [{ skuId: 1, qty: 100 }], ...over });
const po = (over: Partial<PurchaseOrder>): PurchaseOrder => ({
  id: 1,
  number: 'PO-2026-0001',
  supplierId: 1,
  status: 'sent',
  orderDate: '2026-01-01',
  expectedDate: '2026-02-01',
  currency: 'CNY',
  locationId: 1,
  lines: [{ lineId: 1, skuId: 1, qty: 500, unitCostMinor: 1000 }],
  receipts: [],
  note: '',
  ...over,
});

describe('supplier stock status', () => {
  test('in transit counts open shipments net of partial receipts; closed shipments count nothing', () => {
    const units = unitsInTransit([
      shipment({ id: 1, status: 'partially_received', receipts: [{ date: '2026-01-20', lines: [{ skuId: 1, qty: 40 }] }] }),
      shipment({ id: 2, status: 'received', receipts: [{ date: '2026-01-20', lines: [{ skuId: 1, qty: 100 }] }] }),
      shipment({ id: 3, lines: [{ skuId: 2, qty: 7 }] }),
    ]);
    expect(units).toEqual(new Map([[1, 60], [2, 7]]));
  });

  test('on order counts sent and partially received POs net of receipts; drafts, received and cancelled count nothing', () => {
    const units = unitsOnOrder([
      po({ id: 1, status: 'partially_received', receipts: [{ date: '2026-01-10', exchangeRate: 1, lines: [{ lineId: 1, qty: 200 }] }] }),
      po({ id: 2, status: 'draft' }),
      po({ id: 3, status: 'cancelled' }),
      po({ id: 4, status: 'received' }),
      po({ id: 5, status: 'sent', lines: [{ lineId: 1, skuId: 2, qty: 30, unitCostMinor: 5 }] }),
    ]);
    expect(units).toEqual(new Map([[1, 300], [2, 30]]));
  });

  test('one row per SKU, stock split by kind of location, sorted by code', () => {
    const rows = supplierStockStatus({
      skus: [
        { id: 2, code: 'B-2', name: 'Bee' },
        { id: 1, code: 'A-1', name: 'Ay' },
      ],
      balances: [
        { skuId: 1, locationId: 1, qty: 10 },
        { skuId: 1, locationId: 3, qty: 25 },
        { skuId: 1, locationId: 4, qty: 5 },
        { skuId: 1, locationId: 2, qty: 100 },
        { skuId: 9, locationId: 1, qty: 1 },
      ],
      locationKind: new Map([[1, 'domestic'], [2, 'transit'], [3, 'fba'], [4, '3pl']]),
      shipments: [shipment({})],
      soldUnits: new Map([[1, 42]]),
      purchaseOrders: [po({})],
    });
    expect(rows).toEqual([
      { skuId: 1, code: 'A-1', name: 'Ay', domesticUnits: 10, overseasUnits: 5, fbaUnits: 25, inTransitUnits: 100, soldUnits: 42, onOrderUnits: 500, forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null },
      { skuId: 2, code: 'B-2', name: 'Bee', domesticUnits: 0, overseasUnits: 0, fbaUnits: 0, inTransitUnits: 0, soldUnits: 0, onOrderUnits: 0, forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null },
    ]);
  });
});

// Plan lines with the fields the sheet reads.
type SheetBuyLine = Pick<BuyLine, 'skuId' | 'supplierId' | 'buyQty' | 'orderByDay' | 'forecast30Units' | 'ownDailyDemand'>;
const buyLine = (over: Partial<SheetBuyLine> & Pick<BuyLine, 'skuId'>): SheetBuyLine => ({ supplierId: 7, buyQty: 0, orderByDay: Number.NaN, forecast30Units: 0, ownDailyDemand: 0, ...over });
const shipLine = (skuId: number, locationId: number) => ({ skuId, locationId }) satisfies Pick<ShipLine, 'skuId' | 'locationId'>;

describe('the supplier sheet’s forecast and suggested order, from the plan', () => {
  const DEC_10 = dayNumber('2026-12-10');
  const plan = {
    // SKU 1 sells in two marketplaces, 2–4 in one, 5 and 6 never sold.
    ship: [shipLine(1, 10), shipLine(1, 11), shipLine(2, 10), shipLine(3, 10), shipLine(4, 10), shipLine(9, 10)],
    buy: [
      buyLine({ skuId: 1, forecast30Units: 419.6, buyQty: 600, orderByDay: DEC_10 }),
      buyLine({ skuId: 2, forecast30Units: 12.4, buyQty: 0 }),
      buyLine({ skuId: 3, supplierId: 8, forecast30Units: 90, buyQty: 100, orderByDay: DEC_10 }),
      buyLine({ skuId: 4, supplierId: null, forecast30Units: 30, buyQty: 50, orderByDay: DEC_10 + 3 }),
      buyLine({ skuId: 5 }),
      buyLine({ skuId: 9, forecast30Units: 5, buyQty: 10, orderByDay: DEC_10 }),
      // Sold only from the seller's 3PL: no ship line, but a history all the same.
      buyLine({ skuId: 6, forecast30Units: 60, buyQty: 80, orderByDay: DEC_10, ownDailyDemand: 2 }),
    ],
  };

  test('per SKU of the supplier: the 30-day forecast in whole units, the buy quantity and its order-by date', () => {
    const figures = supplierPlanFigures(plan, 7, [1, 2, 3, 4, 5, 6, 10]);
    expect(Object.fromEntries(figures)).toEqual({
      1: { forecast30Units: 420, suggestedOrderUnits: 600, orderBy: '2026-12-10', hasSalesHistory: true },
      // Forecast but nothing to buy: no suggestion.
      2: { forecast30Units: 12, suggestedOrderUnits: 0, orderBy: null, hasSalesHistory: true },
      // Bought from supplier 8: its forecast is shown, its order is not suggested to supplier 7.
      3: { forecast30Units: 90, suggestedOrderUnits: 0, orderBy: null, hasSalesHistory: true },
      // No supplier assigned yet: the supplier whose PO holds it gets the suggestion.
      4: { forecast30Units: 30, suggestedOrderUnits: 50, orderBy: '2026-12-13', hasSalesHistory: true },
      // Never sold: forecast 0, no suggestion, no history.
      5: { forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null, hasSalesHistory: false },
      // Sold only from a 3PL: its own warehouse's sales are its history.
      6: { forecast30Units: 60, suggestedOrderUnits: 80, orderBy: '2026-12-10', hasSalesHistory: true },
      // Not in the plan at all (archived): the same as never sold.
      10: { forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null, hasSalesHistory: false },
    });
  });

  test('a supplier with no SKUs gets no figures; an empty plan gives zeros', () => {
    expect(supplierPlanFigures(plan, 7, []).size).toBe(0);
    expect(Object.fromEntries(supplierPlanFigures({ ship: [], buy: [] }, 7, [1]))).toEqual({ 1: { forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null, hasSalesHistory: false } });
  });

  test('the sheet’s rows carry the figures; a SKU without figures shows forecast 0 and no suggestion', () => {
    const rows = supplierStockStatus({
      skus: [
        { id: 1, code: 'A-1', name: 'Ay' },
        { id: 5, code: 'E-5', name: 'Ee' },
      ],
      balances: [],
      locationKind: new Map(),
      shipments: [],
      soldUnits: new Map(),
      purchaseOrders: [],
      planFigures: new Map([[1, { forecast30Units: 420, suggestedOrderUnits: 600, orderBy: '2026-12-10', hasSalesHistory: true }]]),
    });
    expect(rows.map((r) => [r.code, r.forecast30Units, r.suggestedOrderUnits, r.orderBy])).toEqual([
      ['A-1', 420, 600, '2026-12-10'],
      ['E-5', 0, 0, null],
    ]);
  });

  test('a supplier’s SKUs: sourced from it or on its purchase orders, each once; none when it has neither', () => {
    expect(supplierSkuIds(1, [3, 2], [po({ supplierId: 1 }), po({ supplierId: 2, lines: [{ lineId: 1, skuId: 8, qty: 1, unitCostMinor: 1 }] }), po({ supplierId: 1, lines: [{ lineId: 1, skuId: 2, qty: 1, unitCostMinor: 1 }] })])).toEqual([1, 2, 3]);
    expect(supplierSkuIds(5, [], [po({ supplierId: 1 })])).toEqual([]);
  });
});
