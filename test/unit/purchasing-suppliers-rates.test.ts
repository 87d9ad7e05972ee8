// Suppliers and exchange rates: the supplier form, the rate in force on a day, and conversion
// between currencies with different minor digits.
import { describe, expect, it } from 'vitest';
import type { ErrorParams } from '../../shared/errors';
import type { ExchangeRate } from '../../shared/model';
import { parseSupplierDraft } from '../../shared/purchasing/suppliers';
import type { SupplierDraft } from '../../shared/purchasing/suppliers';
import { convertMinor, parseExchangeRateDraft, rateOn } from '../../shared/purchasing/exchangeRates';
import { errorOf } from './domainErrorKit';

const goodSupplier: SupplierDraft = {
  name: ' Shenzhen Case Factory ',
  contact: 'Ms Li, +86 755 0000',
  currency: 'cny',
  productionDaysMean: '25.5',
  productionDaysSd: '4',
  moq: '1,000',
  paymentTerms: '30% deposit, 70% before shipping',
};

describe('parseSupplierDraft', () => {
  it('parses a good draft: trimmed name, upper-case currency, decimal days, whole MOQ', () => {
    expect(parseSupplierDraft(goodSupplier)).toEqual({
      name: 'Shenzhen Case Factory',
      contact: 'Ms Li, +86 755 0000',
      currency: 'CNY',
      productionDaysMean: 25.5,
      productionDaysSd: 4,
      moq: 1000,
      paymentTerms: '30% deposit, 70% before shipping',
    });
  });

  it('reads an empty standard deviation and MOQ as 0, and accepts a decimal comma', () => {
    const parsed = parseSupplierDraft({ ...goodSupplier, productionDaysMean: '12,5', productionDaysSd: ' ', moq: '', contact: '', paymentTerms: '' });
    expect([parsed.productionDaysMean, parsed.productionDaysSd, parsed.moq, parsed.contact, parsed.paymentTerms]).toEqual([12.5, 0, 0, '', '']);
  });

  it.each([
    [{ name: '  ' }, 'field.required', { field: 'name' }],
    [{ name: 'x'.repeat(121) }, 'field.tooLong', { field: 'name', max: 120 }],
    [{ currency: 'yuan' }, 'field.badCurrency', { field: 'currency', value: 'yuan' }],
    [{ currency: '' }, 'field.badCurrency', { field: 'currency', value: '' }],
    [{ productionDaysMean: '' }, 'field.required', { field: 'productionDaysMean' }],
    [{ productionDaysMean: '-3' }, 'field.negative', { field: 'productionDaysMean', value: '-3' }],
    [{ productionDaysMean: 'soon' }, 'field.notNumber', { field: 'productionDaysMean', value: 'soon' }],
    [{ productionDaysSd: '-0.5' }, 'field.negative', { field: 'productionDaysSd', value: '-0.5' }],
    [{ moq: '2.5' }, 'field.notInteger', { field: 'moq', value: '2.5' }],
    [{ moq: '-1' }, 'field.negative', { field: 'moq', value: '-1' }],
    [{ contact: 'x'.repeat(201) }, 'field.tooLong', { field: 'contact', max: 200 }],
  ] satisfies [Partial<SupplierDraft>, string, ErrorParams][])('refuses %j with %s naming the field', (change, code, params) => {
    expect(errorOf(() => parseSupplierDraft({ ...goodSupplier, ...change }))).toEqual({ code, params });
  });
});

