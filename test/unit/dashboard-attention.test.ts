// The Today screen's lists (shared/dashboard/attention.ts): which shipments are delayed, which
// purchase orders late, which plan lines due within the window, which counts due and which reports
// stale, each in the order the seller should act on them.
import { describe, expect, test } from 'vitest';
import { attentionOf, excessValueMinor, ACTION_WINDOW_DAYS, STALE_DATA_DAYS, STOCKOUT_WINDOW_DAYS } from '../../shared/dashboard/attention';
import type { AttentionBuyLine, AttentionInput, AttentionShipLine } from '../../shared/dashboard/attention';
import { dayNumber } from '../../shared/dates';
import type { PurchaseOrder, Shipment } from '../../shared/model';
import { countDue } from '../../shared/counts';

const TODAY = '2026-11-27';
const day = (offset: number) => dayNumber(TODAY) + offset;

function shipment(id: number, patch: Partial<Shipment>): Shipment {
  return { id, fromLocationId: 1, toLocationId: 2, shipDate: '2026-10-01', status: 'in_transit', lines: [{ skuId: 1, qty: 100 }], ...patch };
}

function purchaseOrder(id: number, patch: Partial<PurchaseOrder>): PurchaseOrder {
  return { id, number: `PO-2026-${String(id).padStart(4, '0')}`, supplierId: 7, status: 'sent', orderDate: '2026-10-01', expectedDate: '2026-11-20', currency: 'CNY', locationId: 1, lines: [{ lineId: 1, skuId: 1, qty: 50, unitCostMinor: 1000 }], receipts: [], note: '', ...patch };
}

function shipLine(patch: Partial<AttentionShipLine>): AttentionShipLine {
  return { skuId: 1, locationId: 2, marketplace: 'US', abc: 'B', shipSea: 0, shipAir: 0, shipByDay: Number.NaN, stockoutDay: Number.NaN, onHand: 10, reservedUnits: 0, ...patch };
}

function buyLine(patch: Partial<AttentionBuyLine>): AttentionBuyLine {
  return { skuId: 1, supplierId: 7, abc: 'B', buyQty: 0, orderByDay: Number.NaN, stockoutDay: Number.NaN, networkOnHand: 0, ...patch };
}

const empty: AttentionInput = { today: TODAY, shipments: [], purchaseOrders: [], plan: { ship: [], buy: [] }, countPlans: [], imports: [] };

describe('delayed shipments (PRODUCT §3: past the ETA and not received)', () => {
  test('past the ETA and open: listed with days late and the units still out, most late first', () => {
    const partly = shipment(2, { eta: '2026-11-25', status: 'partially_received', receipts: [{ date: '2026-11-24', lines: [{ skuId: 1, qty: 40 }] }], fbaShipmentId: 'FBA15ABC' });
    const { delayedShipments } = attentionOf({ ...empty, shipments: [shipment(1, { eta: '2026-11-20', trackingNumber: 'TRK1' }), partly] });
    expect(delayedShipments).toEqual([
      { shipmentId: 1, fromLocationId: 1, toLocationId: 2, eta: '2026-11-20', daysLate: 7, openUnits: 100, reference: 'TRK1' },
      { shipmentId: 2, fromLocationId: 1, toLocationId: 2, eta: '2026-11-25', daysLate: 2, openUnits: 60, reference: 'FBA15ABC' },
    ]);
  });

  test('due today, ahead, without an ETA or received: not delayed', () => {
    const shipments = [shipment(1, { eta: TODAY }), shipment(2, { eta: '2026-12-10' }), shipment(3, {}), shipment(4, { eta: '2026-11-01', status: 'received', receivedDate: '2026-11-02' })];
    expect(attentionOf({ ...empty, shipments }).delayedShipments).toEqual([]);
  });
});

describe('late purchase orders', () => {
  test('sent or partly received, past the expected date, units open: listed with the units still to come', () => {
    const partly = purchaseOrder(2, { status: 'partially_received', expectedDate: '2026-11-26', receipts: [{ date: '2026-11-25', lines: [{ lineId: 1, qty: 20 }], exchangeRate: 1 }] });
    const { latePurchaseOrders } = attentionOf({ ...empty, purchaseOrders: [partly, purchaseOrder(1, {})] });
    expect(latePurchaseOrders).toEqual([
      { purchaseOrderId: 1, number: 'PO-2026-0001', supplierId: 7, expectedDate: '2026-11-20', daysLate: 7, openUnits: 50 },
      { purchaseOrderId: 2, number: 'PO-2026-0002', supplierId: 7, expectedDate: '2026-11-26', daysLate: 1, openUnits: 30 },
    ]);
  });

  test('a draft, a cancelled or received order, and one due today are not late', () => {
    const purchaseOrders = [purchaseOrder(1, { status: 'draft' }), purchaseOrder(2, { status: 'cancelled' }), purchaseOrder(3, { status: 'received' }), purchaseOrder(4, { expectedDate: TODAY })];
    expect(attentionOf({ ...empty, purchaseOrders }).latePurchaseOrders).toEqual([]);
  });
});

