// Lead-time legs for one SKU on one route (PRODUCT §3): production at the supplier, handling at the
// origin, transport by mode, receiving at the destination. Each leg is the SKU's override, else what
// history teaches (enough closed shipments or received POs), else the seller's default for the
// supplier / route / location, else a conservative fallback.
import { SHIPMENT_MODES } from '../model';
import type { Location, LocationKind, PurchaseOrder, Shipment, ShipmentMode, Supplier } from '../model';
import { learnProductionDays, learnTransportDays, resolveLeadTime } from './leadTimes';
import type { LearnedDays, LeadTimeLeg, LeadTimeLegs } from './leadTimes';
import { DomainError } from '../errors';
import { parseNonNegativeDecimal } from './fields';

export interface Days {
  meanDays: number;
  sdDays: number;
}

/** Used when the seller has set nothing and there is no history: typical first-leg times. */
export const FALLBACK_DAYS: { handling: Days; transport: Record<ShipmentMode, Days>; receiving: Record<LocationKind, Days>; production: Days } = {
  production: { meanDays: 30, sdDays: 7 },
  handling: { meanDays: 2, sdDays: 1 },
  transport: { sea: { meanDays: 35, sdDays: 7 }, air: { meanDays: 8, sdDays: 2 }, express: { meanDays: 5, sdDays: 2 }, rail: { meanDays: 25, sdDays: 5 }, truck: { meanDays: 7, sdDays: 2 } },
  receiving: { fba: { meanDays: 7, sdDays: 3 }, '3pl': { meanDays: 2, sdDays: 1 }, domestic: { meanDays: 1, sdDays: 0.5 }, transit: { meanDays: 0, sdDays: 0 } },
};

/** The most days a leg may be given: two years. More is a slip of the keyboard (4000 for 40), and the plan's horizon ends well before it. */
export const MAX_LEG_DAYS = 730;

/**
 * A leg's days as the seller types them (PRODUCT §3): the mean is required, an empty standard
 * deviation is 0; each a decimal from 0 to MAX_LEG_DAYS ("12,5" and full-width digits read).
 * A refusal names the field and the text typed.
 */
export function parseLegDaysDraft(draft: { mean: string; sd: string }): Days {
  return { meanDays: legDays('leadTimeMeanDays', draft.mean), sdDays: legDays('leadTimeSdDays', draft.sd, 0) };
}

function legDays(field: string, text: string, emptyValue?: number): number {
  const days = parseNonNegativeDecimal(field, text, emptyValue);
  if (days > MAX_LEG_DAYS) throw new DomainError('field.outOfRange', { field, value: text.trim(), min: 0, max: MAX_LEG_DAYS });
  return days;
}

/** The same rule on days already numbers (what the database layer is handed): the first bad one refused, by field. */
export function checkLegDays(days: Days): void {
  for (const [field, value] of [['leadTimeMeanDays', days.meanDays], ['leadTimeSdDays', days.sdDays]] as const) {
    if (!Number.isFinite(value)) throw new DomainError('field.notNumber', { field, value: String(value) });
    if (value < 0) throw new DomainError('field.negative', { field, value: String(value) });
    if (value > MAX_LEG_DAYS) throw new DomainError('field.outOfRange', { field, value: String(value), min: 0, max: MAX_LEG_DAYS });
  }
}

/** Closed shipments (or received POs) needed before history replaces the seller's default. */
export const MIN_HISTORY_SAMPLES = 3;

export const handlingKey = (locationId: number) => `handling:${locationId}`;
export const transportKey = (fromLocationId: number, toLocationId: number, mode: ShipmentMode) => `transport:${fromLocationId}>${toLocationId}:${mode}`;
export const receivingKey = (locationId: number) => `receiving:${locationId}`;
export const skuLegKey = (skuId: number, leg: 'production' | 'handling' | `transport:${ShipmentMode}` | 'receiving') => `sku:${skuId}:${leg}`;

export interface RouteLeadTimeInput {
  skuId: number;
  supplier: Supplier | undefined;
  route: { fromLocationId: number; toLocationId: number; mode: ShipmentMode; destinationKind: LocationKind };
  /** Saved defaults and overrides by key (renderer/db LeadTimeRecord). */
  saved: ReadonlyMap<string, Days>;
  shipments: readonly Shipment[];
  purchaseOrders: readonly PurchaseOrder[];
  /** Samples of history needed before it replaces the default (default 3). */
  minSamples?: number;
}

