import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from '../../shared/errors';
import { findListingConflict, parseListingDraft, parseLocationDraft, parseSkuDraft, skuCodeKey } from '../../shared/catalog/catalog';
import type { ListingDraft, SkuDraft } from '../../shared/catalog/catalog';
import { parseDate, parseNonZeroWholeNumber, parseWholeNumber } from '../../shared/catalog/fields';
import { parseNonNegativeDecimal } from '../../shared/purchasing/fields';
import { parseAmountToMinor } from '../../shared/money';
import { buildAdjustment, buildReceipt, dispatchMovements, parseShipmentDraft, receiveMovements, shipmentRef } from '../../shared/ledger/postings';
import type { PlatformListing, Shipment } from '../../shared/model';

/** Runs `fn`, expecting a DomainError; returns it for assertions on code and params. */
function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(isDomainError(error)).toBe(true);
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const goodSku: SkuDraft = { code: 'CASE-01', name: 'Phone case', unitCost: '12.5', costCurrency: 'USD', casePack: '24', moq: '500', barcode: '' };

describe('parseSkuDraft', () => {
  it('parses a good draft, trimming and defaulting blanks', () => {
    expect(parseSkuDraft(goodSku)).toEqual({
      code: 'CASE-01',
      name: 'Phone case',
      unitCostMinor: 1250,
      costCurrency: 'USD',
      casePack: 24,
      moq: 500,
      barcode: '',
      packageCm: null,
      storageType: 'standard',
    });
    expect(parseSkuDraft({ ...goodSku, code: '  CASE-01 ', unitCost: '', casePack: ' ', moq: '', costCurrency: 'cny', barcode: ' 6901234567892 ' })).toEqual({
      code: 'CASE-01',
      name: 'Phone case',
      unitCostMinor: 0,
      costCurrency: 'CNY',
      casePack: 1,
      moq: 0,
      barcode: '6901234567892',
      packageCm: null,
      storageType: 'standard',
    });
    expect(parseSkuDraft({ ...goodSku, casePack: '1,200', unitCost: '1500', costCurrency: 'JPY' })).toMatchObject({ casePack: 1200, unitCostMinor: 1500 });
  });

  it.each([
    { name: 'non-numeric case pack', draft: { casePack: 'abc' }, code: 'field.notNumber', field: 'casePack', value: 'abc' },
    { name: 'fractional case pack', draft: { casePack: '1.5' }, code: 'field.notInteger', field: 'casePack', value: '1.5' },
    { name: 'zero case pack', draft: { casePack: '0' }, code: 'field.notPositive', field: 'casePack', value: '0' },
    { name: 'negative case pack', draft: { casePack: '-3' }, code: 'field.notPositive', field: 'casePack', value: '-3' },
    { name: 'negative MOQ', draft: { moq: '-1' }, code: 'field.negative', field: 'moq', value: '-1' },
    { name: 'non-numeric MOQ', draft: { moq: 'ten' }, code: 'field.notNumber', field: 'moq', value: 'ten' },
    { name: 'empty name', draft: { name: '   ' }, code: 'field.required', field: 'name', value: undefined },
    { name: 'empty code', draft: { code: '' }, code: 'field.required', field: 'code', value: undefined },
    { name: 'code with a space', draft: { code: 'CASE 01' }, code: 'field.badFormat', field: 'code', value: 'CASE 01' },
    { name: 'code with a tab', draft: { code: 'CASE\t01' }, code: 'field.badFormat', field: 'code', value: 'CASE\t01' },
    { name: 'bad currency', draft: { costCurrency: 'US' }, code: 'field.badCurrency', field: 'costCurrency', value: 'US' },
    { name: 'currency with digits', draft: { costCurrency: 'U5D' }, code: 'field.badCurrency', field: 'costCurrency', value: 'U5D' },
    { name: 'non-numeric cost', draft: { unitCost: 'cheap' }, code: 'field.notNumber', field: 'unitCost', value: 'cheap' },
    { name: 'negative cost', draft: { unitCost: '-2' }, code: 'field.notNumber', field: 'unitCost', value: '-2' },
    { name: 'name too long', draft: { name: 'x'.repeat(201) }, code: 'field.tooLong', field: 'name', value: undefined },
    { name: 'code too long', draft: { code: 'X'.repeat(65) }, code: 'field.tooLong', field: 'code', value: undefined },
  ] as { name: string; draft: Partial<SkuDraft>; code: string; field: string; value: string | undefined }[])(
    '$name → $code on $field',
    ({ draft, code, field, value }) => {
      const error = domainErrorOf(() => parseSkuDraft({ ...goodSku, ...draft }));
      expect(error.code).toBe(code);
      expect(error.params.field).toBe(field);
      if (value !== undefined) expect(error.params.value).toBe(value);
    },
  );

  it('reports the limit of a too-long field', () => {
    expect(domainErrorOf(() => parseSkuDraft({ ...goodSku, name: 'x'.repeat(201) })).params).toEqual({ field: 'name', max: 200 });
  });

  it('keys SKU codes case-insensitively', () => {
    expect(skuCodeKey(' ab-1 ')).toBe(skuCodeKey('AB-1'));
  });

  it('numbers and dates typed with a Chinese input method (full-width) read as plain ones; the refusal quotes what was typed', () => {
    expect(parseWholeNumber('qty', '２４０', 1)).toBe(240);
    expect(parseWholeNumber('qty', '１，２００', 1)).toBe(1200);
    expect(parseNonZeroWholeNumber('qty', '－５')).toBe(-5);
    expect(parseNonNegativeDecimal('days', '１２．５')).toBe(12.5);
    expect(parseAmountToMinor('１２．５０', 'USD')).toBe(1250);
    expect(parseDate('receivedDate', '２０２６－０１－３１')).toBe('2026-01-31');
    expect(domainErrorOf(() => parseWholeNumber('qty', '２４件', 1)).params).toEqual({ field: 'qty', value: '２４件' });
    // Only the full-width block is read as plain: a superscript or a circled number is no digit.
    expect(domainErrorOf(() => parseWholeNumber('qty', '1²', 1)).code).toBe('field.notNumber');
    expect(domainErrorOf(() => parseWholeNumber('qty', '⑫', 1)).code).toBe('field.notNumber');
  });

  it('parseWholeNumber accepts thousands separators and signs', () => {
    expect(parseWholeNumber('qty', '1,200', 1)).toBe(1200);
    expect(parseWholeNumber('qty', '1,000,000', 1)).toBe(1_000_000);
    expect(parseWholeNumber('qty', '+5', 1)).toBe(5);
    expect(parseWholeNumber('qty', 7, 1)).toBe(7);
    expect(domainErrorOf(() => parseWholeNumber('qty', '1,20', 1)).code).toBe('field.notNumber');
  });
});

