import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyMinorDigits, formatMoney, isCurrencyCode, minorToAmountNumber, minorToAmountText, parseAmountToMinor } from '../../shared/money';
import { neutraliseCell, toCsv } from '../../shared/csv';

describe('parseAmountToMinor', () => {
  it.each([
    ['12.5', 'USD', 1250],
    ['12.50', 'USD', 1250],
    ['12', 'USD', 1200],
    ['0', 'USD', 0],
    ['0.29', 'USD', 29],
    ['1,234.50', 'USD', 123450],
    ['1,234,567.89', 'USD', 123456789],
    ['1,234', 'USD', 123400],
    ['12,5', 'USD', 1250],
    ['12,50', 'EUR', 1250],
    ['1 234,50', 'EUR', 123450],
    ['  7.25  ', 'USD', 725],
    ['12.345', 'USD', 1234.5], // fractions of a minor unit are kept (tiny parts)
    ['1500', 'JPY', 1500],
    ['1,500', 'JPY', 1500],
    ['12.5', 'JPY', 12.5],
    ['1.5', 'KWD', 1500],
  ])('%s %s → %d', (text, currency, minor) => {
    expect(parseAmountToMinor(text, currency)).toBe(minor);
  });

  it.each(['abc', '-1', '-0.5', '', '   ', '1.2.3', '1e3', '$12', '12.', '.5', '1,23,4', 'NaN', 'Infinity'])('%j → null', (text) => {
    expect(parseAmountToMinor(text, 'USD')).toBeNull();
  });

  it('parses every whole-cent amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(parseAmountToMinor(text, 'USD')).toBe(cents);
        expect(parseAmountToMinor(minorToAmountText(cents, 'USD'), 'USD')).toBe(cents);
      }),
      { numRuns: 300 },
    );
  });
});

describe('currency helpers and formatting', () => {
  it('knows minor digits and currency codes', () => {
    expect(currencyMinorDigits('USD')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('KWD')).toBe(3);
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('US')).toBe(false);
    expect(isCurrencyCode(840)).toBe(false);
  });

  it.each([
    [12345, 'USD', '123.45'],
    [5, 'USD', '0.05'],
    [1500, 'JPY', '1500'],
    [12345.5, 'USD', '123.455'],
    [1500, 'KWD', '1.500'],
  ])('minorToAmountText(%d, %s) = %s', (minor, currency, text) => {
    expect(minorToAmountText(minor, currency)).toBe(text);
  });

  it.each([
    [123456, 'USD', 'en-US', '$1,234.56'],
    [500, 'USD', 'en-US', '$5.00'],
    [-500, 'USD', 'en-US', '-$5.00'],
    [1500, 'JPY', 'en-US', '¥1,500'],
    [12345.5, 'USD', 'en-US', '$123.455'],
    [123450, 'EUR', 'de-DE', '1.234,50 €'],
  ])('formatMoney(%d, %s, %s) = %s', (minor, currency, locale, text) => {
    expect(formatMoney(minor, currency, locale).replace(/\u00a0/g, ' ')).toBe(text);
  });
});

describe('CSV export', () => {
  const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

  it.each(FORMULA_STARTS)('neutralises a text cell starting with %j', (start) => {
    const cell = `${start}HYPERLINK("http://x")`;
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
    const csv = toCsv(['name'], [[cell]]);
    const body = csv.slice(1).split('\r\n')[1]!;
    // The first character a spreadsheet sees is the apostrophe (after an opening quote if quoted).
    expect(body.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('Phone case 手机壳')).toBe('Phone case 手机壳');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell('')).toBe('');
  });

  it('writes numbers as numbers, negative ones included, and blanks for missing values', () => {
    const csv = toCsv(['sku', 'qty', 'value'], [['A-1', -5, 12.5], ['B-2', 0, null], ['C-3', Number.NaN, undefined], ['D-4', Infinity, 3]]);
    expect(csv).toBe('\uFEFFsku,qty,value\r\nA-1,-5,12.5\r\nB-2,0,\r\nC-3,,\r\nD-4,,3\r\n');
  });

  it('neutralises a negative number given as text', () => {
    expect(toCsv(['qty'], [['-5']])).toBe("\uFEFFqty\r\n'-5\r\n");
  });

  it('writes money as a number a spreadsheet sums: a negative value stays a number (minorToAmountNumber), not neutralised text', () => {
    expect([minorToAmountNumber(-1396482, 'USD'), minorToAmountNumber(12345, 'JPY'), minorToAmountNumber(5, 'USD'), minorToAmountNumber(1234.5, 'USD')]).toEqual([-13964.82, 12345, 0.05, 12.345]);
    expect(toCsv(['value'], [[minorToAmountNumber(-1396482, 'USD')]])).toBe('\uFEFFvalue\r\n-13964.82\r\n');
  });

  it('quotes commas, quotes and newlines', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'line1\nline2', 'cr\rhere']]);
    expect(csv).toBe('\uFEFFa,b,c,d\r\n"x,y","say ""hi""","line1\nline2","cr\rhere"\r\n');
  });

  it('quotes a neutralised CR-start cell and keeps the apostrophe inside the quotes', () => {
    expect(toCsv(['a'], [['\rx']])).toBe('\uFEFFa\r\n"\'\rx"\r\n');
  });

  it('neutralises header cells too and starts with a BOM', () => {
    const csv = toCsv(['=cmd', 'ok'], []);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe("\uFEFF'=cmd,ok\r\n");
  });

  it('never lets a text cell start with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), (cells) => {
        for (const cell of cells) {
          const out = neutraliseCell(cell);
          expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
          expect(out === cell || out === `'${cell}`).toBe(true);
        }
        expect(toCsv(['h'], [cells]).startsWith('\uFEFFh\r\n')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
