// The routes a 3PL ships to FBA on (shared/purchasing/routeLeadTimes.ts nearRoutes, PRODUCT §4.4: the
// plan ships from the domestic warehouse or a 3PL): a 3PL → FBA route the seller used (a shipment,
// whatever its status) or gave a transport default, by the mode most of its shipments took, else the
// saved default's. Table tests over small hand-built locations, shipments and saved keys.
import { describe, expect, test } from 'vitest';
import type { Location, LocationKind, Shipment, ShipmentMode } from '../../shared/model';
import { handlingKey, nearRoutes, receivingKey, skuLegKey, transportKey } from '../../shared/purchasing/routeLeadTimes';
import type { NearRoute } from '../../shared/purchasing/routeLeadTimes';

const DOMESTIC = 1;
const TPL = 3;
const TPL_2 = 4;
const FBA_US = 10;
const FBA_DE = 11;

function place(id: number, kind: LocationKind, archived = false): Location {
  return { id, name: `${kind} ${id}`, kind, archived, ...(kind === 'fba' ? { marketplace: id === FBA_DE ? 'DE' : 'US' } : {}) };
}

const LOCATIONS: Location[] = [place(DOMESTIC, 'domestic'), place(2, 'transit'), place(TPL, '3pl'), place(TPL_2, '3pl'), place(FBA_US, 'fba'), place(FBA_DE, 'fba')];

let nextId = 1;
function shipment(from: number, to: number, mode: ShipmentMode | undefined, status: Shipment['status'] = 'received'): Shipment {
  return { id: nextId++, fromLocationId: from, toLocationId: to, shipDate: '2026-01-05', status, lines: [{ skuId: 1, qty: 10 }], ...(mode ? { mode } : {}) };
}

const route = (fromLocationId: number, toLocationId: number, mode: ShipmentMode): NearRoute => ({ fromLocationId, toLocationId, mode });

interface Case {
  name: string;
  locations?: Location[];
  shipments?: Shipment[];
  saved?: string[];
  expected: NearRoute[];
}

