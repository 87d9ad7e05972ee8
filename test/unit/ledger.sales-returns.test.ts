// Sales, customer returns and returns to a supplier entered by hand (shared/ledger/postings.ts):
// the movement each posts, and where each may be recorded.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { SALE_RETURN_LOCATION_KINDS, buildSaleOrReturn, checkSaleOrReturnLocation } from '../../shared/ledger/postings';
import type { SaleOrReturnDraft, SaleOrReturnType } from '../../shared/ledger/postings';
import type { LocationKind } from '../../shared/model';

const draft = (overrides: Partial<SaleOrReturnDraft> = {}): SaleOrReturnDraft => ({ date: '2025-04-02', skuId: 7, locationId: 3, qty: '5', ...overrides });

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('buildSaleOrReturn', () => {
  it.each([
    { type: 'sale', qty: -5 },
    { type: 'customer_return', qty: 5 },
    { type: 'vendor_return', qty: -5 },
  ] as { type: SaleOrReturnType; qty: number }[])('$type posts one manual movement of $qty units, with no cost of its own', ({ type, qty }) => {
    expect(buildSaleOrReturn(type, draft({ ref: '  SO-1001 ' }))).toEqual([{ date: '2025-04-02', skuId: 7, locationId: 3, qty, type, source: 'manual', ref: 'SO-1001' }]);
  });

  it('keeps a sale’s channel at the head of its note, and leaves out an empty reference and note', () => {
    expect(buildSaleOrReturn('sale', draft({ channel: ' Shopify ', note: 'gift wrap' }))[0]).toEqual({ date: '2025-04-02', skuId: 7, locationId: 3, qty: -5, type: 'sale', source: 'manual', note: 'Shopify · gift wrap' });
    expect(buildSaleOrReturn('sale', draft({ channel: 'eBay', ref: ' ' }))[0]).toEqual({ date: '2025-04-02', skuId: 7, locationId: 3, qty: -5, type: 'sale', source: 'manual', note: 'eBay' });
    // Only a sale has a channel.
    expect(buildSaleOrReturn('customer_return', draft({ channel: 'eBay' }))[0]).not.toHaveProperty('note');
  });

  it('reads quantities and dates typed with a Chinese input method', () => {
    expect(buildSaleOrReturn('sale', draft({ qty: '１２', date: '２０２５－０４－０２' }))[0]).toMatchObject({ qty: -12, date: '2025-04-02' });
  });

  it.each([
    { name: 'zero', patch: { qty: '0' }, code: 'field.notPositive', params: { field: 'qty', value: '0' } },
    { name: 'negative', patch: { qty: '-3' }, code: 'field.notPositive', params: { field: 'qty', value: '-3' } },
    { name: 'blank quantity', patch: { qty: ' ' }, code: 'field.required', params: { field: 'qty' } },
    { name: 'fractional', patch: { qty: '1.5' }, code: 'field.notInteger', params: { field: 'qty', value: '1.5' } },
    { name: 'not a date', patch: { date: '2025-02-30' }, code: 'field.badDate', params: { field: 'date', value: '2025-02-30' } },
    { name: 'a long reference', patch: { ref: 'R'.repeat(101) }, code: 'field.tooLong', params: { field: 'movementRef', max: 100 } },
    { name: 'a long channel', patch: { channel: 'C'.repeat(61) }, code: 'field.tooLong', params: { field: 'salesChannel', max: 60 } },
  ] as { name: string; patch: Partial<SaleOrReturnDraft>; code: string; params: Record<string, unknown> }[])('refuses $name, naming the field', ({ patch, code, params }) => {
    const error = refusal(() => buildSaleOrReturn('sale', draft(patch)));
    expect(error.code).toBe(code);
    expect(error.params).toEqual(params);
  });
});

describe('checkSaleOrReturnLocation', () => {
  const kinds: LocationKind[] = ['domestic', '3pl', 'fba', 'transit'];
  const allowed: Record<SaleOrReturnType, LocationKind[]> = { sale: ['domestic', '3pl'], customer_return: ['domestic', '3pl'], vendor_return: ['domestic'] };

  it('sales and customer returns are recorded at a domestic or 3PL warehouse, returns to a supplier at a domestic one', () => {
    expect(SALE_RETURN_LOCATION_KINDS).toEqual(allowed);
    for (const type of Object.keys(allowed) as SaleOrReturnType[]) {
      for (const kind of kinds) {
        const check = () => checkSaleOrReturnLocation(type, { name: `At ${kind}`, kind });
        if (allowed[type].includes(kind)) expect(check).not.toThrow();
        else {
          const error = refusal(check);
          expect(error.code).toBe('field.unknownChoice');
          expect(error.params).toEqual({ field: type === 'vendor_return' ? 'domesticLocation' : 'ownStockLocation', value: `At ${kind}` });
        }
      }
    }
  });
});
