// Rules of the SKU catalog and platform codes (PRODUCT §1.2).
import { DomainError } from '../errors';
import { MARKETPLACES, LOCATION_KINDS } from '../model';
import type { BundleComponent, Location, LocationKind, Marketplace, PlatformListing, Sku } from '../model';
import { optionalText, parseAmount, parseCurrency, parseWholeNumber, requiredText } from './fields';
import { parsePackageDraft } from './packageSize';
import type { PackageDraft } from './packageSize';

/** The SKU form. The package fields are optional: a draft without them saves no package size. */
export interface SkuDraft extends PackageDraft {
  code: string;
  name: string;
  unitCost: string;
  costCurrency: string;
  casePack: string;
  moq: string;
  barcode: string;
}

/** Package size and storage type always present (null: none), so saving a draft clears a size the seller removed. */
export type SkuFields = Pick<Sku, 'code' | 'name' | 'unitCostMinor' | 'costCurrency' | 'casePack' | 'moq' | 'barcode'> & Required<Pick<Sku, 'packageCm' | 'storageType'>>;

export function parseSkuDraft(draft: SkuDraft): SkuFields {
  const code = requiredText('code', draft.code, 64);
  if (/\s/.test(code)) throw new DomainError('field.badFormat', { field: 'code', value: code });
  const costCurrency = parseCurrency('costCurrency', draft.costCurrency);
  return {
    code,
    name: requiredText('name', draft.name, 200),
    unitCostMinor: draft.unitCost.trim() === '' ? 0 : parseAmount('unitCost', draft.unitCost, costCurrency),
    costCurrency,
    casePack: draft.casePack.trim() === '' ? 1 : parseWholeNumber('casePack', draft.casePack, 1),
    moq: draft.moq.trim() === '' ? 0 : parseWholeNumber('moq', draft.moq, 0),
    barcode: optionalText('barcode', draft.barcode, 64),
    ...parsePackageDraft(draft),
  };
}

/** SKU codes are unique regardless of case: `ab-1` and `AB-1` would be the same label on a shelf. */
export function skuCodeKey(code: string): string {
  return code.trim().toUpperCase();
}

/** One row of a bundle's component list: the SKU code as typed, the SKU it names (undefined: none), units per bundle. */
export interface ComponentDraft {
  skuCode: string;
  skuId: number | undefined;
  units: string;
}

export interface ListingDraft {
  /** The SKU; ignored when `components` is given. */
  skuId: number;
  marketplace: string;
  sellerSku: string;
  asin: string;
  fnsku: string;
  unitsPerListing: string;
  /** Given: the listing is a bundle of these rows (wholly blank rows are left out). */
  components?: readonly ComponentDraft[];
}

export type ListingFields = Omit<PlatformListing, 'id'>;

/** A bundle listing (two or more component SKUs); it maps no stock code, only sales. */
export function isBundle<L extends Pick<PlatformListing, 'components'>>(listing: L): listing is L & { components: NonNullable<PlatformListing['components']> } {
  return (listing.components?.length ?? 0) > 0;
}

export function isMarketplace(value: string): value is Marketplace {
  return (MARKETPLACES as readonly string[]).includes(value);
}

export function parseListingDraft(draft: ListingDraft): ListingFields {
  const marketplace = draft.marketplace.trim().toUpperCase();
  if (!isMarketplace(marketplace)) throw new DomainError('field.required', { field: 'marketplace' });
  const asin = optionalText('asin', draft.asin, 20).toUpperCase();
  if (asin !== '' && !/^[A-Z0-9]{10}$/.test(asin)) throw new DomainError('field.badFormat', { field: 'asin', value: asin });
  const fnsku = optionalText('fnsku', draft.fnsku, 20).toUpperCase();
  if (fnsku !== '' && !/^[A-Z0-9]{10}$/.test(fnsku)) throw new DomainError('field.badFormat', { field: 'fnsku', value: fnsku });
  const sellerSku = requiredText('sellerSku', draft.sellerSku, 64);
  if (draft.components !== undefined) {
    const components = parseComponents(draft.components);
    // One component is a multi-pack of that SKU, stored as one: a single way to say "3 units of X".
    if (components.length === 1) return { skuId: components[0]!.skuId, marketplace, sellerSku, asin, fnsku, unitsPerListing: components[0]!.units };
    // A virtual bundle holds no stock of its own: FBA stores (and labels) the components.
    if (fnsku !== '') throw new DomainError('listing.bundleFnsku', { fnsku });
    return { skuId: components[0]!.skuId, marketplace, sellerSku, asin, fnsku, unitsPerListing: 1, components };
  }
  return {
    skuId: draft.skuId,
    marketplace,
    sellerSku,
    asin,
    fnsku,
    unitsPerListing: draft.unitsPerListing.trim() === '' ? 1 : parseWholeNumber('unitsPerListing', draft.unitsPerListing, 1),
  };
}

