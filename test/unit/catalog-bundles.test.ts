// Bundle listings (PRODUCT §1.2): parseListingDraft's component rules and what a bundle stores.
import { describe, expect, it } from 'vitest';
import { findListingConflict, isBundle, parseListingDraft } from '../../shared/catalog/catalog';
import type { ComponentDraft, ListingDraft } from '../../shared/catalog/catalog';
import type { PlatformListing } from '../../shared/model';
import { dailyDemand } from '../../shared/import/demand';
import type { DemandMerge } from '../../shared/import/demand';
import { sellerSkuComponents } from '../../shared/ledger/amazonLedger';
import type { LedgerCodeLookup } from '../../shared/ledger/amazonLedger';
import { errorOf } from './domainErrorKit';

const CASE = 1;
const CABLE = 2;
const CHARGER = 3;

function bundle(components: ComponentDraft[], overrides: Partial<ListingDraft> = {}): ListingDraft {
  return { skuId: 0, marketplace: 'us', sellerSku: ' KIT-US ', asin: 'b0kitkitki', fnsku: '', unitsPerListing: '', components, ...overrides };
}
const row = (skuCode: string, skuId: number | undefined, units: string): ComponentDraft => ({ skuCode, skuId, units });

describe('parseListingDraft with components', () => {
  it('two or more SKUs make a bundle: its first component is the listing SKU, 1 unit per listing, no FNSKU', () => {
    const fields = parseListingDraft(bundle([row('CASE-01', CASE, '1'), row('CABLE-02', CABLE, ' 2 ')]));
    expect(fields).toEqual({
      skuId: CASE,
      marketplace: 'US',
      sellerSku: 'KIT-US',
      asin: 'B0KITKITKI',
      fnsku: '',
      unitsPerListing: 1,
      components: [
        { skuId: CASE, units: 1 },
        { skuId: CABLE, units: 2 },
      ],
    });
    expect(isBundle(fields)).toBe(true);
  });

  it('wholly blank rows are left out (the form keeps an empty row to type into)', () => {
    const fields = parseListingDraft(bundle([row('', undefined, ''), row('CASE-01', CASE, '1'), row(' ', undefined, ' '), row('CHARGER-03', CHARGER, '1')]));
    expect(fields.components).toEqual([
      { skuId: CASE, units: 1 },
      { skuId: CHARGER, units: 1 },
    ]);
  });

  it('one component is a multi-pack, stored as a plain listing of that SKU', () => {
    const fields = parseListingDraft(bundle([row('', undefined, ''), row('CABLE-02', CABLE, '3')], { unitsPerListing: '7' }));
    expect(fields).toEqual({ skuId: CABLE, marketplace: 'US', sellerSku: 'KIT-US', asin: 'B0KITKITKI', fnsku: '', unitsPerListing: 3 });
    expect(isBundle(fields)).toBe(false);
  });

  it.each([
    ['no component at all', [row('', undefined, '')], { code: 'field.required', params: { field: 'components' } }],
    ['units but no SKU', [row('CASE-01', CASE, '1'), row('', undefined, '2')], { code: 'field.required', params: { field: 'componentSku', line: 2 } }],
    ['a code that names no SKU', [row('CASE-01', CASE, '1'), row(' NOPE ', undefined, '2')], { code: 'listing.unknownComponent', params: { sku: 'NOPE', line: 2 } }],
    ['the same SKU twice', [row('CASE-01', CASE, '1'), row('CABLE-02', CABLE, '1'), row('case-01', CASE, '1')], { code: 'listing.duplicateComponent', params: { sku: 'case-01', line: 3 } }],
    ['zero units', [row('CASE-01', CASE, '0'), row('CABLE-02', CABLE, '1')], { code: 'field.notPositive', params: { field: 'componentUnits', value: '0', line: 1 } }],
    ['fractional units', [row('CASE-01', CASE, '1'), row('CABLE-02', CABLE, '1.5')], { code: 'field.notInteger', params: { field: 'componentUnits', value: '1.5', line: 2 } }],
    ['units not a number', [row('CASE-01', CASE, '1'), row('CABLE-02', CABLE, 'two')], { code: 'field.notNumber', params: { field: 'componentUnits', value: 'two', line: 2 } }],
    ['blank units', [row('CASE-01', CASE, '1'), row('CABLE-02', CABLE, '')], { code: 'field.required', params: { field: 'componentUnits', line: 2 } }],
  ])('refuses %s, naming the field and row', (_name, components, expected) => {
    expect(errorOf(() => parseListingDraft(bundle(components)))).toEqual(expected);
  });

  it('refuses an FNSKU on a bundle (it holds no stock of its own), but not on a one-SKU multi-pack', () => {
    expect(errorOf(() => parseListingDraft(bundle([row('CASE-01', CASE, '1'), row('CABLE-02', CABLE, '2')], { fnsku: 'x001abcdef' })))).toEqual({
      code: 'listing.bundleFnsku',
      params: { fnsku: 'X001ABCDEF' },
    });
    expect(parseListingDraft(bundle([row('CABLE-02', CABLE, '2')], { fnsku: 'x001abcdef' }))).toMatchObject({ skuId: CABLE, fnsku: 'X001ABCDEF', unitsPerListing: 2 });
  });

  it('the seller SKU and marketplace are still checked first', () => {
    expect(errorOf(() => parseListingDraft(bundle([row('CASE-01', CASE, '1')], { sellerSku: ' ' })))).toEqual({ code: 'field.required', params: { field: 'sellerSku' } });
    expect(errorOf(() => parseListingDraft(bundle([row('CASE-01', CASE, '1')], { marketplace: 'XX' })))).toEqual({ code: 'field.required', params: { field: 'marketplace' } });
  });
});