describe('listings', () => {
  const codes: Record<number, string> = { 1: 'CASE-01', 2: 'CABLE-02', 3: 'BAG-03' };
  const skuCodeOf = (skuId: number) => codes[skuId] ?? `#${skuId}`;
  const existing: PlatformListing[] = [
    { id: 10, skuId: 1, marketplace: 'US', sellerSku: 'case-01-us', asin: 'B000000001', fnsku: 'X000000001', unitsPerListing: 1 },
    { id: 11, skuId: 2, marketplace: 'DE', sellerSku: 'CABLE-DE', asin: 'B000000002', fnsku: 'X000000002', unitsPerListing: 1 },
  ];
  const candidate = (fields: Partial<PlatformListing>) => ({
    skuId: 3,
    marketplace: 'UK' as const,
    sellerSku: 'BAG-UK',
    asin: '',
    fnsku: '',
    unitsPerListing: 1,
    ...fields,
  });

  it('refuses an FNSKU held by another SKU and names that SKU', () => {
    const conflict = findListingConflict(candidate({ fnsku: 'X000000001' }), existing, skuCodeOf);
    expect(conflict).toBeInstanceOf(DomainError);
    expect(conflict!.code).toBe('listing.conflictFnsku');
    expect(conflict!.params).toEqual({ fnsku: 'X000000001', sku: 'CASE-01' });
  });

  it('refuses an FNSKU held by another SKU in another marketplace too', () => {
    expect(findListingConflict(candidate({ marketplace: 'JP', fnsku: 'X000000002' }), existing, skuCodeOf)?.params.sku).toBe('CABLE-02');
  });

  it('refuses the same marketplace + seller SKU, case-insensitively', () => {
    const conflict = findListingConflict(candidate({ marketplace: 'US', sellerSku: 'CASE-01-US' }), existing, skuCodeOf);
    expect(conflict?.code).toBe('listing.conflictSellerSku');
    expect(conflict?.params).toEqual({ marketplace: 'US', sellerSku: 'CASE-01-US', sku: 'CASE-01' });
  });

  it('allows the same seller SKU in a different marketplace', () => {
    expect(findListingConflict(candidate({ marketplace: 'CA', sellerSku: 'case-01-us' }), existing, skuCodeOf)).toBeNull();
  });

  it('allows the same FNSKU on the same SKU in another marketplace (pan-European FBA)', () => {
    expect(findListingConflict(candidate({ skuId: 1, marketplace: 'CA', sellerSku: 'case-01-ca', fnsku: 'X000000001' }), existing, skuCodeOf)).toBeNull();
  });

  it('allows re-saving a listing with its own codes on its own SKU', () => {
    expect(findListingConflict(candidate({ skuId: 1, marketplace: 'US', sellerSku: 'case-01-us', fnsku: 'X000000001' }), existing, skuCodeOf, 10)).toBeNull();
  });

  it('allows an empty FNSKU even when others are empty', () => {
    const withBlank: PlatformListing[] = [{ ...existing[0]!, fnsku: '' }];
    expect(findListingConflict(candidate({ fnsku: '' }), withBlank, skuCodeOf)).toBeNull();
  });

  it('ignoreListingId lets a listing be re-saved (or moved) without conflicting with itself', () => {
    const moved = candidate({ skuId: 3, marketplace: 'US', sellerSku: 'case-01-us', fnsku: 'X000000001' });
    expect(findListingConflict(moved, existing, skuCodeOf)?.code).toBe('listing.conflictFnsku');
    expect(findListingConflict(moved, existing, skuCodeOf, 10)).toBeNull();
    expect(findListingConflict(moved, existing, skuCodeOf, 11)?.code).toBe('listing.conflictFnsku');
  });

  it('parseListingDraft normalises codes and validates them', () => {
    const draft: ListingDraft = { skuId: 3, marketplace: ' uk ', sellerSku: ' BAG-UK ', asin: 'b000000003', fnsku: 'x000000003', unitsPerListing: '2' };
    expect(parseListingDraft(draft)).toEqual({ skuId: 3, marketplace: 'UK', sellerSku: 'BAG-UK', asin: 'B000000003', fnsku: 'X000000003', unitsPerListing: 2 });
    expect(domainErrorOf(() => parseListingDraft({ ...draft, marketplace: 'XX' })).params).toEqual({ field: 'marketplace' });
    expect(domainErrorOf(() => parseListingDraft({ ...draft, fnsku: 'X0001' })).params).toMatchObject({ field: 'fnsku' });
    expect(domainErrorOf(() => parseListingDraft({ ...draft, asin: 'B00-000003' })).code).toBe('field.badFormat');
    expect(domainErrorOf(() => parseListingDraft({ ...draft, sellerSku: '' })).params).toEqual({ field: 'sellerSku' });
    expect(domainErrorOf(() => parseListingDraft({ ...draft, unitsPerListing: '0' })).code).toBe('field.notPositive');
  });

  it('parseLocationDraft requires a marketplace for FBA only', () => {
    expect(parseLocationDraft({ name: ' Shenzhen ', kind: 'domestic', marketplace: '' })).toEqual({ name: 'Shenzhen', kind: 'domestic' });
    expect(parseLocationDraft({ name: 'FBA US', kind: 'fba', marketplace: 'us' })).toEqual({ name: 'FBA US', kind: 'fba', marketplace: 'US' });
    expect(domainErrorOf(() => parseLocationDraft({ name: 'FBA', kind: 'fba', marketplace: '' })).params).toEqual({ field: 'marketplace' });
    expect(domainErrorOf(() => parseLocationDraft({ name: 'X', kind: 'garage', marketplace: '' })).params).toEqual({ field: 'kind' });
  });
});

