// The seller's lead-time defaults for every SKU (PRODUCT §3): handling where goods leave, receiving
// where they arrive, transport per route — where each may be set, the figure that applies, and
// which of them the replenishment plan reads.
import { describe, expect, test } from 'vitest';
import {
  FALLBACK_DAYS,
  checkLegDefaultTarget,
  fallbackDays,
  handlingKey,
  legDefaultKey,
  legInUse,
  planReadsLegDefault,
  planShipOrigin,
  receivingKey,
  routeLeadTimes,
  routeOfTransportKey,
  transportKey,
} from '../../shared/purchasing/routeLeadTimes';
import type { LegDefaultTarget } from '../../shared/purchasing/routeLeadTimes';
import { learnDays } from '../../shared/purchasing/leadTimes';
import type { Location, ShipmentMode } from '../../shared/model';
import { errorOf } from './domainErrorKit';

const locations: Location[] = [
  { id: 1, name: 'Old warehouse', kind: 'domestic', archived: true },
  { id: 2, name: 'Shenzhen warehouse', kind: 'domestic', archived: false },
  { id: 3, name: 'In transit', kind: 'transit', archived: false },
  { id: 4, name: 'FBA US', kind: 'fba', marketplace: 'US', archived: false },
  { id: 5, name: '3PL LA', kind: '3pl', archived: false },
];
const route = (fromLocationId: number, toLocationId: number, mode: ShipmentMode = 'sea'): LegDefaultTarget => ({ leg: 'transport', fromLocationId, toLocationId, mode });

describe('the key a default is saved under', () => {
  test('is the key the plan reads it by', () => {
    expect(legDefaultKey({ leg: 'handling', locationId: 2 })).toBe('handling:2');
    expect(legDefaultKey({ leg: 'receiving', locationId: 4 })).toBe('receiving:4');
    expect(legDefaultKey(route(2, 4, 'air'))).toBe('transport:2>4:air');
    expect(legDefaultKey({ leg: 'handling', locationId: 2 })).toBe(handlingKey(2));
    expect(legDefaultKey({ leg: 'receiving', locationId: 4 })).toBe(receivingKey(4));
  });

  test('a transport key gives back its route; any other key gives nothing', () => {
    expect(routeOfTransportKey(transportKey(2, 4, 'sea'))).toEqual({ fromLocationId: 2, toLocationId: 4, mode: 'sea' });
    expect(routeOfTransportKey('transport:12>40:truck')).toEqual({ fromLocationId: 12, toLocationId: 40, mode: 'truck' });
    expect(routeOfTransportKey('handling:2')).toBeNull();
    expect(routeOfTransportKey('sku:7:transport:sea')).toBeNull();
    expect(routeOfTransportKey('transport:2>4:boat')).toBeNull();
  });
});

describe('where a default may be set', () => {
  test.each<[string, LegDefaultTarget]>([
    ['handling at the domestic warehouse', { leg: 'handling', locationId: 2 }],
    ['handling at a 3PL', { leg: 'handling', locationId: 5 }],
    ['receiving at FBA', { leg: 'receiving', locationId: 4 }],
    ['receiving at a 3PL', { leg: 'receiving', locationId: 5 }],
    ['a sea route to FBA with no shipment on it yet', route(2, 4, 'sea')],
    ['a 3PL to FBA by truck', route(5, 4, 'truck')],
  ])('%s', (_name, target) => {
    expect(() => checkLegDefaultTarget(target, locations)).not.toThrow();
  });

  test.each<[string, LegDefaultTarget, { code: string; params: Record<string, unknown> }]>([
    ['handling at FBA', { leg: 'handling', locationId: 4 }, { code: 'field.unknownChoice', params: { field: 'location', value: 'FBA US' } }],
    ['receiving at the domestic warehouse', { leg: 'receiving', locationId: 2 }, { code: 'field.unknownChoice', params: { field: 'location', value: 'Shenzhen warehouse' } }],
    ['an archived warehouse', { leg: 'handling', locationId: 1 }, { code: 'field.unknownChoice', params: { field: 'location', value: 'Old warehouse' } }],
    ['a location that is gone', { leg: 'receiving', locationId: 99 }, { code: 'location.notFound', params: { field: 'location', value: '99' } }],
    ['a route to itself', route(2, 2), { code: 'movement.sameLocation', params: {} }],
    ['a route into the transit location', route(2, 3), { code: 'field.unknownChoice', params: { field: 'to', value: 'In transit' } }],
    ['a route from a location that is gone', route(98, 4), { code: 'location.notFound', params: { field: 'from', value: '98' } }],
    ['an unknown mode', route(2, 4, 'boat' as ShipmentMode), { code: 'field.unknownChoice', params: { field: 'mode', value: 'boat' } }],
  ])('%s is refused, naming the field and the location', (_name, target, refusal) => {
    expect(errorOf(() => checkLegDefaultTarget(target, locations))).toEqual(refusal);
  });
});

