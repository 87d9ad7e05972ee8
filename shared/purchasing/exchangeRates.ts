// Exchange rates and currency conversion. A rate says what one unit of a currency is worth in the
// base currency; the rate used is the latest one dated on or before the day of the receipt.
import { purchasingError } from '../errors';
import { dayNumber } from '../dates';
import type { ExchangeRate, IsoDate } from '../model';
import { currencyMinorDigits } from '../money';
import { parseCurrency, parseDate } from '../catalog/fields';
import { parsePositiveDecimal } from './fields';

/**
 * The rate of `currency` into `baseCurrency` on `date`: 1 for the base currency itself, else the
 * rate with the latest date on or before `date` (on the same date, the one entered last — highest id).
 */
export function rateOn(rates: readonly ExchangeRate[], currency: string, date: IsoDate, baseCurrency: string): number {
  const rate = rateOnOrNull(rates, currency, date, baseCurrency);
  if (rate === null) throw purchasingError('purchase.noExchangeRate', { currency, date });
  return rate;
}

/** rateOn for a caller with another way to go when no rate is stored: null then. */
export function rateOnOrNull(rates: readonly ExchangeRate[], currency: string, date: IsoDate, baseCurrency: string): number | null {
  if (currency === baseCurrency) return 1;
  const day = dayNumber(date);
  let best: ExchangeRate | null = null;
  let bestDay = -Infinity;
  for (const rate of rates) {
    if (rate.currency !== currency) continue;
    const rateDay = dayNumber(rate.date);
    if (rateDay > day) continue;
    if (rateDay > bestDay || (rateDay === bestDay && best !== null && rate.id > best.id)) {
      best = rate;
      bestDay = rateDay;
    }
  }
  return best === null ? null : best.rate;
}

/**
 * Converts an amount in minor units of `from` into minor units of `to` at `rate` (one unit of `from`
 * in units of `to`), each currency with its own minor digits (JPY 0, USD 2, KWD 3). The result may
 * be fractional (unit costs may be fractions of a cent); it keeps 4 decimals of a minor unit, like
 * parseAmountToMinor, so float noise never decides a later rounding.
 */
export function convertMinor(amountMinor: number, from: string, rate: number, to: string): number {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`exchange rate must be positive: ${rate}`);
  const digitShift = currencyMinorDigits(to) - currencyMinorDigits(from);
  const converted = amountMinor * rate * 10 ** digitShift;
  return Math.round(converted * 10_000) / 10_000 + 0;
}

export interface ExchangeRateDraft {
  currency: string;
  date: string;
  rate: string;
}

export function parseExchangeRateDraft(draft: ExchangeRateDraft): Omit<ExchangeRate, 'id'> {
  return {
    currency: parseCurrency('currency', draft.currency),
    date: parseDate('date', draft.date),
    rate: parsePositiveDecimal('rate', draft.rate),
  };
}
