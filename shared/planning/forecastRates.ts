// The seller's own forecast for a SKU in one marketplace (PRODUCT §4.2, "override a SKU's
// forecast"): units per day, from tomorrow until a date or with no end. It replaces the computed
// forecast on those days: a launch with no history yet, a SKU being phased out (0 a day), a listing
// the seller knows will sell more than its past. Events, the marketplace's weekly season and a
// what-if still apply on top, as they do to a computed forecast.
import { addDays, dayNumber } from '../dates';
import { DomainError, purchasingError } from '../errors';
import { parseDate } from '../catalog/fields';
import { MARKETPLACES } from '../model';
import { parseNonNegativeDecimal } from '../purchasing/fields';

export interface ForecastRate {
  skuId: number;
  /** Upper case, one of MARKETPLACES. */
  marketplace: string;
  unitsPerDay: number;
  /** Last day it applies, YYYY-MM-DD inclusive; null: until the seller removes it. */
  until: string | null;
}

export interface ForecastRateDraft {
  skuId: number;
  marketplace: string;
  /** As typed: `12`, `12.5`, `12,5`, `1,500`, full-width digits. */
  unitsPerDay: string;
  /** YYYY-MM-DD or blank (no end). */
  until: string;
}

/** Above this a typed rate is a slip of the keyboard (a seller's best seller sells a few thousand a day). */
export const MAX_UNITS_PER_DAY = 100_000;

/**
 * Checks what the seller typed: a known marketplace; units per day a number from 0 to
 * MAX_UNITS_PER_DAY (0: the seller expects no sales there), read as the app reads decimals
 * everywhere (`12,5` is 12.5, `1,500` is 1500); `until` blank or a day after today (the plan starts
 * tomorrow: an override that ends today or before would change nothing). Each refusal is a
 * DomainError naming the field and the value.
 */
export function parseForecastRateDraft(draft: ForecastRateDraft, today: string): ForecastRate {
  if (!Number.isInteger(draft.skuId) || draft.skuId <= 0) throw new DomainError('field.notPositive', { field: 'sku', value: String(draft.skuId) });
  const marketplace = draft.marketplace.trim().toUpperCase();
  if (marketplace === '') throw new DomainError('field.required', { field: 'marketplace' });
  if (!(MARKETPLACES as readonly string[]).includes(marketplace)) throw purchasingError('field.unknownChoice', { field: 'marketplace', value: draft.marketplace });

  // Full-width digits and separators (a Chinese input method) read as ASCII ones.
  const unitsPerDay = parseNonNegativeDecimal('unitsPerDay', draft.unitsPerDay);
  if (unitsPerDay > MAX_UNITS_PER_DAY) throw new DomainError('field.outOfRange', { field: 'unitsPerDay', value: draft.unitsPerDay, min: 0, max: MAX_UNITS_PER_DAY });

  let until: string | null = null;
  if (draft.until.trim() !== '') {
    until = parseDate('until', draft.until);
    const tomorrow = addDays(today, 1);
    if (dayNumber(until) < dayNumber(tomorrow)) throw purchasingError('field.dateTooEarly', { field: 'until', value: until, earliest: tomorrow });
  }
  return { skuId: draft.skuId, marketplace, unitsPerDay, until };
}

/** Whether a stored forecast still applies to a plan made today: one that ends today or before covers none of its days. */
export function rateHasEnded(rate: Pick<ForecastRate, 'until'>, today: string): boolean {
  return rate.until !== null && rate.until <= today;
}

/** What the plan reads for one series: the rate, and the last day number it applies (Infinity: no end). */
export interface RateOverride {
  unitsPerDay: number;
  untilDay: number;
}

export function rateOverrideOf(rate: Pick<ForecastRate, 'unitsPerDay' | 'until'>): RateOverride {
  return { unitsPerDay: rate.unitsPerDay, untilDay: rate.until === null ? Number.POSITIVE_INFINITY : dayNumber(rate.until) };
}