describe("the plan's lists", () => {
  test(`orders to place: buy lines with a quantity whose order-by day is within ${ACTION_WINDOW_DAYS} days, soonest and A first`, () => {
    const buy = [
      buyLine({ skuId: 1, buyQty: 100, orderByDay: day(3) }),
      buyLine({ skuId: 2, buyQty: 50, orderByDay: day(0), abc: 'C' }),
      buyLine({ skuId: 3, buyQty: 80, orderByDay: day(0), abc: 'A' }),
      buyLine({ skuId: 4, buyQty: 10, orderByDay: day(ACTION_WINDOW_DAYS + 1) }),
      buyLine({ skuId: 5, buyQty: 0, orderByDay: Number.NaN }),
      buyLine({ skuId: 6, buyQty: 40, orderByDay: day(ACTION_WINDOW_DAYS) }),
    ];
    const { ordersToPlace } = attentionOf({ ...empty, plan: { ship: [], buy } });
    expect(ordersToPlace.map((o) => [o.skuId, o.daysLeft, o.orderBy])).toEqual([
      [3, 0, TODAY],
      [2, 0, TODAY],
      [1, 3, '2026-11-30'],
      [6, 7, '2026-12-04'],
    ]);
    expect(ordersToPlace[0]).toMatchObject({ buyQty: 80, supplierId: 7, abc: 'A' });
  });

  test(`shipments to send and stockouts within ${STOCKOUT_WINDOW_DAYS} days, with whether air bridges them`, () => {
    const ship = [
      shipLine({ skuId: 1, shipSea: 120, shipByDay: day(2), stockoutDay: day(30) }),
      shipLine({ skuId: 2, shipSea: 0, shipAir: 15, shipByDay: day(0), stockoutDay: day(5), onHand: 4 }),
      shipLine({ skuId: 3, shipSea: 60, shipByDay: day(20) }),
      shipLine({ skuId: 4, stockoutDay: day(STOCKOUT_WINDOW_DAYS), onHand: 1 }),
      // All of it reserved: nothing to sell today.
      shipLine({ skuId: 6, stockoutDay: day(1), onHand: 3, reservedUnits: 3 }),
      shipLine({ skuId: 5, stockoutDay: day(STOCKOUT_WINDOW_DAYS + 1) }),
    ];
    const { shipmentsToSend, stockoutsAhead } = attentionOf({ ...empty, plan: { ship, buy: [] } });
    expect(shipmentsToSend.map((s) => [s.skuId, s.seaUnits, s.airUnits, s.daysLeft])).toEqual([
      [2, 0, 15, 0],
      [1, 120, 0, 2],
    ]);
    expect(stockoutsAhead.map((s) => [s.skuId, s.stockout, s.daysLeft, s.airPlanned, s.onHand, s.outNow])).toEqual([
      [6, '2026-11-28', 1, false, 3, true],
      [2, '2026-12-02', 5, true, 4, false],
      [4, '2026-12-11', 14, false, 1, false],
    ]);
  });

  test('a 3PL near FBA sends its own shipment, by its own date, beside home’s', () => {
    const ship = [
      // Home sends 120 by sea in 5 days; the 3PL (location 9) sends 40 today.
      shipLine({ skuId: 1, shipSea: 120, shipByDay: day(5), shipNear: 40, nearLocationId: 9, nearShipByDay: day(0) }),
      // The 3PL's date is beyond the week: only home's is listed.
      shipLine({ skuId: 2, shipAir: 10, shipByDay: day(1), shipNear: 30, nearLocationId: 9, nearShipByDay: day(ACTION_WINDOW_DAYS + 1) }),
      // A 3PL near but nothing to send from it.
      shipLine({ skuId: 3, shipNear: 0, nearLocationId: 9, nearShipByDay: Number.NaN }),
    ];
    const { shipmentsToSend } = attentionOf({ ...empty, plan: { ship, buy: [] } });
    expect(shipmentsToSend.map((s) => [s.skuId, s.fromLocationId, s.seaUnits, s.airUnits, s.nearUnits, s.daysLeft])).toEqual([
      [1, 9, 0, 0, 40, 0],
      [2, null, 0, 10, 0, 1],
      [1, null, 120, 0, 0, 5],
    ]);
  });

  test('a stockout a 3PL’s shipment reaches in time is bridged by it; one it reaches too late is not', () => {
    const ship = [
      // Out in 6 days; the 3PL's 40 land in 5.
      shipLine({ skuId: 1, stockoutDay: day(6), shipNear: 40, nearLocationId: 9, nearLeadDays: 5, nearShipByDay: day(0) }),
      // Out in 3 days; the 3PL needs 5.
      shipLine({ skuId: 2, stockoutDay: day(3), shipNear: 40, nearLocationId: 9, nearLeadDays: 5, nearShipByDay: day(0) }),
      // Air and the 3PL: air is named.
      shipLine({ skuId: 3, stockoutDay: day(9), shipAir: 20, shipNear: 10, nearLocationId: 9, nearLeadDays: 5, nearShipByDay: day(0) }),
    ];
    const { stockoutsAhead } = attentionOf({ ...empty, plan: { ship, buy: [] } });
    expect(stockoutsAhead.map((s) => [s.skuId, s.airPlanned, s.nearPlanned])).toEqual([
      [2, false, false],
      [1, false, true],
      [3, true, true],
    ]);
  });

  test('a SKU sold only from the seller’s own warehouses (no FBA line) is listed by its whole network’s stockout', () => {
    const ship = [shipLine({ skuId: 1, stockoutDay: day(3) })];
    const buy = [
      // Has an FBA line: its network stockout is not listed again.
      buyLine({ skuId: 1, stockoutDay: day(2), networkOnHand: 5 }),
      buyLine({ skuId: 7, stockoutDay: day(6), networkOnHand: 12, abc: 'A' }),
      buyLine({ skuId: 8, stockoutDay: day(STOCKOUT_WINDOW_DAYS + 1), networkOnHand: 100 }),
      buyLine({ skuId: 9, stockoutDay: day(1), networkOnHand: 0 }),
    ];
    const { stockoutsAhead } = attentionOf({ ...empty, plan: { ship, buy } });
    expect(stockoutsAhead.map((s) => [s.skuId, s.locationId, s.daysLeft, s.onHand, s.outNow])).toEqual([
      [9, null, 1, 0, true],
      [1, 2, 3, 10, false],
      [7, null, 6, 12, false],
    ]);
  });

  test('no plan yet: its lists are empty, the others are still made', () => {
    const attention = attentionOf({ ...empty, plan: null, shipments: [shipment(1, { eta: '2026-11-20' })] });
    expect(attention.ordersToPlace).toEqual([]);
    expect(attention.stockoutsAhead).toEqual([]);
    expect(attention.delayedShipments).toHaveLength(1);
  });
});