describe('rateOn', () => {
  const rates: ExchangeRate[] = [
    { id: 1, currency: 'CNY', date: '2026-01-01', rate: 0.14 },
    { id: 2, currency: 'CNY', date: '2026-02-01', rate: 0.138 },
    { id: 3, currency: 'JPY', date: '2026-01-15', rate: 0.0067 },
    { id: 4, currency: 'CNY', date: '2026-02-01', rate: 0.139 },
    { id: 5, currency: 'CNY', date: '2026-03-01', rate: 0.137 },
  ];

  it('is 1 for the base currency, with or without rates', () => {
    expect(rateOn([], 'USD', '2026-01-01', 'USD')).toBe(1);
  });

  it.each([
    ['CNY', '2026-01-01', 0.14],
    ['CNY', '2026-01-31', 0.14],
    ['CNY', '2026-02-01', 0.139], // two rates that day: the one entered last
    ['CNY', '2026-02-28', 0.139],
    ['CNY', '2027-01-01', 0.137],
    ['JPY', '2026-01-15', 0.0067],
  ])('%s on %s is %s (latest dated on or before the day)', (currency, date, rate) => {
    expect(rateOn(rates, currency, date, 'USD')).toBe(rate);
  });

  it('refuses a day before the first rate, or a currency with none', () => {
    expect(errorOf(() => rateOn(rates, 'CNY', '2025-12-31', 'USD'))).toEqual({ code: 'purchase.noExchangeRate', params: { currency: 'CNY', date: '2025-12-31' } });
    expect(errorOf(() => rateOn(rates, 'EUR', '2026-03-01', 'USD'))).toEqual({ code: 'purchase.noExchangeRate', params: { currency: 'EUR', date: '2026-03-01' } });
  });
});

describe('convertMinor', () => {
  it('JPY → USD: ¥1,234 at 0.0067 is $8.2678 = 826.78 cents', () => {
    expect(convertMinor(1234, 'JPY', 0.0067, 'USD')).toBe(826.78);
  });

  it('CNY → USD: ¥12.50 (1250 fen) at 0.14 is $1.75 = 175 cents', () => {
    expect(convertMinor(1250, 'CNY', 0.14, 'USD')).toBe(175);
  });

  it('CNY → USD keeps fractions of a cent: 3.33 fen at 0.1385 is 0.4612 cents', () => {
    expect(convertMinor(3.33, 'CNY', 0.1385, 'USD')).toBe(0.4612);
  });

  it('USD → JPY: 199 cents at 149.5 is ¥297.505', () => {
    expect(convertMinor(199, 'USD', 149.5, 'JPY')).toBe(297.505);
  });

  it('USD → KWD (3 digits): 1000 cents at 0.307 is 3.07 KWD = 3070 fils', () => {
    expect(convertMinor(1000, 'USD', 0.307, 'KWD')).toBe(3070);
  });

  it('the same currency at rate 1 is unchanged', () => {
    expect(convertMinor(1234.5678, 'USD', 1, 'USD')).toBe(1234.5678);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => convertMinor(100, 'CNY', 0, 'USD')).toThrow(RangeError);
    expect(() => convertMinor(100, 'CNY', Number.NaN, 'USD')).toThrow(RangeError);
  });
});

describe('parseExchangeRateDraft', () => {
  it('parses currency, date and a decimal rate', () => {
    expect(parseExchangeRateDraft({ currency: ' jpy', date: '2026-01-15', rate: '0.0067' })).toEqual({ currency: 'JPY', date: '2026-01-15', rate: 0.0067 });
    expect(parseExchangeRateDraft({ currency: 'CNY', date: '2026-01-15', rate: '0,138' }).rate).toBe(0.138);
  });

  it.each([
    [{ rate: '' }, 'field.required', { field: 'rate' }],
    [{ rate: '0' }, 'field.notPositive', { field: 'rate', value: '0' }],
    [{ rate: '-1' }, 'field.negative', { field: 'rate', value: '-1' }],
    [{ rate: 'seven' }, 'field.notNumber', { field: 'rate', value: 'seven' }],
    [{ date: '2026-02-30' }, 'field.badDate', { field: 'date', value: '2026-02-30' }],
    [{ currency: 'RMB1' }, 'field.badCurrency', { field: 'currency', value: 'RMB1' }],
  ] satisfies [Partial<{ currency: string; date: string; rate: string }>, string, ErrorParams][])('refuses %j', (change, code, params) => {
    expect(errorOf(() => parseExchangeRateDraft({ currency: 'CNY', date: '2026-01-15', rate: '0.14', ...change }))).toEqual({ code, params });
  });
});
