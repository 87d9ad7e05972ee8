// Count entry: codes resolve by SKU code, barcode, FNSKU, seller SKU or ASIN; quantities that are not
// whole numbers ≥ 0 are refused with a message naming the field and the value.
import { describe, expect, it } from 'vitest';
import { buildCodeIndex, parseCountCode, parseCountedQty, parseCounter, resolveCountCode } from '../../shared/counts';
import { errorOf } from './domainErrorKit';

const index = buildCodeIndex({
  skus: [
    { id: 1, code: 'LAMP-01', barcode: '6901234567892' },
    { id: 2, code: 'SHADE-02', barcode: '' },
    { id: 3, code: 'X004SHADE2', barcode: '' }, // a SKU code that equals another SKU's FNSKU wins
  ],
  listings: [
    { skuId: 1, fnsku: 'X004LAMP01', sellerSku: 'LAMP-01-US', asin: 'B0LAMP0001' },
    { skuId: 2, fnsku: 'X004SHADE2', sellerSku: 'SHADE-US', asin: 'B0SHADE002' },
    { skuId: 1, fnsku: '', sellerSku: 'BUNDLE', asin: '' },
    { skuId: 2, fnsku: '', sellerSku: 'bundle', asin: '' }, // one seller SKU on two SKUs: ambiguous
  ],
});

describe('resolveCountCode', () => {
  it.each([
    ['LAMP-01', 1],
    [' lamp-01 ', 1],
    ['6901234567892', 1],
    ['x004lamp01', 1],
    ['LAMP-01-US', 1],
    ['B0LAMP0001', 1],
    ['SHADE-US', 2],
    ['X004SHADE2', 3],
    ['BUNDLE', null],
    ['NOPE-99', null],
  ])('%s → %s', (code, skuId) => {
    expect(resolveCountCode(index, code)).toBe(skuId);
  });
});

describe('parseCountedQty', () => {
  it.each([
    ['0', 0],
    [' 12 ', 12],
    ['1,200', 1200],
    ['+3', 3],
    ['-0', 0],
  ])('%s → %i', (text, qty) => {
    expect(parseCountedQty(text)).toBe(qty);
  });

  it.each([
    ['abc', 'field.notNumber'],
    ['12x', 'field.notNumber'],
    ['1e3', 'field.notNumber'],
    ['-4', 'field.negative'],
    ['2.5', 'field.notInteger'],
    ['  ', 'field.required'],
  ])('%s is refused with %s naming the counted quantity', (text, code) => {
    const error = errorOf(() => parseCountedQty(text));
    expect(error.code).toBe(code);
    expect(error.params.field).toBe('countedQty');
    if (code !== 'field.required') expect(error.params.value).toBe(text.trim());
  });
});

describe('parseCountCode and parseCounter', () => {
  it('trims, requires and bounds them', () => {
    expect(parseCountCode('  X004LAMP01\r')).toBe('X004LAMP01');
    expect(errorOf(() => parseCountCode(' '))).toEqual({ code: 'field.required', params: { field: 'countCode' } });
    expect(errorOf(() => parseCountCode('X'.repeat(61)))).toEqual({ code: 'field.tooLong', params: { field: 'countCode', max: 60 } });
    expect(parseCounter(' Li Wei ')).toBe('Li Wei');
    expect(errorOf(() => parseCounter(''))).toEqual({ code: 'field.required', params: { field: 'counter' } });
  });
});