test('counts due: due and overdue plans, most overdue first; a plan not yet due is left out', () => {
  const plan = (id: number, lastCountedOn: string | null, frequencyMonths: number) => ({ id, name: `Plan ${id}`, locationId: 1, due: countDue({ lastCountedOn, createdOn: '2026-01-01', frequencyMonths, today: TODAY }) });
  const { countsDue } = attentionOf({ ...empty, countPlans: [plan(1, '2026-11-01', 1), plan(2, '2026-09-01', 1), plan(3, '2026-11-20', 6), plan(4, '2026-10-01', 1)] });
  expect(countsDue.map((c) => [c.planId, c.due.status, c.due.daysOverdue])).toEqual([
    [2, 'overdue', 57],
    [4, 'overdue', 26],
    [1, 'due', 0],
  ]);
});

describe('report freshness', () => {
  test(`the newest data of each report the plan reads; ${STALE_DATA_DAYS} days or older is stale`, () => {
    const imports = [
      { reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA', lastDate: '2026-11-10', importedOn: '2026-11-12' },
      { reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA', lastDate: '2026-11-19', importedOn: '2026-11-21' },
      // An older period imported later keeps the newest data day, and says when the seller last imported.
      { reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA', lastDate: '2026-10-31', importedOn: '2026-11-26' },
      { reportKind: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', lastDate: '2026-11-26', importedOn: '2026-11-27' },
      // Listings are not dated data the plan's demand depends on.
      { reportKind: 'GET_MERCHANT_LISTINGS_ALL_DATA', lastDate: '2026-01-01', importedOn: '2026-01-01' },
    ];
    expect(attentionOf({ ...empty, imports }).freshness).toEqual([
      { reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA', lastDataDate: '2026-11-19', importedOn: '2026-11-26', daysOld: 8, stale: true },
      { reportKind: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', lastDataDate: '2026-11-26', importedOn: '2026-11-27', daysOld: 1, stale: false },
    ]);
  });

  test('exactly the limit is stale, a day less is not', () => {
    const at = (lastDate: string) => attentionOf({ ...empty, imports: [{ reportKind: 'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT', lastDate, importedOn: TODAY }] }).freshness[0]!.stale;
    expect(at('2026-11-20')).toBe(true);
    expect(at('2026-11-21')).toBe(false);
  });

  test('the Reserved Inventory report is read by the plan, so its age is shown too', () => {
    const { freshness } = attentionOf({ ...empty, imports: [{ reportKind: 'GET_RESERVED_INVENTORY_DATA', lastDate: '2026-11-01', importedOn: '2026-11-01' }] });
    expect(freshness).toEqual([{ reportKind: 'GET_RESERVED_INVENTORY_DATA', lastDataDate: '2026-11-01', importedOn: '2026-11-01', daysOld: 26, stale: true }]);
  });
});

test('the value above target of an overstocked SKU is its units to clear at its average cost on hand', () => {
  expect(excessValueMinor({ onHandQty: 200, onHandValueMinor: 50_000, clearUnits: 60 })).toBe(15_000);
  // Never more than what is on hand, and nothing with nothing on hand.
  expect(excessValueMinor({ onHandQty: 10, onHandValueMinor: 3_000, clearUnits: 25 })).toBe(3_000);
  expect(excessValueMinor({ onHandQty: 0, onHandValueMinor: 0, clearUnits: 5 })).toBe(0);
});
