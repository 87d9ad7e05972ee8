import { describe, expect, test } from 'vitest';
import { FALLBACK_DAYS, routeLeadTimes, skuLegKey, transportKey } from '../../shared/purchasing/routeLeadTimes';
import type { Shipment, Supplier } from '../../shared/model';

const supplier: Supplier = { id: 1, name: 'F', contact: '', currency: 'CNY', productionDaysMean: 20, productionDaysSd: 4, moq: 0, paymentTerms: '', archived: false };
const closed = (id: number, shipDate: string, arrived: string): Shipment => ({
  id,
  fromLocationId: 1,
  toLocationId: 3,
  shipDate,
  status: 'received',
  mode: 'sea',
  lines: [{ skuId: 1, qty: 10 }],
  receipts: [{ date: arrived, lines: [{ skuId: 1, qty: 10 }] }],
  receivedDate: arrived,
});
const route = { fromLocationId: 1, toLocationId: 3, mode: 'sea' as const, destinationKind: 'fba' as const };

describe('lead-time legs of a SKU on a route', () => {
  test('nothing set, no history: the supplier’s production days and the fallbacks', () => {
    const legs = routeLeadTimes({ skuId: 1, supplier, route, saved: new Map(), shipments: [], purchaseOrders: [] });
    expect(legs.production).toEqual({ meanDays: 20, sdDays: 4, source: 'default', samples: 0 });
    expect(legs.handling).toMatchObject({ ...FALLBACK_DAYS.handling, source: 'default' });
    expect(legs.transport).toMatchObject({ meanDays: 35, sdDays: 7, source: 'default' });
    expect(legs.receiving).toMatchObject({ meanDays: 7, sdDays: 3, source: 'default' });
  });

  test('three closed sea shipments on the route teach the transport leg (30, 35, 40 days → 35 ± 5)', () => {
    const shipments = [closed(1, '2026-01-01', '2026-01-31'), closed(2, '2026-02-01', '2026-03-08'), closed(3, '2026-03-01', '2026-04-10')];
    const legs = routeLeadTimes({ skuId: 1, supplier, route, saved: new Map([[transportKey(1, 3, 'sea'), { meanDays: 50, sdDays: 9 }]]), shipments, purchaseOrders: [] });
    expect(legs.transport).toEqual({ meanDays: 35, sdDays: 5, source: 'learned', samples: 3 });
  });

  test('two shipments are not enough history: the route default the seller set applies', () => {
    const shipments = [closed(1, '2026-01-01', '2026-01-31'), closed(2, '2026-02-01', '2026-03-08')];
    const legs = routeLeadTimes({ skuId: 1, supplier, route, saved: new Map([[transportKey(1, 3, 'sea'), { meanDays: 50, sdDays: 9 }]]), shipments, purchaseOrders: [] });
    expect(legs.transport).toMatchObject({ meanDays: 50, sdDays: 9, source: 'default' });
  });

  test('a SKU override wins over history and defaults', () => {
    const shipments = [closed(1, '2026-01-01', '2026-01-31'), closed(2, '2026-02-01', '2026-03-08'), closed(3, '2026-03-01', '2026-04-10')];
    const legs = routeLeadTimes({ skuId: 1, supplier, route, saved: new Map([[skuLegKey(1, 'transport:sea'), { meanDays: 45, sdDays: 2 }]]), shipments, purchaseOrders: [] });
    expect(legs.transport).toMatchObject({ meanDays: 45, sdDays: 2, source: 'override' });
  });
});
