// Cell value parsers for Amazon reports (REPORTS.md §0.5 dates, §0.6 numbers).
// Conventions: a blank cell gives `null` (unknown, never 0); text that is not a valid value gives
// `NaN` for numbers and `null` from the date parsers after a blank check, so callers can tell
// "blank" from "wrong" without allocating an error object per cell.
import { currencyMinorDigits } from '../money';

export function isBlank(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * A whole number such as `-12`, `+3`, `"4,812"` or `12.0`; null when blank, NaN when the text is
 * not a whole number. The digit loop is the hot path for million-row ledgers (no regex).
 */
export function parseInteger(text: string): number | null {
  if (text.length === 0) return null;
  const value = plainInteger(text, 0, text.length);
  return Number.isNaN(value) ? parseIntegerSlow(text) : value;
}

/**
 * text[start, end) as a whole number when it is just an optional sign and 1 to 15 digits, else NaN:
 * parseInteger's fast path, read in place.
 */
export function plainInteger(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === 45 /* - */) {
    negative = true;
    i++;
  } else if (first === 43 /* + */) i++;
  if (i >= end || end - i > 15) return NaN;
  let value = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    value = value * 10 + c;
  }
  return negative ? -value : value;
}

function parseIntegerSlow(text: string): number | null {
  const value = parseDecimal(text);
  if (value === null) return null;
  return Number.isInteger(value) ? value : NaN;
}

const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const THOUSANDS_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const THOUSANDS_DOT = /^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/;
const NUMBER_CHARS = /^[\d.,]+$/;

export interface DecimalOptions {
  /** The report writes `1.234,56` (German UI); only decides the ambiguous `1.234`. */
  decimalComma?: boolean;
}

/**
 * A decimal number as Amazon and spreadsheets write it: `13.99`, `1,234.50`, `5.255,61 €`,
 * `$12,055.98`, `(108.57)` (negative), `18.41%` (gives 18.41), `−3`. Null when blank, NaN when not
 * a number. Currency symbols and codes are ignored here; `parseMoney` reads them.
 */
export function parseDecimal(text: string, options: DecimalOptions = {}): number | null {
  let s = text.trim();
  if (s === '') return null;
  if (PLAIN_DECIMAL.test(s)) return Number(s);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('%')) s = s.slice(0, -1).trim();
  // Drop currency symbols and codes (`JP¥`, `CA$`, `EUR 12.00`, `12 zł`) and grouping spaces
  // (NBSP, narrow NBSP, apostrophe); other letters make the text not a number.
  s = s.replace(/[$€£¥￥₹₩]/g, '').replace(/^(?:[A-Z]{1,3}|[a-z]{2,3})\s*/, '').replace(/\s*[A-Za-zł]{2,3}$/, '');
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s === '' || !NUMBER_CHARS.test(s) || !/\d/.test(s)) return NaN;
  const normal = normaliseSeparators(s, options.decimalComma === true);
  if (normal === null) return NaN;
  const value = Number(normal);
  if (!Number.isFinite(value)) return NaN;
  return negative ? -value : value;
}

function normaliseSeparators(s: string, decimalComma: boolean): string | null {
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma < 0 && lastDot < 0) return s;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: whichever comes last is the decimal separator.
    if (lastComma > lastDot) return /^\d{1,3}(?:\.\d{3})*,\d+$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : null;
    return THOUSANDS_COMMA.test(s) ? s.replace(/,/g, '') : null;
  }
  if (lastComma >= 0) {
    // `4,812` is US grouping (Business Report unit counts stay US-style even in DE); `12,5` is a decimal comma.
    if (THOUSANDS_COMMA.test(s) && !decimalComma) return s.replace(/,/g, '');
    if (/^\d+,\d+$/.test(s)) return s.replace(',', '.');
    if (THOUSANDS_COMMA.test(s)) return s.replace(/,/g, '');
    return null;
  }
  if (THOUSANDS_DOT.test(s)) return s.replace(/\./g, '');
  if (decimalComma && /^\d{1,3}\.\d{3}$/.test(s)) return s.replace('.', '');
  return /^\d+\.\d+$/.test(s) ? s : null;
}

