// Money is held in minor units (cents, fen, yen) of a currency. Ledger values are whole minor
// units, so the ledger equation holds exactly; unit costs may carry fractions of a minor unit.
import { typedText } from './typedText';

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF', 'TWD']);
const THREE_DECIMAL = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND']);

export const COMMON_CURRENCIES = ['USD', 'CNY', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'MXN', 'HKD', 'SGD', 'AED', 'INR'] as const;

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

export function currencyMinorDigits(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/**
 * Parses a typed amount such as `12.5`, `1,234.50` or `12,5` into minor units of `currency`.
 * Returns null when the text is not a plain non-negative amount.
 */
export function parseAmountToMinor(text: string, currency: string): number | null {
  // Full-width digits (a Chinese input method's １２．５０) read as plain ones.
  let cleaned = typedText(text).trim().replace(/[\s\u00a0]/g, '');
  if (cleaned === '') return null;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(cleaned)) cleaned = cleaned.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const minor = Number(cleaned) * 10 ** currencyMinorDigits(currency);
  if (!Number.isFinite(minor)) return null;
  // Keep up to 4 decimals of a minor unit (tiny parts cost fractions of a cent); drop float noise.
  return Math.round(minor * 10_000) / 10_000;
}

/** Minor units to a plain decimal string, e.g. 12345 USD → "123.45". */
export function minorToAmountText(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const major = minor / 10 ** digits;
  const fractionDigits = Number.isInteger(minor) ? digits : Math.min(digits + 4, 8);
  const text = major.toFixed(fractionDigits);
  return Number.isInteger(minor) ? text : text.replace(/0+$/, '').replace(/\.$/, '');
}

/** Minor units as a number of major units (12345 USD → 123.45), for a CSV cell a spreadsheet sums: text "-123.45" would be neutralised into text. */
export function minorToAmountNumber(minor: number, currency: string): number {
  return Number(minorToAmountText(minor, currency));
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyMinorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: Number.isInteger(minor) ? digits : digits + 2,
  }).format(minor / 10 ** digits);
}