/** A bundle's rows: each names a SKU once, with whole units ≥ 1; errors carry the 1-based row as `line`. */
function parseComponents(rows: readonly ComponentDraft[]): BundleComponent[] {
  const components: BundleComponent[] = [];
  rows.forEach((row, index) => {
    if (row.skuCode.trim() === '' && row.units.trim() === '') return;
    const line = index + 1;
    if (row.skuCode.trim() === '') throw new DomainError('field.required', { field: 'componentSku', line });
    if (row.skuId === undefined) throw new DomainError('listing.unknownComponent', { sku: row.skuCode.trim(), line });
    const skuId = row.skuId;
    if (components.some((c) => c.skuId === skuId)) throw new DomainError('listing.duplicateComponent', { sku: row.skuCode.trim(), line });
    let units: number;
    try {
      units = parseWholeNumber('componentUnits', row.units, 1);
    } catch (error) {
      throw error instanceof DomainError ? new DomainError(error.code, { ...error.params, line }) : error;
    }
    components.push({ skuId, units });
  });
  if (components.length === 0) throw new DomainError('field.required', { field: 'components' });
  return components;
}

/**
 * One FNSKU, and one marketplace + seller SKU, map to exactly one SKU. Returns the error naming the
 * SKU that already holds the code, or null. `ignoreListingId` lets a listing be re-saved.
 */
export function findListingConflict(
  candidate: ListingFields,
  existing: readonly PlatformListing[],
  skuCodeOf: (skuId: number) => string,
  ignoreListingId?: number,
): DomainError | null {
  for (const listing of existing) {
    if (listing.id === ignoreListingId) continue;
    // One FNSKU may serve several marketplaces of the same SKU (pan-European FBA), never two SKUs.
    if (candidate.fnsku !== '' && listing.fnsku === candidate.fnsku && listing.skuId !== candidate.skuId) {
      return new DomainError('listing.conflictFnsku', { fnsku: candidate.fnsku, sku: skuCodeOf(listing.skuId) });
    }
    if (listing.marketplace === candidate.marketplace && listing.sellerSku.toUpperCase() === candidate.sellerSku.toUpperCase()) {
      // A bundle maps to several SKUs: naming its first one would mislead.
      if (isBundle(listing)) return new DomainError('listing.conflictBundle', { marketplace: candidate.marketplace, sellerSku: candidate.sellerSku });
      return new DomainError('listing.conflictSellerSku', {
        marketplace: candidate.marketplace,
        sellerSku: candidate.sellerSku,
        sku: skuCodeOf(listing.skuId),
      });
    }
  }
  return null;
}

export interface LocationDraft {
  name: string;
  kind: string;
  marketplace: string;
}

export function isLocationKind(value: string): value is LocationKind {
  return (LOCATION_KINDS as readonly string[]).includes(value);
}

export function parseLocationDraft(draft: LocationDraft): Omit<Location, 'id' | 'archived'> {
  const name = requiredText('name', draft.name, 80);
  // The transit location is created with the database; shipments keep their own balances in it.
  if (!isLocationKind(draft.kind) || draft.kind === 'transit') throw new DomainError('field.required', { field: 'kind' });
  if (draft.kind === 'fba') {
    const marketplace = draft.marketplace.trim().toUpperCase();
    if (!isMarketplace(marketplace)) throw new DomainError('field.required', { field: 'marketplace' });
    return { name, kind: draft.kind, marketplace };
  }
  return { name, kind: draft.kind };
}