const CURRENCY_MARKS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['S$', 'SGD'],
  ['JP¥', 'JPY'],
  ['CN¥', 'CNY'],
  ['￥', 'JPY'],
  ['¥', 'JPY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['zł', 'PLN'],
  ['$', 'USD'],
];

export interface Money {
  amount: number;
  /** ISO code read from the symbol or code in the text, else the caller's fallback, else null. */
  currency: string | null;
}

/** `$12,055.98`, `5.255,61 €`, `JP¥5,000`, `EUR 12.00`, `(108.57)`; null when blank or not money. */
export function parseMoney(text: string, fallbackCurrency: string | null = null): Money | null {
  const s = text.trim();
  if (s === '') return null;
  let currency: string | null = null;
  const code = /(?:^|[\s\d(])([A-Z]{3})(?:$|[\s\d)])/.exec(s);
  if (code?.[1] !== undefined) currency = code[1];
  else {
    for (const [mark, iso] of CURRENCY_MARKS) {
      if (s.includes(mark)) {
        // A bare `$` is ambiguous (USD, CAD, AUD…): the report's own currency wins if known.
        currency = mark === '$' && fallbackCurrency !== null ? fallbackCurrency : iso;
        break;
      }
    }
  }
  // A symbol after the number (`5.255,61 €`) is the continental way of writing money.
  const decimalComma = /\d\s*(?:€|zł|kr)\s*$/.test(s);
  const amount = parseDecimal(s, { decimalComma });
  if (amount === null || Number.isNaN(amount)) return null;
  return { amount, currency: currency ?? fallbackCurrency };
}

/** Whole minor units (cents, yen) of an amount in `currency`. */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyMinorDigits(currency));
}

export interface DaysOfSupply {
  days: number;
  /** Amazon caps the figure and writes `365+`. */
  atLeast: boolean;
}

/** Restock / planning days of supply: `31`, `4.5`, `365+`. Null when blank, NaN days when not a number. */
export function parseDaysOfSupply(text: string): DaysOfSupply | null {
  const s = text.trim();
  if (s === '') return null;
  if (s.endsWith('+')) return { days: parseDecimal(s.slice(0, -1)) ?? NaN, atLeast: true };
  return { days: parseDecimal(s) ?? NaN, atLeast: false };
}

