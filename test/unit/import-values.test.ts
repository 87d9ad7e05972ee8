import { describe, expect, it } from 'vitest';
import {
  countEncodingLoss,
  detectEncoding,
  looksLikeScientificNotation,
  marketplaceFromSalesChannel,
  parseDateOnly,
  parseDateText,
  parseDateTimeText,
  parseDaysOfSupply,
  parseDecimal,
  parseInteger,
  parseMoney,
  parseYesNo,
  toMinorUnits,
} from '../../shared/import';
import { fixture, latin1, utf8 } from './importTestKit';

describe('parseDateText (REPORTS.md §0.5 date forms)', () => {
  it.each([
    ['05/02/2026', 'mdy', '2026-05-02', null],
    ['5/2/2026', 'mdy', '2026-05-02', null],
    ['04/07/2026', 'mdy', '2026-04-07', null],
    ['04/07/2026', 'dmy', '2026-07-04', null],
    ['13/05/2026', 'mdy', '2026-05-13', null], // only one reading is a date
    ['8/3/26', 'mdy', '2026-08-03', null],
    ['05/2026', 'mdy', '2026-05-01', null],
    ['2026-05-14', 'mdy', '2026-05-14', null],
    ['2026/05/14', 'mdy', '2026-05-14', null],
    ['2026-05-02T18:41:55-0700', 'mdy', '2026-05-02', '2026-05-02T18:41:55-07:00'],
    ['2026-07-20T01:00:00+0100', 'mdy', '2026-07-20', '2026-07-20T01:00:00+01:00'],
    ['2026-05-08T23:36:26+00:00', 'mdy', '2026-05-08', '2026-05-08T23:36:26+00:00'],
    ['2026-05-08T23:36:26Z', 'mdy', '2026-05-08', '2026-05-08T23:36:26+00:00'],
    ['2024-03-12 02:17:45 PDT', 'mdy', '2024-03-12', '2024-03-12T02:17:45-07:00'],
    ['2023-11-07 19:40:38 PST', 'mdy', '2023-11-07', '2023-11-07T19:40:38-08:00'],
    ['2024-04-12 09:17:45 CEST', 'mdy', '2024-04-12', '2024-04-12T09:17:45+02:00'],
    ['14.05.2026', 'mdy', '2026-05-14', null],
    ['14.05.2026 10:00:00 UTC', 'mdy', '2026-05-14', '2026-05-14T10:00:00+00:00'],
    ['12/31/2025 11:59 PM', 'mdy', '2025-12-31', '2025-12-31T23:59:00'],
    ['Jan 5, 2024 1:02:03 AM PST', 'mdy', '2024-01-05', '2024-01-05T01:02:03-08:00'],
    ['02/29/2024', 'mdy', '2024-02-29', null],
  ] as const)('%s (%s) → %s', (text, order, date, dateTime) => {
    expect(parseDateText(text, order)).toEqual({ date, dateTime });
    expect(parseDateOnly(text, order)).toBe(date);
  });

  it.each(['', '  ', 'abc', '02/30/2026', '13/13/2026', '2026-13-01', '2025-02-29', '00/10/2026', '2026-05-02T25:00:00Z'])('%j is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
    expect(parseDateOnly(text)).toBeNull();
  });

  it('the ledger date-time fast path agrees with the general parser', () => {
    expect(parseDateTimeText('2026-05-02T18:41:55-0700')).toBe('2026-05-02T18:41:55-07:00');
    expect(parseDateTimeText('2026-05-02T18:41:55+05:30')).toBe('2026-05-02T18:41:55+05:30');
    expect(parseDateTimeText('2026-02-30T18:41:55-0700')).toBeNull();
    expect(parseDateTimeText('2026-05-02')).toBeNull();
  });
});

