import { describe, expect, it } from 'vitest';
import { guessListingsMarketplace, proposeListingMappings } from '../../shared/catalog/listingProposals';
import type { ListingRecord } from '../../shared/import/records';

const listing = (sellerSku: string, fulfillmentChannel = 'AMAZON_NA', asin = 'B0D3KQ7M2X'): ListingRecord => ({
  type: 'listing',
  row: 1,
  sellerSku,
  asin,
  title: `Title ${sellerSku}`,
  fulfillmentChannel,
  status: 'Active',
  price: null,
  quantity: null,
  openDate: null,
});

describe('proposeListingMappings', () => {
  const skus = [
    { id: 1, codeKey: 'BT-EARBUD-BLK' },
    { id: 2, codeKey: 'LED-STRIP' },
  ];

  it('matches seller SKUs to SKU codes case-insensitively, skips known ones and lists the rest', () => {
    const proposals = proposeListingMappings(
      [listing('bt-earbud-blk'), listing('LED-STRIP'), listing('NOPE-1'), listing('BT-EARBUD-BLK')],
      'US',
      skus,
      [{ marketplace: 'US', sellerSku: 'led-strip' }],
    );
    expect(proposals.map((p) => [p.sellerSku, p.status, p.skuId])).toEqual([
      ['bt-earbud-blk', 'new', 1],
      ['LED-STRIP', 'known', null],
      ['NOPE-1', 'unmatched', null],
    ]);
  });

  it('a code mapped in another marketplace is still new here', () => {
    const [proposal] = proposeListingMappings([listing('LED-STRIP')], 'DE', skus, [{ marketplace: 'US', sellerSku: 'LED-STRIP' }]);
    expect(proposal).toMatchObject({ status: 'new', skuId: 2 });
  });
});

describe('guessListingsMarketplace', () => {
  it('guesses by fulfilment channel', () => {
    expect(guessListingsMarketplace([listing('A', 'DEFAULT'), listing('B', 'AMAZON_NA')])).toBe('US');
    expect(guessListingsMarketplace([listing('A', 'AMAZON_EU')])).toBe('DE');
    expect(guessListingsMarketplace([listing('A', 'AMAZON_JP')])).toBe('JP');
  });
});