/** `Yes`/`No`, `y`/`n`, `true`/`false`; null when blank or anything else. */
export function parseYesNo(text: string): boolean | null {
  switch (text.trim().toLowerCase()) {
    case 'yes':
    case 'y':
    case 'true':
      return true;
    case 'no':
    case 'n':
    case 'false':
      return false;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Strings kept from a file

/**
 * `text` as a string of its own, for a cell value kept after its row (an order ID in a plan of a
 * million movements). V8 makes a substring of 13 or more characters a view into the string it was
 * cut from, so every kept cell would keep its whole decoded piece of the file alive (at a million
 * rows: all of the file's text). The copy holds only its own characters; shorter cells are copies
 * already.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

// ---------------------------------------------------------------------------------------------
// Identifiers

const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d+$/i;

/**
 * True for an identifier that a spreadsheet turned into a number, e.g. the ISBN-style ASIN
 * `0131899058` saved as `1.31E+08` — the original digits are lost and cannot be recovered.
 */
export function looksLikeScientificNotation(id: string): boolean {
  const first = id.charCodeAt(0);
  return first >= 48 && first <= 57 && id.length > 3 && (id.includes('E') || id.includes('e')) && SCIENTIFIC.test(id);
}

// ---------------------------------------------------------------------------------------------
// Marketplaces

const SALES_CHANNEL_MARKETPLACE: Readonly<Record<string, string>> = {
  'amazon.com': 'US',
  'amazon.ca': 'CA',
  'amazon.com.mx': 'MX',
  'amazon.com.br': 'BR',
  'amazon.co.uk': 'UK',
  'amazon.de': 'DE',
  'amazon.fr': 'FR',
  'amazon.it': 'IT',
  'amazon.es': 'ES',
  'amazon.nl': 'NL',
  'amazon.se': 'SE',
  'amazon.pl': 'PL',
  'amazon.com.be': 'BE',
  'amazon.ie': 'IE',
  'amazon.com.tr': 'TR',
  'amazon.co.jp': 'JP',
  'amazon.com.au': 'AU',
  'amazon.sg': 'SG',
  'amazon.in': 'IN',
  'amazon.ae': 'AE',
  'amazon.sa': 'SA',
  'amazon.eg': 'EG',
};

/** `Amazon.com` → `US`, `Amazon.co.jp` → `JP`; null for `Non-Amazon` and unknown channels. */
export function marketplaceFromSalesChannel(salesChannel: string): string | null {
  return SALES_CHANNEL_MARKETPLACE[salesChannel.trim().toLowerCase()] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Which field comes first in a slashed date such as `04/07/2026`; the report's known form decides. */
export type DateOrder = 'mdy' | 'dmy';

export interface ParsedDate {
  /** `YYYY-MM-DD` as written (the local calendar date of the stated zone, not converted to UTC). */
  date: string;
  /** ISO 8601 `YYYY-MM-DDTHH:MM:SS` plus `±HH:MM` when the zone is known; null when no time was given. */
  dateTime: string | null;
}

// Zone abbreviations seen in Amazon files (`open-date` uses PST/PDT in the US, CET/CEST in DE).
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  UTC: '+00:00',
  GMT: '+00:00',
  Z: '+00:00',
  PST: '-08:00',
  PDT: '-07:00',
  MST: '-07:00',
  MDT: '-06:00',
  CST: '-06:00',
  CDT: '-05:00',
  EST: '-05:00',
  EDT: '-04:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  HST: '-10:00',
  BST: '+01:00',
  WET: '+00:00',
  WEST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  MEZ: '+01:00',
  MESZ: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  JST: '+09:00',
  IST: '+05:30',
  AEST: '+10:00',
  AEDT: '+11:00',
  SGT: '+08:00',
};

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const ISO_LIKE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{2,5})?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{2,5})?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{2,5})?$/;
const MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/;
const MONTH_NAME = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])?)?(?: ([A-Za-z]{2,5}))?$/;

/**
 * Every date form seen in the reports in scope (REPORTS.md §0.5): `05/02/2026` (ledger, always
 * month first), `2026-05-02T18:41:55-0700`, `2026-05-08T23:36:26+00:00`, `2024-03-12 02:17:45 PDT`,
 * `2026-05-14`, `2026/05/14` (JP), `14.05.2026 10:00:00 UTC` (DE), `8/3/26` (Business Report),
 * `05/2026` (monthly ledger bucket), `Jan 5, 2024 1:02:03 AM PST`. A slashed date is read in
 * `order` unless only the other reading is a real date (`13/05/2026`). Null when not a date.
 */
export function parseDateText(text: string, order: DateOrder = 'mdy'): ParsedDate | null {
  const s = text.trim();
  if (s === '') return null;
  let m = ISO_LIKE.exec(s);
  if (m) return build(num(m[1]), num(m[2]), num(m[3]), m[4], m[5], m[6], undefined, m[7]);
  m = SLASHED.exec(s);
  if (m) {
    let first = num(m[1]);
    let second = num(m[2]);
    if (order === 'dmy') [first, second] = [second, first];
    // Only one reading is a real date: take it, whatever the report's usual order.
    if (first > 12 && second <= 12) [first, second] = [second, first];
    return build(fullYear(m[3]), first, second, m[4], m[5], m[6], m[7], m[8]);
  }
  m = DOTTED.exec(s);
  if (m) return build(fullYear(m[3]), num(m[2]), num(m[1]), m[4], m[5], m[6], undefined, m[7]);
  m = MONTH_YEAR.exec(s);
  if (m) return build(num(m[2]), num(m[1]), 1, undefined, undefined, undefined, undefined, undefined);
  m = MONTH_NAME.exec(s);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month === undefined) return null;
    return build(num(m[3]), month, num(m[2]), m[4], m[5], m[6], m[7], m[8]);
  }
  return null;
}

/**
 * `YYYY-MM-DD` strings made by the fast path, by year × 10000 + month × 100 + day: a ledger has a
 * few hundred dates over a million rows, so most rows reuse one (no string built, and a shared
 * string is a cheap Map key downstream). Bounded; emptied when full.
 */