export function routeLeadTimes(input: RouteLeadTimeInput): LeadTimeLegs {
  const { skuId, supplier, route, saved, minSamples = MIN_HISTORY_SAMPLES } = input;
  const leg = (learned: LearnedDays | null, defaults: Days, overrideKey: string): LeadTimeLeg => {
    const override = saved.get(overrideKey);
    return resolveLeadTime({ learned, defaults, ...(override ? { override } : {}) }, minSamples);
  };
  return {
    production: leg(
      supplier ? learnProductionDays(input.purchaseOrders, supplier.id) : null,
      supplier ? { meanDays: supplier.productionDaysMean, sdDays: supplier.productionDaysSd } : FALLBACK_DAYS.production,
      skuLegKey(skuId, 'production'),
    ),
    handling: leg(null, saved.get(handlingKey(route.fromLocationId)) ?? FALLBACK_DAYS.handling, skuLegKey(skuId, 'handling')),
    transport: leg(
      learnTransportDays(input.shipments, route),
      saved.get(transportKey(route.fromLocationId, route.toLocationId, route.mode)) ?? FALLBACK_DAYS.transport[route.mode],
      skuLegKey(skuId, `transport:${route.mode}`),
    ),
    receiving: leg(null, saved.get(receivingKey(route.toLocationId)) ?? FALLBACK_DAYS.receiving[route.destinationKind], skuLegKey(skuId, 'receiving')),
  };
}

/** A default the seller sets for every SKU (PRODUCT §3): handling where goods leave, receiving where they arrive, transport on a route by a mode. */
export type LegDefaultTarget =
  | { leg: 'handling'; locationId: number }
  | { leg: 'receiving'; locationId: number }
  | { leg: 'transport'; fromLocationId: number; toLocationId: number; mode: ShipmentMode };

/** Where goods are handled before they leave (the domestic warehouse, a 3PL) and where they are checked in (FBA, a 3PL). */
export const HANDLING_LOCATION_KINDS: readonly LocationKind[] = ['domestic', '3pl'];
export const RECEIVING_LOCATION_KINDS: readonly LocationKind[] = ['fba', '3pl'];

export function legDefaultKey(target: LegDefaultTarget): string {
  if (target.leg === 'handling') return handlingKey(target.locationId);
  if (target.leg === 'receiving') return receivingKey(target.locationId);
  return transportKey(target.fromLocationId, target.toLocationId, target.mode);
}

/** The route of a saved transport default's key; null for any other key. */
export function routeOfTransportKey(key: string): { fromLocationId: number; toLocationId: number; mode: ShipmentMode } | null {
  const match = /^transport:(\d+)>(\d+):(\w+)$/.exec(key);
  const mode = SHIPMENT_MODES.find((m) => m === match?.[3]);
  return match && mode ? { fromLocationId: Number(match[1]), toLocationId: Number(match[2]), mode } : null;
}

/**
 * Refuses a default for a place it cannot apply to: a location that is gone or archived, handling
 * anywhere but a domestic warehouse or 3PL, receiving anywhere but FBA or a 3PL, a route to itself or
 * through the transit location, an unknown mode. The refusal names the field and the location.
 */
export function checkLegDefaultTarget(target: LegDefaultTarget, locations: readonly Location[]): void {
  const place = (field: string, id: number, kinds: readonly LocationKind[]) => {
    const location = locations.find((l) => l.id === id);
    if (!location) throw new DomainError('location.notFound', { field, value: String(id) });
    if (location.archived || !kinds.includes(location.kind)) throw new DomainError('field.unknownChoice', { field, value: location.name });
  };
  if (target.leg === 'handling') return place('location', target.locationId, HANDLING_LOCATION_KINDS);
  if (target.leg === 'receiving') return place('location', target.locationId, RECEIVING_LOCATION_KINDS);
  const anyButTransit: readonly LocationKind[] = ['domestic', '3pl', 'fba'];
  place('from', target.fromLocationId, anyButTransit);
  place('to', target.toLocationId, anyButTransit);
  if (target.fromLocationId === target.toLocationId) throw new DomainError('movement.sameLocation', {});
  if (!SHIPMENT_MODES.includes(target.mode)) throw new DomainError('field.unknownChoice', { field: 'mode', value: String(target.mode) });
}

/** The standard figure a leg falls back to when the seller has set nothing: by the destination's kind for receiving, by mode for transport. */
export function fallbackDays(target: LegDefaultTarget, locationKind: LocationKind): Days {
  if (target.leg === 'handling') return FALLBACK_DAYS.handling;
  if (target.leg === 'receiving') return FALLBACK_DAYS.receiving[locationKind];
  return FALLBACK_DAYS.transport[target.mode];
}

/** Where a leg's figure comes from: enough closed shipments, the seller's default, or the standard fallback. */
export type LegSource = 'learned' | 'saved' | 'standard';

export interface LegInUse extends Days {
  source: LegSource;
  /** Shipments behind a learned figure; 0 otherwise. */
  samples: number;
}

