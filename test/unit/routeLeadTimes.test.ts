import { describe, expect, test } from 'vitest';
import { checkLegDays, FALLBACK_DAYS, MAX_LEG_DAYS, parseLegDaysDraft, routeLeadTimes, skuLegKey, transportKey } from '../../shared/purchasing/routeLeadTimes';
import { errorOf } from './domainErrorKit';
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

describe('a leg typed by the seller (parseLegDaysDraft)', () => {
  test.each([
    ['plain days', { mean: '35', sd: '7' }, { meanDays: 35, sdDays: 7 }],
    ['an empty spread is 0', { mean: '8', sd: '' }, { meanDays: 8, sdDays: 0 }],
    ['a decimal comma', { mean: '12,5', sd: '2,5' }, { meanDays: 12.5, sdDays: 2.5 }],
    ['full-width digits from a Chinese input method', { mean: '４０', sd: '５' }, { meanDays: 40, sdDays: 5 }],
    ['the longest leg allowed', { mean: String(MAX_LEG_DAYS), sd: '0' }, { meanDays: MAX_LEG_DAYS, sdDays: 0 }],
  ])('%s', (_name, draft, days) => {
    expect(parseLegDaysDraft(draft)).toEqual(days);
  });

  test.each([
    ['no mean', { mean: ' ', sd: '1' }, { code: 'field.required', params: { field: 'leadTimeMeanDays' } }],
    ['a negative mean', { mean: '-3', sd: '' }, { code: 'field.negative', params: { field: 'leadTimeMeanDays', value: '-3' } }],
    ['a spread that is no number', { mean: '30', sd: 'abc' }, { code: 'field.notNumber', params: { field: 'leadTimeSdDays', value: 'abc' } }],
    ['a hex number Number() would read', { mean: '0x10', sd: '' }, { code: 'field.notNumber', params: { field: 'leadTimeMeanDays', value: '0x10' } }],
    ['a slip of the keyboard (4000 for 40)', { mean: '4000', sd: '' }, { code: 'field.outOfRange', params: { field: 'leadTimeMeanDays', value: '4000', min: 0, max: MAX_LEG_DAYS } }],
  ])('%s is refused, naming the field and what was typed', (_name, draft, refusal) => {
    expect(errorOf(() => parseLegDaysDraft(draft))).toEqual(refusal);
  });

  test.each([
    [{ meanDays: -3, sdDays: 0 }, { code: 'field.negative', params: { field: 'leadTimeMeanDays', value: '-3' } }],
    [{ meanDays: 3, sdDays: Number.NaN }, { code: 'field.notNumber', params: { field: 'leadTimeSdDays', value: 'NaN' } }],
    [{ meanDays: 1e9, sdDays: 0 }, { code: 'field.outOfRange', params: { field: 'leadTimeMeanDays', value: '1000000000', min: 0, max: MAX_LEG_DAYS } }],
  ])('days handed over as numbers are held to the same rule: %o', (days, refusal) => {
    expect(errorOf(() => checkLegDays(days))).toEqual(refusal);
  });
});