const isoDates = new Map<number, string>();
const ISO_DATES_MAX = 4096;

/** Just the `YYYY-MM-DD` of `parseDateText`, with a fast path for the ledger's `MM/DD/YYYY`. */
export function parseDateOnly(text: string, order: DateOrder = 'mdy'): string | null {
  if (order === 'mdy') {
    const key = mdyDateKey(text, 0, text.length);
    if (key >= 0) return isoDateOfKey(key);
  }
  return parseDateText(text, order)?.date ?? null;
}

/**
 * year × 10000 + month × 100 + day of a valid `MM/DD/YYYY` date at text[start, end), else -1: the
 * fast path for the ledger's dates, read in place (see parseDateOnly and LedgerPlanBuilder).
 */
export function mdyDateKey(text: string, start: number, end: number): number {
  if (end - start !== 10 || text.charCodeAt(start + 2) !== 47 || text.charCodeAt(start + 5) !== 47) return -1;
  const month = twoDigits(text, start);
  const day = twoDigits(text, start + 3);
  const century = twoDigits(text, start + 6);
  const years = twoDigits(text, start + 8);
  if (century < 10 || years < 0) return -1;
  const year = century * 100 + years;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/** `YYYY-MM-DD` of an mdyDateKey, one shared string per date (see isoDates). */
export function isoDateOfKey(key: number): string {
  let iso = isoDates.get(key);
  if (iso === undefined) {
    if (isoDates.size >= ISO_DATES_MAX) isoDates.clear();
    iso = `${Math.floor(key / 10000)}-${pad2(Math.floor(key / 100) % 100)}-${pad2(key % 100)}`;
    isoDates.set(key, iso);
  }
  return iso;
}

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function num(text: string | undefined): number {
  return text === undefined ? NaN : Number(text);
}

function fullYear(text: string | undefined): number {
  const year = num(text);
  return text !== undefined && text.length === 2 ? 2000 + year : year;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function build(
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
  zone: string | undefined,
): ParsedDate | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  if (hourText === undefined || minuteText === undefined) return { date, dateTime: null };
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return null;
  const local = `${date}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
  return { date, dateTime: zone === undefined ? local : local + zoneOffset(zone) };
}

function zoneOffset(zone: string): string {
  const c = zone.charCodeAt(0);
  if (c === 43 || c === 45) {
    // `-0700` (ledger, no colon) and `-07:00` both become `-07:00`.
    return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  }
  // An unknown abbreviation leaves the time local rather than guessing an offset.
  return ZONE_OFFSETS[zone.toUpperCase()] ?? '';
}

/**
 * ISO date-time with offset, e.g. the ledger's `2026-05-02T18:41:55-0700` → `2026-05-02T18:41:55-07:00`;
 * null when the text is not a date with a time. Fixed-position fast path for the ledger's million rows.
 */
export function parseDateTimeText(text: string, order: DateOrder = 'mdy'): string | null {
  if (isLedgerDateTime(text, 0, text.length)) return text.length === 25 ? text : `${text.slice(0, 22)}:${text.slice(22)}`;
  return parseDateText(text, order)?.dateTime ?? null;
}

/**
 * Whether text[start, end) is a valid date and time in the ledger's own form,
 * `YYYY-MM-DDTHH:MM:SS-0700` (or `-07:00`): parseDateTimeText's fast path, checked in place.
 */
export function isLedgerDateTime(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (!((n === 24 || n === 25) && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45 && text.charCodeAt(start + 10) === 84 && text.charCodeAt(start + 13) === 58 && text.charCodeAt(start + 16) === 58)) return false;
  const sign = text.charCodeAt(start + 19);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  const century = twoDigits(text, start);
  const years = twoDigits(text, start + 2);
  const hour = twoDigits(text, start + 11);
  if (century < 10 || years < 0) return false;
  const year = century * 100 + years;
  if (!((sign === 43 || sign === 45) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23)) return false;
  return n === 25 ? text.charCodeAt(start + 22) === 58 : twoDigits(text, start + 22) >= 0;
}
