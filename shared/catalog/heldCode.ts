// The SKU an imported code that maps to no SKU stands for (PRODUCT §1.2): what its held rows tell.
import type { SkuDraft } from './catalog';

/** What a held ledger row carries about its product. */
export interface HeldCodeFacts {
  code: string;
  sellerSku: string;
  title: string;
  asin: string;
}

/**
 * A new-SKU form prefilled from a held code's rows: the seller SKU as the SKU code (a seller's MSKU
 * is usually their own code; else the FNSKU or code itself), the product title as the name, the
 * first non-blank of each over the rows. The cost is left for the seller; the ASIN is shown beside.
 */
export function skuDraftForHeldCode(held: readonly HeldCodeFacts[], costCurrency: string): { draft: SkuDraft; asin: string } {
  const first = (pick: (row: HeldCodeFacts) => string) => held.map(pick).find((value) => value.trim() !== '')?.trim() ?? '';
  return {
    draft: { code: first((row) => row.sellerSku) || first((row) => row.code), name: first((row) => row.title), unitCost: '', costCurrency, casePack: '1', moq: '0', barcode: '' },
    asin: first((row) => row.asin),
  };
}
