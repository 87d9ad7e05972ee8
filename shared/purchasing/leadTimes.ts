// Lead time legs (PRODUCT §3): production, domestic handling, first-leg transport by mode, and
// destination receiving, each a mean and a standard deviation in days. A leg is learned from the
// seller's own history once there is enough of it, can be overridden, and falls back to a default.
import { daysBetween, dayNumber } from '../dates';
import type { PurchaseOrder, Shipment, ShipmentMode } from '../model';

export const LEAD_TIME_LEGS = ['production', 'handling', 'transport', 'receiving'] as const;
export type LeadTimeLegName = (typeof LEAD_TIME_LEGS)[number];

export interface LeadTimeLeg {
  meanDays: number;
  sdDays: number;
  source: 'learned' | 'default' | 'override';
  /** Observations behind a learned leg (also kept when an override sits on top of it); 0 otherwise. */
  samples: number;
}

export type LeadTimeLegs = Record<LeadTimeLegName, LeadTimeLeg>;

export interface LearnedDays {
  meanDays: number;
  sdDays: number;
  samples: number;
}

/** A sample standard deviation needs two observations; with fewer nothing is learned. */
export const MIN_LEARNING_SAMPLES = 2;

/** Mean and sample standard deviation (n − 1); null below MIN_LEARNING_SAMPLES observations. */
export function learnDays(days: readonly number[]): LearnedDays | null {
  const n = days.length;
  if (n < MIN_LEARNING_SAMPLES) return null;
  const meanDays = days.reduce((sum, d) => sum + d, 0) / n;
  const squares = days.reduce((sum, d) => sum + (d - meanDays) ** 2, 0);
  return { meanDays, sdDays: Math.sqrt(squares / (n - 1)), samples: n };
}

export interface Route {
  fromLocationId: number;
  toLocationId: number;
  mode: ShipmentMode;
}

/**
 * Transport days learned from closed shipments on the route and mode: ship date → arrival, where
 * arrival is the first receipt (the goods reached the destination then; later parts measure
 * check-in, not transport). A shipment received before receipts were recorded counts to its
 * receivedDate. Shipments without a mode never match a route.
 */
export function learnTransportDays(shipments: readonly Shipment[], route: Route): LearnedDays | null {
  const days: number[] = [];
  for (const shipment of shipments) {
    if (shipment.status !== 'received') continue;
    if (shipment.fromLocationId !== route.fromLocationId || shipment.toLocationId !== route.toLocationId || shipment.mode !== route.mode) continue;
    const arrival = firstDate((shipment.receipts ?? []).map((receipt) => receipt.date)) ?? shipment.receivedDate;
    if (arrival === undefined) continue;
    days.push(daysBetween(shipment.shipDate, arrival));
  }
  return learnDays(days);
}

/** Production days learned from the supplier's received POs: order date → first receipt. */
export function learnProductionDays(pos: readonly PurchaseOrder[], supplierId: number): LearnedDays | null {
  const days: number[] = [];
  for (const po of pos) {
    if (po.supplierId !== supplierId || po.status !== 'received') continue;
    const firstReceipt = firstDate(po.receipts.map((receipt) => receipt.date));
    if (firstReceipt !== undefined) days.push(daysBetween(po.orderDate, firstReceipt));
  }
  return learnDays(days);
}

function firstDate(dates: readonly string[]): string | undefined {
  let first: string | undefined;
  for (const date of dates) if (first === undefined || dayNumber(date) < dayNumber(first)) first = date;
  return first;
}

export interface LeadTimeInput {
  /** The seller's own figures; a part given replaces that part only. */
  override?: Partial<{ meanDays: number; sdDays: number }>;
  learned: LearnedDays | null;
  defaults: { meanDays: number; sdDays: number };
}

const isDays = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value) && value >= 0;

/**
 * One leg: an override wins, then what was learned from at least `minSamples` observations, then
 * the default. A partial override (only the mean, say) keeps the other figure from the leg it
 * overrides.
 */
export function resolveLeadTime(input: LeadTimeInput, minSamples = 3): LeadTimeLeg {
  const { learned, defaults, override } = input;
  const base: LeadTimeLeg =
    learned !== null && learned.samples >= minSamples
      ? { meanDays: learned.meanDays, sdDays: learned.sdDays, source: 'learned', samples: learned.samples }
      : { meanDays: defaults.meanDays, sdDays: defaults.sdDays, source: 'default', samples: 0 };
  const mean = override?.meanDays;
  const sd = override?.sdDays;
  if (!isDays(mean) && !isDays(sd)) return base;
  return { ...base, meanDays: isDays(mean) ? mean : base.meanDays, sdDays: isDays(sd) ? sd : base.sdDays, source: 'override' };
}

/** Legs in sequence: the means add, and (independent legs) the variances add. */
export function totalLeadTime(legs: readonly LeadTimeLeg[]): { meanDays: number; sdDays: number } {
  let meanDays = 0;
  let variance = 0;
  for (const leg of legs) {
    meanDays += leg.meanDays;
    variance += leg.sdDays ** 2;
  }
  return { meanDays, sdDays: Math.sqrt(variance) };
}
