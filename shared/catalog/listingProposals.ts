// All Listings report → proposed platform codes: each seller SKU of the file is matched to the
// seller's own SKU with the same code (case-insensitive). Nothing is guessed beyond that: the rest is
// listed for the seller to map by hand.
import type { ListingRecord } from '../import/records';
import type { Marketplace, PlatformListing } from '../model';
import { skuCodeKey } from './catalog';

export type ProposalStatus = 'new' | 'known' | 'unmatched';

export interface ListingProposal {
  sellerSku: string;
  asin: string;
  title: string;
  /** 'new': will be saved for `skuId`; 'known': this marketplace already maps it; 'unmatched': no SKU has that code. */
  status: ProposalStatus;
  skuId: number | null;
}

/** The marketplace an All Listings file most likely comes from, by its fulfilment channel. */
export function guessListingsMarketplace(records: readonly ListingRecord[]): Marketplace {
  const channels = new Set(records.map((r) => r.fulfillmentChannel.toUpperCase()));
  if (channels.has('AMAZON_EU')) return 'DE';
  if (channels.has('AMAZON_JP') || channels.has('AMAZON_FE')) return 'JP';
  return 'US';
}

export function proposeListingMappings(
  records: readonly ListingRecord[],
  marketplace: Marketplace,
  skus: readonly { id: number; codeKey: string }[],
  existing: readonly Pick<PlatformListing, 'marketplace' | 'sellerSku'>[],
): ListingProposal[] {
  const skuByCode = new Map(skus.map((s) => [s.codeKey, s.id]));
  const known = new Set(existing.filter((l) => l.marketplace === marketplace).map((l) => l.sellerSku.toUpperCase()));
  const seen = new Set<string>();
  const proposals: ListingProposal[] = [];
  for (const record of records) {
    const key = record.sellerSku.trim().toUpperCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const skuId = skuByCode.get(skuCodeKey(record.sellerSku)) ?? null;
    const status: ProposalStatus = known.has(key) ? 'known' : skuId !== null ? 'new' : 'unmatched';
    proposals.push({ sellerSku: record.sellerSku.trim(), asin: record.asin, title: record.title, status, skuId: status === 'new' ? skuId : null });
  }
  return proposals;
}
