// The new-SKU form of a held code (shared/catalog/heldCode.ts): prefilled from what its rows carry,
// and a draft the catalog's own parser accepts as it is, once the seller has nothing to add.
import { describe, expect, test } from 'vitest';
import { skuDraftForHeldCode } from '../../shared/catalog/heldCode';
import { parseSkuDraft } from '../../shared/catalog/catalog';

const row = (overrides: Partial<{ code: string; sellerSku: string; title: string; asin: string }> = {}) => ({ code: 'X003ZQ1B7H', sellerSku: 'LED-STRIP-5M-RGB', title: 'LED Strip Lights 16.4ft', asin: 'B0CFJ2L8WQ', ...overrides });

describe('skuDraftForHeldCode', () => {
  test('the seller SKU becomes the SKU code, the title its name, in the base currency; the ASIN is given beside', () => {
    expect(skuDraftForHeldCode([row()], 'EUR')).toEqual({
      draft: { code: 'LED-STRIP-5M-RGB', name: 'LED Strip Lights 16.4ft', unitCost: '', costCurrency: 'EUR', casePack: '1', moq: '0', barcode: '' },
      asin: 'B0CFJ2L8WQ',
    });
  });

  test.each([
    ['no seller SKU: the code itself', [row({ sellerSku: '' })], { code: 'X003ZQ1B7H' }],
    ['the first non-blank over the rows', [row({ sellerSku: ' ', title: '', asin: '' }), row({ sellerSku: ' MSKU-2 ', title: 'Second title', asin: 'B0SECOND00' })], { code: 'MSKU-2', name: 'Second title' }],
    ['no rows: blank', [], { code: '', name: '' }],
  ] as const)('%s', (_, rows, expected) => {
    expect(skuDraftForHeldCode(rows, 'USD').draft).toMatchObject(expected);
  });

  test('a prefilled draft parses as the catalog form would: no cost is 0, case pack 1, MOQ 0', () => {
    expect(parseSkuDraft(skuDraftForHeldCode([row()], 'USD').draft)).toMatchObject({ code: 'LED-STRIP-5M-RGB', name: 'LED Strip Lights 16.4ft', unitCostMinor: 0, costCurrency: 'USD', casePack: 1, moq: 0, barcode: '' });
  });

  test('a title with nothing in it leaves the name for the seller: the parser names the field', () => {
    expect(() => parseSkuDraft(skuDraftForHeldCode([row({ title: '  ' })], 'USD').draft)).toThrow(expect.objectContaining({ code: 'field.required', params: { field: 'name' } }));
  });
});
