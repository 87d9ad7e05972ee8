// Lead-time legs for one SKU on one route (PRODUCT §3): production at the supplier, handling at the
// origin, transport by mode, receiving at the destination. Each leg is the SKU's override, else what
// history teaches (enough closed shipments or received POs), else the seller's default for the
// supplier / route / location, else a conservative fallback.
import type { LocationKind, PurchaseOrder, Shipment, ShipmentMode, Supplier } from '../model';
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
  const { skuId, supplier, route, saved, minSamples = 3 } = input;
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
