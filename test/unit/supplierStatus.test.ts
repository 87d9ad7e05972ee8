import { describe, expect, test } from 'vitest';
import { supplierStockStatus, unitsInTransit, unitsOnOrder } from '../../shared/purchasing/supplierStatus';
import type { PurchaseOrder, Shipment } from '../../shared/model';

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
      { skuId: 1, code: 'A-1', name: 'Ay', domesticUnits: 10, overseasUnits: 5, fbaUnits: 25, inTransitUnits: 100, soldUnits: 42, onOrderUnits: 500 },
      { skuId: 2, code: 'B-2', name: 'Bee', domesticUnits: 0, overseasUnits: 0, fbaUnits: 0, inTransitUnits: 0, soldUnits: 0, onOrderUnits: 0 },
    ]);
  });
});