describe('findListingConflict with bundles', () => {
  const kit: PlatformListing = { id: 9, skuId: CASE, marketplace: 'US', sellerSku: 'KIT-US', asin: '', fnsku: '', unitsPerListing: 1, components: [{ skuId: CASE, units: 1 }, { skuId: CABLE, units: 2 }] };
  const codeOf = (id: number) => ['', 'CASE-01', 'CABLE-02', 'CHARGER-03'][id] ?? '?';

  it('a bundle holds its (marketplace, seller SKU) like any listing: one mapping per code, the refusal saying it is a bundle', () => {
    const plain = parseListingDraft({ skuId: CABLE, marketplace: 'US', sellerSku: 'kit-us', asin: '', fnsku: '', unitsPerListing: '1' });
    const refusal = findListingConflict(plain, [kit], codeOf);
    expect([refusal?.code, refusal?.params]).toEqual(['listing.conflictBundle', { marketplace: 'US', sellerSku: 'kit-us' }]);
    const other = parseListingDraft(bundle([row('CABLE-02', CABLE, '1'), row('CHARGER-03', CHARGER, '1')], { sellerSku: 'kit-us' }));
    expect(findListingConflict(other, [kit], codeOf)?.code).toBe('listing.conflictBundle');
    // A bundle on a seller SKU a plain listing holds names that listing's SKU.
    const held: PlatformListing = { id: 4, skuId: CHARGER, marketplace: 'US', sellerSku: 'KIT-US', asin: '', fnsku: '', unitsPerListing: 1 };
    expect(findListingConflict(other, [held], codeOf)?.params).toEqual({ marketplace: 'US', sellerSku: 'kit-us', sku: 'CHARGER-03' });
    // Re-saving the bundle itself is no conflict.
    expect(findListingConflict(other, [kit], codeOf, kit.id)).toBeNull();
  });
});

describe('sellerSkuComponents: what one unit sold of a seller SKU draws down', () => {
  const lookup: LedgerCodeLookup = {
    byFnsku: new Map(),
    bySellerSku: new Map([['US|CABLE-2PK', { skuId: CABLE, unitsPerListing: 2 }]]),
    bySkuCode: new Map([['CASE-01', { skuId: CASE, unitsPerListing: 1 }]]),
    bundlesBySellerSku: new Map([
      [
        'US|KIT-US',
        [
          { skuId: CASE, unitsPerListing: 1 },
          { skuId: CABLE, unitsPerListing: 2 },
        ],
      ],
    ]),
  };

  it.each([
    ['a bundle: every component (seller SKUs are case-insensitive)', 'US', ' kit-us ', [{ skuId: CASE, unitsPerListing: 1 }, { skuId: CABLE, unitsPerListing: 2 }]],
    ['a plain 2-pack listing: its one SKU', 'US', 'cable-2pk', [{ skuId: CABLE, unitsPerListing: 2 }]],
    ['a seller SKU equal to a SKU code', 'DE', 'case-01', [{ skuId: CASE, unitsPerListing: 1 }]],
    ["the bundle's seller SKU on another marketplace: nothing", 'DE', 'KIT-US', undefined],
  ])('%s', (_name, marketplace, sellerSku, expected) => {
    expect(sellerSkuComponents(lookup, marketplace, sellerSku)).toEqual(expected);
  });

  it('dailyDemand through it: 3 bundles sold are 3 cases and 6 cables that day, besides the 2-packs', () => {
    const merge: DemandMerge = {
      lines: [
        { lineKey: 'a', marketplace: 'US', sellerSku: 'KIT-US', asin: '', date: '2026-05-04', units: 3, channel: 'Amazon' },
        { lineKey: 'b', marketplace: 'US', sellerSku: 'CABLE-2PK', asin: '', date: '2026-05-04', units: 1, channel: 'Amazon' },
      ],
    };
    expect(dailyDemand(merge, (m, code) => sellerSkuComponents(lookup, m, code))).toEqual({
      days: [
        { skuId: CASE, marketplace: 'US', day: '2026-05-04', units: 3 },
        { skuId: CABLE, marketplace: 'US', day: '2026-05-04', units: 8 },
      ],
      unresolved: [],
    });
  });
});