/** The figure that applies to a leg for every SKU without its own override, in routeLeadTimes' order. */
export function legInUse(learned: LearnedDays | null, saved: Days | undefined, fallback: Days, minSamples = MIN_HISTORY_SAMPLES): LegInUse {
  const leg = resolveLeadTime({ learned, defaults: saved ?? fallback }, minSamples);
  return { meanDays: leg.meanDays, sdDays: leg.sdDays, samples: leg.samples, source: leg.source === 'learned' ? 'learned' : saved ? 'saved' : 'standard' };
}

/** The warehouse the replenishment plan ships from: the first domestic one not archived (renderer/db/planning.ts). */
export function planShipOrigin(locations: readonly Location[]): Location | undefined {
  return locations.find((l) => l.kind === 'domestic' && !l.archived);
}

/**
 * Whether the replenishment plan reads a default: it ships from its origin (planShipOrigin) to FBA
 * locations by sea or air, and from a 3PL on each of its routes to FBA (`routes`, nearRoutes) by
 * that route's mode, so it reads the handling at those places, the receiving at FBA and those routes.
 */
export function planReadsLegDefault(target: LegDefaultTarget, locations: readonly Location[], routes: readonly NearRoute[] = []): boolean {
  const originId = planShipOrigin(locations)?.id;
  const isFba = (id: number) => locations.find((l) => l.id === id)?.kind === 'fba';
  if (target.leg === 'handling') return target.locationId === originId || routes.some((r) => r.fromLocationId === target.locationId);
  if (target.leg === 'receiving') return isFba(target.locationId);
  if (routes.some((r) => r.fromLocationId === target.fromLocationId && r.toLocationId === target.toLocationId && r.mode === target.mode)) return true;
  return target.fromLocationId === originId && isFba(target.toLocationId) && (target.mode === 'sea' || target.mode === 'air');
}

/** A route from a 3PL to an FBA location the plan can ship on, by the mode it goes by. */
export interface NearRoute {
  fromLocationId: number;
  toLocationId: number;
  mode: ShipmentMode;
}

/**
 * The routes from a 3PL to an FBA location the seller has used or told the app about (PRODUCT §4.4:
 * the plan ships from the domestic warehouse or a 3PL): a shipment on it, whatever its status, or a
 * transport default saved for it. Its mode is the one most of its shipments took (ties: the first in
 * SHIPMENT_MODES), else the saved default's (the first in SHIPMENT_MODES). Archived places have none.
 * A 3PL never shipped from and never given a route is not assumed to reach FBA.
 */
export function nearRoutes(locations: readonly Location[], shipments: readonly Shipment[], savedKeys: Iterable<string>): NearRoute[] {
  const kindOf = new Map(locations.filter((l) => !l.archived).map((l) => [l.id, l.kind]));
  const isRoute = (from: number, to: number) => kindOf.get(from) === '3pl' && kindOf.get(to) === 'fba';
  const counts = new Map<string, number[]>();
  const countsOf = (from: number, to: number) => {
    const key = `${from}>${to}`;
    let list = counts.get(key);
    if (!list) counts.set(key, (list = SHIPMENT_MODES.map(() => 0)));
    return list;
  };
  for (const s of shipments) {
    if (!isRoute(s.fromLocationId, s.toLocationId)) continue;
    const mode = s.mode === undefined ? -1 : SHIPMENT_MODES.indexOf(s.mode);
    if (mode >= 0) countsOf(s.fromLocationId, s.toLocationId)[mode]!++;
  }
  const savedModes = new Map<string, Set<ShipmentMode>>();
  for (const key of savedKeys) {
    const route = routeOfTransportKey(key);
    if (!route || !isRoute(route.fromLocationId, route.toLocationId)) continue;
    const pair = `${route.fromLocationId}>${route.toLocationId}`;
    countsOf(route.fromLocationId, route.toLocationId);
    let modes = savedModes.get(pair);
    if (!modes) savedModes.set(pair, (modes = new Set()));
    modes.add(route.mode);
  }
  const routes: NearRoute[] = [];
  for (const [pair, list] of counts) {
    const [from, to] = pair.split('>').map(Number) as [number, number];
    let best = -1;
    for (let m = 0; m < list.length; m++) if (list[m]! > 0 && (best < 0 || list[m]! > list[best]!)) best = m;
    const mode = best >= 0 ? SHIPMENT_MODES[best]! : SHIPMENT_MODES.find((m) => savedModes.get(pair)?.has(m));
    if (mode) routes.push({ fromLocationId: from, toLocationId: to, mode });
  }
  return routes.sort((a, b) => a.fromLocationId - b.fromLocationId || a.toLocationId - b.toLocationId);
}