describe('the figure a leg takes for every SKU without its own', () => {
  const closedSea = learnDays([30, 35, 40]); // mean 35; squares 25 + 0 + 25 over n − 1 = 2: sd 5

  test('nothing saved, no history: the standard figure (handling 2 ± 1, FBA check-in 7 ± 3, 3PL 2 ± 1, air 8 ± 2)', () => {
    expect(fallbackDays({ leg: 'handling', locationId: 2 }, 'domestic')).toEqual({ meanDays: 2, sdDays: 1 });
    expect(fallbackDays({ leg: 'receiving', locationId: 4 }, 'fba')).toEqual({ meanDays: 7, sdDays: 3 });
    expect(fallbackDays({ leg: 'receiving', locationId: 5 }, '3pl')).toEqual({ meanDays: 2, sdDays: 1 });
    expect(fallbackDays(route(2, 4, 'air'), 'fba')).toEqual({ meanDays: 8, sdDays: 2 });
    expect(legInUse(null, undefined, FALLBACK_DAYS.handling)).toEqual({ meanDays: 2, sdDays: 1, source: 'standard', samples: 0 });
  });

  test('the seller’s default replaces the standard figure', () => {
    expect(legInUse(null, { meanDays: 4, sdDays: 1.5 }, FALLBACK_DAYS.handling)).toEqual({ meanDays: 4, sdDays: 1.5, source: 'saved', samples: 0 });
  });

  test('three closed shipments (30, 35, 40 days) replace the default: 35 ± 5', () => {
    expect(legInUse(closedSea, { meanDays: 50, sdDays: 9 }, FALLBACK_DAYS.transport.sea)).toEqual({ meanDays: 35, sdDays: 5, source: 'learned', samples: 3 });
    expect(legInUse(closedSea, undefined, FALLBACK_DAYS.transport.sea)).toEqual({ meanDays: 35, sdDays: 5, source: 'learned', samples: 3 });
  });

  test('two closed shipments are not enough: the default still applies', () => {
    expect(legInUse(learnDays([30, 40]), { meanDays: 50, sdDays: 9 }, FALLBACK_DAYS.transport.sea)).toEqual({ meanDays: 50, sdDays: 9, source: 'saved', samples: 0 });
    expect(legInUse(learnDays([30, 40]), undefined, FALLBACK_DAYS.transport.sea)).toEqual({ meanDays: 35, sdDays: 7, source: 'standard', samples: 0 });
  });

  test('routeLeadTimes reads the saved handling at the origin and receiving at the destination', () => {
    const saved = new Map([
      [handlingKey(2), { meanDays: 3, sdDays: 0.5 }],
      [receivingKey(4), { meanDays: 12, sdDays: 4 }],
      [handlingKey(5), { meanDays: 9, sdDays: 9 }],
    ]);
    const legs = routeLeadTimes({ skuId: 1, supplier: undefined, route: { fromLocationId: 2, toLocationId: 4, mode: 'sea', destinationKind: 'fba' }, saved, shipments: [], purchaseOrders: [] });
    expect(legs.handling).toEqual({ meanDays: 3, sdDays: 0.5, source: 'default', samples: 0 });
    expect(legs.receiving).toEqual({ meanDays: 12, sdDays: 4, source: 'default', samples: 0 });
  });
});

describe('which defaults the plan reads', () => {
  test('it ships from the first domestic warehouse not archived', () => {
    expect(planShipOrigin(locations)?.id).toBe(2);
    expect(planShipOrigin(locations.filter((l) => l.kind !== 'domestic'))).toBeUndefined();
  });

  test.each<[string, LegDefaultTarget, boolean]>([
    ['handling at its origin', { leg: 'handling', locationId: 2 }, true],
    ['handling at a 3PL', { leg: 'handling', locationId: 5 }, false],
    ['receiving at FBA', { leg: 'receiving', locationId: 4 }, true],
    ['receiving at a 3PL', { leg: 'receiving', locationId: 5 }, false],
    ['sea from its origin to FBA', route(2, 4, 'sea'), true],
    ['air from its origin to FBA', route(2, 4, 'air'), true],
    ['express from its origin to FBA', route(2, 4, 'express'), false],
    ['sea from a 3PL to FBA', route(5, 4, 'sea'), false],
    ['sea from its origin to a 3PL', route(2, 5, 'sea'), false],
  ])('%s: %s', (_name, target, read) => {
    expect(planReadsLegDefault(target, locations)).toBe(read);
  });

  // With the 3PL's route to FBA by truck known (a shipment on it, or a default), the plan ships on it.
  test.each<[string, LegDefaultTarget, boolean]>([
    ['handling at the 3PL', { leg: 'handling', locationId: 5 }, true],
    ['truck from the 3PL to FBA', route(5, 4, 'truck'), true],
    ['sea from the 3PL to FBA (not its mode)', route(5, 4, 'sea'), false],
    ['sea from its origin to FBA, still', route(2, 4, 'sea'), true],
  ])('with a 3PL route, %s', (_name, target, read) => {
    expect(planReadsLegDefault(target, locations, [{ fromLocationId: 5, toLocationId: 4, mode: 'truck' }])).toBe(read);
  });
});