describe('numbers', () => {
  it.each([
    ['-12', -12],
    ['+3', 3],
    ['0', 0],
    ['240', 240],
    ['4,812', 4812],
    ['1,234,567', 1234567],
    ['12.0', 12],
    [' 7 ', 7],
    ['\u22123', -3],
    ['', null],
    ['   ', null],
  ] as const)('parseInteger(%j) → %s', (text, expected) => {
    expect(parseInteger(text)).toBe(expected);
  });

  it.each(['abc', '1.5', '12a', '-', '+', '1,23'])('parseInteger(%j) is NaN', (text) => {
    expect(parseInteger(text)).toBeNaN();
  });

  it.each([
    ['13.99', 13.99],
    ['-0.05', -0.05],
    ['$12,055.98', 12055.98],
    ['5.255,61 €', 5255.61],
    ['18.41%', 18.41],
    ['(108.57)', -108.57],
    ['JP¥5,000', 5000],
    ['£1,234.50', 1234.5],
    ['1.234.567', 1234567],
    ['12,5', 12.5],
    ['1\u00a0234,50', 1234.5],
    ['', null],
  ] as const)('parseDecimal(%j) → %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['n/a', 'abc', '1.2.3,4.5', '--'])('parseDecimal(%j) is NaN', (text) => {
    expect(parseDecimal(text)).toBeNaN();
  });

  it.each([
    ['$12,055.98', null, { amount: 12055.98, currency: 'USD' }],
    ['$149.95', 'CAD', { amount: 149.95, currency: 'CAD' }],
    ['5.255,61 €', null, { amount: 5255.61, currency: 'EUR' }],
    ['1.234 €', null, { amount: 1234, currency: 'EUR' }],
    ['JP¥5,000', null, { amount: 5000, currency: 'JPY' }],
    ['￥3,980', null, { amount: 3980, currency: 'JPY' }],
    ['£3.20', null, { amount: 3.2, currency: 'GBP' }],
    ['EUR 12.00', null, { amount: 12, currency: 'EUR' }],
    ['29.99', 'USD', { amount: 29.99, currency: 'USD' }],
  ] as const)('parseMoney(%j, %s)', (text, fallback, expected) => {
    expect(parseMoney(text, fallback)).toEqual(expected);
  });

  it('money to minor units and blanks', () => {
    expect(toMinorUnits(12055.98, 'USD')).toBe(1205598);
    expect(toMinorUnits(5000, 'JPY')).toBe(5000);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('free')).toBeNull();
  });

  it('days of supply, yes/no', () => {
    expect(parseDaysOfSupply('365+')).toEqual({ days: 365, atLeast: true });
    expect(parseDaysOfSupply('31')).toEqual({ days: 31, atLeast: false });
    expect(parseDaysOfSupply('4.5')).toEqual({ days: 4.5, atLeast: false });
    expect(parseDaysOfSupply('')).toBeNull();
    expect(parseDaysOfSupply('/')?.days).toBeNaN();
    expect([parseYesNo('Yes'), parseYesNo('No'), parseYesNo('y'), parseYesNo('')]).toEqual([true, false, true, null]);
  });
});

describe('identifiers, marketplaces, encodings', () => {
  it.each([
    ['1.23E+09', true],
    ['1.31E+08', true],
    ['1,31E+08', true],
    ['B0D3KQ7M2X', false],
    ['0131899058', false],
    ['X004K7Q2MZ', false],
    ['8E12345678', false],
  ] as const)('looksLikeScientificNotation(%j) → %s', (id, expected) => {
    expect(looksLikeScientificNotation(id)).toBe(expected);
  });

  it.each([
    ['Amazon.com', 'US'],
    ['Amazon.ca', 'CA'],
    ['Amazon.com.mx', 'MX'],
    ['Amazon.co.uk', 'UK'],
    ['Amazon.de', 'DE'],
    ['Amazon.co.jp', 'JP'],
    ['Non-Amazon', null],
    ['', null],
  ] as const)('marketplaceFromSalesChannel(%j) → %s', (channel, expected) => {
    expect(marketplaceFromSalesChannel(channel)).toBe(expected);
  });

  it.each([
    ['Pi?ka no?na', 2],
    ['Why not?', 0],
    ['Size ? large', 0],
    ['?????? 10', 6],
    ['a\uFFFDb', 1],
    ['Gr??e', 2],
    ['plain text', 0],
  ] as const)('countEncodingLoss(%j) → %i', (text, expected) => {
    expect(countEncodingLoss(text)).toBe(expected);
  });

  it('detectEncoding: BOMs, strict UTF-8, cp932, windows-1252', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(utf8('sku\tfnsku\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(utf8('商品名称\t卖家 SKU\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    // A multi-byte character cut by the end of the sniffed head is still UTF-8.
    expect(detectEncoding(utf8('商品名称').subarray(0, 4)).encoding).toBe('utf-8');
    expect(detectEncoding(fixture('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.JP.cp932.tsv')).encoding).toBe('shift_jis');
    expect(detectEncoding(latin1('K\u00e4se\tGr\u00f6\u00dfe\n')).encoding).toBe('windows-1252');
    // Overlong / surrogate UTF-8 is not accepted as UTF-8.
    expect(detectEncoding(Uint8Array.from([0x41, 0xc0, 0xaf, 0x41])).encoding).toBe('windows-1252');
    expect(detectEncoding(Uint8Array.from([0x41, 0xed, 0xa0, 0x80, 0x41])).encoding).toBe('windows-1252');
  });
});