const CASES: Case[] = [
  { name: 'nothing shipped and nothing saved: no route', expected: [] },
  { name: 'a received truck shipment 3PL → FBA is a route by truck', shipments: [shipment(TPL, FBA_US, 'truck')], expected: [route(TPL, FBA_US, 'truck')] },
  { name: 'a shipment still in transit counts as well', shipments: [shipment(TPL, FBA_US, 'express', 'in_transit')], expected: [route(TPL, FBA_US, 'express')] },
  { name: 'so does a partly received one', shipments: [shipment(TPL, FBA_US, 'rail', 'partially_received')], expected: [route(TPL, FBA_US, 'rail')] },
  { name: 'a saved transport default alone makes the route, by its mode', saved: [transportKey(TPL, FBA_US, 'truck')], expected: [route(TPL, FBA_US, 'truck')] },
  {
    name: 'two saved defaults on one route and no shipment: the first mode in SHIPMENT_MODES (air before truck)',
    saved: [transportKey(TPL, FBA_US, 'truck'), transportKey(TPL, FBA_US, 'air')],
    expected: [route(TPL, FBA_US, 'air')],
  },
  {
    name: 'the mode most shipments took: 2 by truck beat 1 by sea',
    shipments: [shipment(TPL, FBA_US, 'sea'), shipment(TPL, FBA_US, 'truck'), shipment(TPL, FBA_US, 'truck', 'in_transit')],
    expected: [route(TPL, FBA_US, 'truck')],
  },
  {
    name: 'a tie goes to the first mode in SHIPMENT_MODES: 1 truck and 1 air → air',
    shipments: [shipment(TPL, FBA_US, 'truck'), shipment(TPL, FBA_US, 'air')],
    expected: [route(TPL, FBA_US, 'air')],
  },
  {
    name: 'a tie of rail and sea → sea (first in SHIPMENT_MODES), whatever order the shipments come in',
    shipments: [shipment(TPL, FBA_US, 'rail'), shipment(TPL, FBA_US, 'rail'), shipment(TPL, FBA_US, 'sea'), shipment(TPL, FBA_US, 'sea')],
    expected: [route(TPL, FBA_US, 'sea')],
  },
  {
    name: 'shipments decide the mode over a saved default: 1 truck shipment beats a saved sea default',
    shipments: [shipment(TPL, FBA_US, 'truck')],
    saved: [transportKey(TPL, FBA_US, 'sea')],
    expected: [route(TPL, FBA_US, 'truck')],
  },
  {
    name: 'a shipment with no mode (saved before modes existed) leaves the mode to the saved default',
    shipments: [shipment(TPL, FBA_US, undefined)],
    saved: [transportKey(TPL, FBA_US, 'rail')],
    expected: [route(TPL, FBA_US, 'rail')],
  },
  {
    name: 'an archived 3PL has no route, by shipment or by default',
    locations: LOCATIONS.map((l) => (l.id === TPL ? { ...l, archived: true } : l)),
    shipments: [shipment(TPL, FBA_US, 'truck')],
    saved: [transportKey(TPL, FBA_DE, 'truck')],
    expected: [],
  },
  {
    name: 'an archived FBA location has none either; the 3PL’s route to another stays',
    locations: LOCATIONS.map((l) => (l.id === FBA_US ? { ...l, archived: true } : l)),
    shipments: [shipment(TPL, FBA_US, 'truck'), shipment(TPL, FBA_DE, 'air')],
    saved: [transportKey(TPL, FBA_US, 'sea')],
    expected: [route(TPL, FBA_DE, 'air')],
  },
  {
    name: 'domestic → FBA is the home leg, not a near route',
    shipments: [shipment(DOMESTIC, FBA_US, 'sea'), shipment(DOMESTIC, FBA_DE, 'air')],
    saved: [transportKey(DOMESTIC, FBA_US, 'truck')],
    expected: [],
  },
  {
    name: 'FBA → 3PL (a removal) is not a route; nor is 3PL → 3PL or 3PL → domestic',
    shipments: [shipment(FBA_US, TPL, 'truck'), shipment(TPL, TPL_2, 'truck'), shipment(TPL, DOMESTIC, 'truck')],
    saved: [transportKey(FBA_US, TPL, 'truck'), transportKey(TPL_2, TPL, 'sea')],
    expected: [],
  },
  {
    name: 'a place that does not exist (deleted, or a typo in a key) is no route',
    shipments: [shipment(99, FBA_US, 'truck'), shipment(TPL, 98, 'truck')],
    saved: [transportKey(97, FBA_US, 'truck')],
    expected: [],
  },
  {
    name: 'other saved keys (handling, receiving, a SKU’s own leg, a broken key) make no route',
    saved: [handlingKey(TPL), receivingKey(FBA_US), skuLegKey(1, 'transport:truck'), `transport:${TPL}>${FBA_US}:boat`, `transport:${TPL}>${FBA_US}`],
    expected: [],
  },
  {
    name: 'several routes, one each, sorted by 3PL then FBA location, each with its own mode',
    shipments: [shipment(TPL_2, FBA_US, 'sea'), shipment(TPL, FBA_DE, 'air'), shipment(TPL, FBA_US, 'truck'), shipment(TPL, FBA_US, 'truck')],
    saved: [transportKey(TPL_2, FBA_DE, 'express'), transportKey(TPL, FBA_US, 'sea')],
    expected: [route(TPL, FBA_US, 'truck'), route(TPL, FBA_DE, 'air'), route(TPL_2, FBA_US, 'sea'), route(TPL_2, FBA_DE, 'express')],
  },
];

describe('nearRoutes: the 3PL → FBA routes the plan ships on', () => {
  test.each(CASES)('$name', ({ locations = LOCATIONS, shipments = [], saved = [], expected }) => {
    expect(nearRoutes(locations, shipments, saved)).toEqual(expected);
  });

  test('reads the saved keys from any iterable (the database layer hands it a Map’s keys)', () => {
    const saved = new Map([[transportKey(TPL, FBA_US, 'truck'), { meanDays: 5, sdDays: 1 }]]);
    expect(nearRoutes(LOCATIONS, [], saved.keys())).toEqual([route(TPL, FBA_US, 'truck')]);
  });

  test('one route per 3PL × FBA pair, however many shipments and defaults it has', () => {
    const shipments = Array.from({ length: 20 }, (_, k) => shipment(TPL, FBA_US, k % 3 === 0 ? 'air' : 'truck'));
    const routes = nearRoutes(LOCATIONS, shipments, [transportKey(TPL, FBA_US, 'sea'), transportKey(TPL, FBA_US, 'air')]);
    // 13 by truck, 7 by air.
    expect(routes).toEqual([route(TPL, FBA_US, 'truck')]);
  });
});