describe('posting builders', () => {
  const receipt = { date: '2025-03-01', skuId: 1, locationId: 2, qty: '10', unitCost: '12.5' };

  it('buildReceipt posts one receipt with the unit cost in base minor units', () => {
    expect(buildReceipt({ ...receipt, note: '  first batch ' }, 'USD')).toEqual([
      { date: '2025-03-01', skuId: 1, locationId: 2, qty: 10, type: 'receipt', unitCostMinor: 1250, source: 'manual', note: 'first batch' },
    ]);
    expect(buildReceipt({ ...receipt, qty: '1,200', unitCost: '0' }, 'USD')[0]).toMatchObject({ qty: 1200, unitCostMinor: 0 });
    expect(buildReceipt(receipt, 'USD')[0]).not.toHaveProperty('note');
  });

  it.each([
    { qty: 'ten', code: 'field.notNumber' },
    { qty: '0', code: 'field.notPositive' },
    { qty: '-5', code: 'field.notPositive' },
    { qty: '2.5', code: 'field.notInteger' },
    { qty: '', code: 'field.required' },
  ])('buildReceipt rejects qty $qty with $code', ({ qty, code }) => {
    const error = domainErrorOf(() => buildReceipt({ ...receipt, qty }, 'USD'));
    expect([error.code, error.params.field]).toEqual([code, 'qty']);
  });

  it('buildReceipt rejects a bad cost and a bad date', () => {
    expect(domainErrorOf(() => buildReceipt({ ...receipt, unitCost: 'x' }, 'USD')).params).toEqual({ field: 'unitCost', value: 'x' });
    expect(domainErrorOf(() => buildReceipt({ ...receipt, unitCost: ' ' }, 'USD')).params).toEqual({ field: 'unitCost' });
    expect(domainErrorOf(() => buildReceipt({ ...receipt, date: '2025-02-29' }, 'USD')).code).toBe('field.badDate');
  });

  it('buildAdjustment accepts signed quantities and a known reason', () => {
    expect(buildAdjustment({ date: '2025-03-01', skuId: 1, locationId: 2, qty: '-2', reason: 'damaged' })).toEqual([
      { date: '2025-03-01', skuId: 1, locationId: 2, qty: -2, type: 'adjustment', reason: 'damaged', source: 'manual' },
    ]);
    expect(buildAdjustment({ date: '2025-03-01', skuId: 1, locationId: 2, qty: '+3', reason: 'found' })[0]!.qty).toBe(3);
  });

  it.each([
    { qty: 'abc', code: 'field.notNumber' },
    { qty: '0', code: 'field.notPositive' },
    { qty: '-0', code: 'field.notPositive' },
    { qty: '1.5', code: 'field.notInteger' },
    { qty: ' ', code: 'field.required' },
  ])('buildAdjustment rejects qty $qty with $code', ({ qty, code }) => {
    const error = domainErrorOf(() => buildAdjustment({ date: '2025-03-01', skuId: 1, locationId: 2, qty, reason: 'lost' }));
    expect([error.code, error.params.field]).toEqual([code, 'qty']);
  });

  it('buildAdjustment requires a known reason', () => {
    expect(domainErrorOf(() => buildAdjustment({ date: '2025-03-01', skuId: 1, locationId: 2, qty: '1', reason: 'stolen' })).params).toEqual({ field: 'reason' });
  });

  const shipmentDraft = { shipDate: '2025-03-01', fromLocationId: 1, toLocationId: 2, lines: [{ skuId: 5, qty: '10' }] };

  it('parseShipmentDraft drops blank lines and parses the rest', () => {
    expect(parseShipmentDraft({ ...shipmentDraft, lines: [{ skuId: 0, qty: ' ' }, { skuId: 5, qty: '1,000' }, { skuId: 6, qty: '3' }], note: ' sea ' })).toEqual({
      fromLocationId: 1,
      toLocationId: 2,
      shipDate: '2025-03-01',
      status: 'in_transit',
      lines: [
        { skuId: 5, qty: 1000 },
        { skuId: 6, qty: 3 },
      ],
      note: 'sea',
    });
  });

  it.each([
    { qty: 'x', code: 'field.notNumber' },
    { qty: '0', code: 'field.notPositive' },
    { qty: '-4', code: 'field.notPositive' },
    { qty: '4.2', code: 'field.notInteger' },
    { qty: '', code: 'field.required' },
  ])('parseShipmentDraft rejects line qty $qty with $code', ({ qty, code }) => {
    const error = domainErrorOf(() => parseShipmentDraft({ ...shipmentDraft, lines: [{ skuId: 5, qty }] }));
    expect([error.code, error.params.field]).toEqual([code, 'qty']);
  });

  it('parseShipmentDraft rejects a missing SKU, no lines, the same location twice and a bad date', () => {
    expect(domainErrorOf(() => parseShipmentDraft({ ...shipmentDraft, lines: [{ skuId: 0, qty: '3' }] })).params).toEqual({ field: 'sku' });
    expect(domainErrorOf(() => parseShipmentDraft({ ...shipmentDraft, lines: [{ skuId: 0, qty: '' }] })).params).toEqual({ field: 'lines' });
    expect(domainErrorOf(() => parseShipmentDraft({ ...shipmentDraft, toLocationId: 1 })).code).toBe('movement.sameLocation');
    expect(domainErrorOf(() => parseShipmentDraft({ ...shipmentDraft, shipDate: '2025-3-1' })).params).toMatchObject({ field: 'shipDate' });
  });

  const shipment: Shipment = { id: 42, fromLocationId: 1, toLocationId: 2, shipDate: '2025-03-01', status: 'in_transit', lines: [{ skuId: 5, qty: 10 }] };

  it('dispatch and receive move each line through the shipment transit balance', () => {
    expect(shipmentRef(42)).toBe('SHP-42');
    expect(dispatchMovements(shipment, 9)).toEqual([
      { date: '2025-03-01', skuId: 5, locationId: 1, qty: -10, type: 'transfer_out', ref: 'SHP-42', source: 'manual' },
      { date: '2025-03-01', skuId: 5, locationId: 9, qty: 10, type: 'transfer_in', ref: 'SHP-42', source: 'manual' },
    ]);
    expect(receiveMovements(shipment, '2025-03-20', 9)).toEqual([
      { date: '2025-03-20', skuId: 5, locationId: 9, qty: -10, type: 'transfer_out', ref: 'SHP-42', source: 'manual' },
      { date: '2025-03-20', skuId: 5, locationId: 2, qty: 10, type: 'transfer_in', ref: 'SHP-42', source: 'manual' },
    ]);
    expect(receiveMovements(shipment, '2025-03-01', 9)).toHaveLength(2); // same day is fine
  });

  it('receiveMovements refuses a received shipment', () => {
    const error = domainErrorOf(() => receiveMovements({ ...shipment, status: 'received', receivedDate: '2025-03-10' }, '2025-03-20', 9));
    expect(error.code).toBe('shipment.alreadyReceived');
    expect(error.params).toEqual({ ref: 'SHP-42' });
  });

  it('receiveMovements refuses a receive date before the ship date, or not a date', () => {
    const early = domainErrorOf(() => receiveMovements(shipment, '2025-02-28', 9));
    expect(early.code).toBe('field.badDate');
    expect(early.params).toEqual({ field: 'receivedDate', value: '2025-02-28' });
    expect(domainErrorOf(() => receiveMovements(shipment, '2025-02-30', 9)).params).toMatchObject({ field: 'receivedDate' });
  });
});
