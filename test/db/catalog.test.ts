// SKUs, platform listings and locations through renderer/db/catalog.ts, on a fresh database per test.
import { afterEach, describe, expect, it } from 'vitest';
import { createLocation, createSku, deleteListing, renameLocation, saveListing, setSkuArchived, transitLocationId, updateSku } from '../../renderer/db/catalog';
import type { ListingDraft } from '../../shared/catalog/catalog';
import { LATER, NOW, addSku, disposeDatabases, expectDomainError, expectRefusedUnchanged, freshDb, skuDraft } from './helpers';

afterEach(disposeDatabases);

describe('a new database', () => {
  it('is populated with a domestic warehouse and an in-transit location, and nothing else', async () => {
    const db = await freshDb();
    const locations = await db.locations.toArray();
    expect(locations.map(({ name, kind, archived }) => ({ name, kind, archived }))).toEqual([
      { name: 'Domestic warehouse', kind: 'domestic', archived: false },
      { name: 'In transit', kind: 'transit', archived: false },
    ]);
    expect(await db.skus.count()).toBe(0);
    expect(await db.listings.count()).toBe(0);
    expect(await db.movements.count()).toBe(0);
    expect(await db.shipments.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });

  it('transitLocationId returns the populated transit location without adding another', async () => {
    const db = await freshDb();
    const transit = await db.locations.where('kind').equals('transit').first();
    expect(await transitLocationId(db)).toBe(transit!.id);
    expect(await db.locations.count()).toBe(2);
  });
});

describe('SKUs', () => {
  it('createSku stores the parsed fields with an uppercase code key', async () => {
    const db = await freshDb();
    const id = await createSku(db, skuDraft({ code: ' case-01 ', unitCost: '2.50', casePack: '1,200', moq: '' }), NOW);
    expect(await db.skus.get(id)).toEqual({
      id,
      code: 'case-01',
      codeKey: 'CASE-01',
      name: 'Phone case',
      unitCostMinor: 250,
      costCurrency: 'USD',
      casePack: 1200,
      moq: 0,
      barcode: '',
      packageCm: null,
      storageType: 'standard',
      archived: false,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('updateSku changes the fields and updatedAt, keeping id, createdAt and archived', async () => {
    const db = await freshDb();
    const id = await addSku(db, 'CASE-01');
    await setSkuArchived(db, id, true, NOW);
    await updateSku(db, id, skuDraft({ code: 'case-01b', name: 'Phone case v2', unitCost: '3', costCurrency: 'cny', casePack: '20' }), LATER);
    expect(await db.skus.get(id)).toMatchObject({
      id,
      code: 'case-01b',
      codeKey: 'CASE-01B',
      name: 'Phone case v2',
      unitCostMinor: 300,
      costCurrency: 'CNY',
      casePack: 20,
      archived: true,
      createdAt: NOW,
      updatedAt: LATER,
    });
    expect(await db.skus.count()).toBe(1);
  });

  it('stores the package size in cm and the storage type, reads them back, and clears a size the seller removed', async () => {
    const db = await freshDb();
    const id = await addSku(db, 'CASE-01', { packageLength: '12', packageWidth: '10', packageHeight: '6', dimensionUnit: 'in', storageType: 'footwear' });
    expect(await db.skus.get(id)).toMatchObject({ packageCm: { lengthCm: 30.48, widthCm: 25.4, heightCm: 15.24 }, storageType: 'footwear' });
    await updateSku(db, id, skuDraft({ packageLength: '', packageWidth: '', packageHeight: '', storageType: 'standard' }), LATER);
    expect(await db.skus.get(id)).toMatchObject({ packageCm: null, storageType: 'standard' });
  });

  it('a bad package size is refused naming the field and value, and nothing is written', async () => {
    const db = await freshDb();
    const id = await addSku(db, 'CASE-01', { packageLength: '20', packageWidth: '15', packageHeight: '10' });
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ code: 'NEW-1', packageLength: '-5', packageWidth: '1', packageHeight: '1' }), LATER), 'field.negative', { field: 'packageLength', value: '-5' });
    await expectRefusedUnchanged(db, ['skus'], () => updateSku(db, id, skuDraft({ packageLength: '20', packageWidth: '0', packageHeight: '10' }), LATER), 'field.notPositive', { field: 'packageWidth', value: '0' });
    await expectRefusedUnchanged(db, ['skus'], () => updateSku(db, id, skuDraft({ packageLength: '20', packageWidth: '15', packageHeight: 'big' }), LATER), 'field.notNumber', { field: 'packageHeight', value: 'big' });
  });

  it('updateSku may keep its own code, in another case', async () => {
    const db = await freshDb();
    const id = await addSku(db, 'CASE-01');
    await updateSku(db, id, skuDraft({ code: 'Case-01' }), LATER);
    expect((await db.skus.get(id))!.code).toBe('Case-01');
  });

  it('setSkuArchived archives and restores', async () => {
    const db = await freshDb();
    const id = await addSku(db, 'CASE-01');
    await setSkuArchived(db, id, true, LATER);
    expect(await db.skus.get(id)).toMatchObject({ archived: true, updatedAt: LATER });
    await setSkuArchived(db, id, false, NOW);
    expect(await db.skus.get(id)).toMatchObject({ archived: false, updatedAt: NOW });
  });

  it('setSkuArchived / updateSku on a missing id → sku.notFound, nothing written', async () => {
    const db = await freshDb();
    await addSku(db, 'CASE-01');
    await expectRefusedUnchanged(db, ['skus'], () => setSkuArchived(db, 999, true, LATER), 'sku.notFound', { id: 999 });
    await expectRefusedUnchanged(db, ['skus'], () => updateSku(db, 999, skuDraft({ code: 'NEW' }), LATER), 'sku.notFound', { id: 999 });
  });

  it('a duplicate code is refused, naming the existing code, and the table is unchanged', async () => {
    const db = await freshDb();
    await addSku(db, 'CASE-01');
    await addSku(db, 'cable-02');
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ code: 'CASE-01', name: 'Other' }), LATER), 'sku.duplicateCode', { code: 'CASE-01' });
  });

  it('a code differing only in case is a duplicate too', async () => {
    const db = await freshDb();
    await addSku(db, 'Case-01');
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ code: 'CASE-01' }), LATER), 'sku.duplicateCode', { code: 'Case-01' });
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ code: ' case-01 ' }), LATER), 'sku.duplicateCode', { code: 'Case-01' });
  });

  it('renaming a SKU to another SKU\'s code (any case) is refused and changes nothing', async () => {
    const db = await freshDb();
    await addSku(db, 'CASE-01');
    const cable = await addSku(db, 'CABLE-02');
    await expectRefusedUnchanged(db, ['skus'], () => updateSku(db, cable, skuDraft({ code: 'case-01' }), LATER), 'sku.duplicateCode', { code: 'CASE-01' });
  });

  it('a non-numeric case pack → field.notNumber on casePack, nothing written', async () => {
    const db = await freshDb();
    const id = await addSku(db, 'CASE-01');
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ code: 'NEW-1', casePack: 'abc' }), LATER), 'field.notNumber', {
      field: 'casePack',
      value: 'abc',
    });
    await expectRefusedUnchanged(db, ['skus'], () => updateSku(db, id, skuDraft({ casePack: '12 pcs' }), LATER), 'field.notNumber', {
      field: 'casePack',
      value: '12 pcs',
    });
  });

  it('other bad fields are refused before anything is written', async () => {
    const db = await freshDb();
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ code: '' }), NOW), 'field.required', { field: 'code' });
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ code: 'A B' }), NOW), 'field.badFormat');
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ casePack: '0' }), NOW), 'field.notPositive');
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ unitCost: 'two' }), NOW), 'field.notNumber', { field: 'unitCost', value: 'two' });
    await expectRefusedUnchanged(db, ['skus'], () => createSku(db, skuDraft({ costCurrency: 'dollars' }), NOW), 'field.badCurrency');
    expect(await db.skus.count()).toBe(0);
  });
});

const listing = (skuId: number, overrides: Partial<ListingDraft> = {}): ListingDraft => ({
  skuId,
  marketplace: 'US',
  sellerSku: 'CASE-01-US',
  asin: 'B0ABCDEF12',
  fnsku: 'X001ABCDEF',
  unitsPerListing: '',
  ...overrides,
});

describe('listings', () => {

  it('saveListing stores the normalized listing with its uppercase seller SKU key', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'CASE-01');
    const id = await saveListing(db, listing(sku, { marketplace: ' us ', sellerSku: 'case-01-us', asin: 'b0abcdef12', fnsku: 'x001abcdef', unitsPerListing: '2' }));
    expect(await db.listings.get(id)).toEqual({
      id,
      skuId: sku,
      marketplace: 'US',
      sellerSku: 'case-01-us',
      sellerSkuKey: 'CASE-01-US',
      asin: 'B0ABCDEF12',
      fnsku: 'X001ABCDEF',
      unitsPerListing: 2,
    });
  });

  it('several listings may map to one SKU', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'CASE-01');
    await saveListing(db, listing(sku));
    await saveListing(db, listing(sku, { marketplace: 'DE', sellerSku: 'CASE-01-DE', fnsku: 'X001DEDEDE' }));
    await saveListing(db, listing(sku, { sellerSku: 'CASE-01-2PK', fnsku: 'X0012PK000', unitsPerListing: '2' }));
    expect(await db.listings.where('skuId').equals(sku).count()).toBe(3);
  });

  it('an FNSKU already mapped to another SKU → listing.conflictFnsku naming that SKU, table unchanged', async () => {
    const db = await freshDb();
    const caseSku = await addSku(db, 'CASE-01');
    const cable = await addSku(db, 'CABLE-02');
    await saveListing(db, listing(caseSku));
    await expectRefusedUnchanged(
      db,
      ['listings', 'skus'],
      () => saveListing(db, listing(cable, { sellerSku: 'CABLE-02-US', fnsku: 'x001abcdef' })),
      'listing.conflictFnsku',
      { fnsku: 'X001ABCDEF', sku: 'CASE-01' },
    );
  });

  it('the same marketplace + seller SKU (other case) on another SKU → listing.conflictSellerSku, table unchanged', async () => {
    const db = await freshDb();
    const caseSku = await addSku(db, 'CASE-01');
    const cable = await addSku(db, 'CABLE-02');
    await saveListing(db, listing(caseSku));
    await expectRefusedUnchanged(
      db,
      ['listings', 'skus'],
      () => saveListing(db, listing(cable, { sellerSku: 'case-01-us', fnsku: '' })),
      'listing.conflictSellerSku',
      { marketplace: 'US', sellerSku: 'case-01-us', sku: 'CASE-01' },
    );
    // The same seller SKU on another marketplace is a different listing.
    const de = await saveListing(db, listing(cable, { marketplace: 'DE', sellerSku: 'case-01-us', fnsku: '' }));
    expect(await db.listings.get(de)).toMatchObject({ skuId: cable, marketplace: 'DE' });
  });

  it('re-saving an existing listing by id updates it in place', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'CASE-01');
    const id = await saveListing(db, listing(sku));
    const again = await saveListing(db, listing(sku, { asin: 'B0ZZZZZZZZ', unitsPerListing: '3' }), id);
    expect(again).toBe(id);
    expect(await db.listings.toArray()).toEqual([
      { id, skuId: sku, marketplace: 'US', sellerSku: 'CASE-01-US', sellerSkuKey: 'CASE-01-US', asin: 'B0ZZZZZZZZ', fnsku: 'X001ABCDEF', unitsPerListing: 3 },
    ]);
  });

  it('re-saving a listing by id may move it to another SKU (its own codes do not conflict with itself)', async () => {
    const db = await freshDb();
    const caseSku = await addSku(db, 'CASE-01');
    const cable = await addSku(db, 'CABLE-02');
    const id = await saveListing(db, listing(caseSku));
    await saveListing(db, listing(cable), id);
    expect(await db.listings.toArray()).toEqual([expect.objectContaining({ id, skuId: cable, fnsku: 'X001ABCDEF' })]);
  });

  it('a listing for a missing SKU → sku.notFound; bad codes are refused; deleteListing removes it', async () => {
    const db = await freshDb();
    await expectRefusedUnchanged(db, ['listings'], () => saveListing(db, listing(42)), 'sku.notFound', { id: 42 });
    const sku = await addSku(db, 'CASE-01');
    await expectRefusedUnchanged(db, ['listings'], () => saveListing(db, listing(sku, { fnsku: 'SHORT' })), 'field.badFormat', { field: 'fnsku', value: 'SHORT' });
    await expectRefusedUnchanged(db, ['listings'], () => saveListing(db, listing(sku, { marketplace: 'XX' })), 'field.required', { field: 'marketplace' });
    const id = await saveListing(db, listing(sku));
    await deleteListing(db, id);
    expect(await db.listings.count()).toBe(0);
  });
});

describe('bundle listings', () => {
  const kit = (components: ListingDraft['components'], overrides: Partial<ListingDraft> = {}): ListingDraft => ({
    skuId: 0,
    marketplace: 'US',
    sellerSku: 'KIT-US',
    asin: 'B0KITKITKI',
    fnsku: '',
    unitsPerListing: '',
    components,
    ...overrides,
  });

  it('saveListing stores a bundle with its components; re-saving it as a plain listing drops them', async () => {
    const db = await freshDb();
    const caseSku = await addSku(db, 'CASE-01');
    const cable = await addSku(db, 'CABLE-02');
    const id = await saveListing(db, kit([{ skuCode: 'CASE-01', skuId: caseSku, units: '1' }, { skuCode: 'CABLE-02', skuId: cable, units: '2' }]));
    expect(await db.listings.get(id)).toEqual({
      id,
      skuId: caseSku,
      marketplace: 'US',
      sellerSku: 'KIT-US',
      sellerSkuKey: 'KIT-US',
      asin: 'B0KITKITKI',
      fnsku: '',
      unitsPerListing: 1,
      components: [
        { skuId: caseSku, units: 1 },
        { skuId: cable, units: 2 },
      ],
    });
    await saveListing(db, listing(cable, { sellerSku: 'KIT-US', fnsku: '' }), id);
    expect(await db.listings.get(id)).not.toHaveProperty('components');
  });

  it('a component SKU that no longer exists → sku.notFound naming it; its seller SKU then conflicts like any listing', async () => {
    const db = await freshDb();
    const caseSku = await addSku(db, 'CASE-01');
    const cable = await addSku(db, 'CABLE-02');
    await expectRefusedUnchanged(db, ['listings'], () => saveListing(db, kit([{ skuCode: 'CASE-01', skuId: caseSku, units: '1' }, { skuCode: 'GONE', skuId: 77, units: '1' }])), 'sku.notFound', { id: 77 });
    await saveListing(db, listing(cable, { sellerSku: 'kit-us', fnsku: '' }));
    await expectRefusedUnchanged(
      db,
      ['listings'],
      () => saveListing(db, kit([{ skuCode: 'CASE-01', skuId: caseSku, units: '1' }, { skuCode: 'CABLE-02', skuId: cable, units: '1' }])),
      'listing.conflictSellerSku',
      { marketplace: 'US', sellerSku: 'KIT-US', sku: 'CABLE-02' },
    );
  });
});

describe('locations', () => {
  it('createLocation adds an FBA location with its marketplace', async () => {
    const db = await freshDb();
    const id = await createLocation(db, { name: ' FBA US ', kind: 'fba', marketplace: 'us' });
    expect(await db.locations.get(id)).toEqual({ id, name: 'FBA US', kind: 'fba', marketplace: 'US', archived: false });
  });

  it('a 3PL location carries no marketplace', async () => {
    const db = await freshDb();
    const id = await createLocation(db, { name: 'ShipBob NJ', kind: '3pl', marketplace: 'US' });
    expect(await db.locations.get(id)).toEqual({ id, name: 'ShipBob NJ', kind: '3pl', archived: false });
  });

  it('an FBA location without a valid marketplace, or an unknown kind, is refused', async () => {
    const db = await freshDb();
    await expectRefusedUnchanged(db, ['locations'], () => createLocation(db, { name: 'FBA', kind: 'fba', marketplace: '' }), 'field.required', { field: 'marketplace' });
    await expectRefusedUnchanged(db, ['locations'], () => createLocation(db, { name: 'Shed', kind: 'garage', marketplace: '' }), 'field.required', { field: 'kind' });
  });

  it('a duplicate name (any case, surrounding spaces) → location.duplicateName, table unchanged', async () => {
    const db = await freshDb();
    await createLocation(db, { name: 'FBA US', kind: 'fba', marketplace: 'US' });
    await expectRefusedUnchanged(db, ['locations'], () => createLocation(db, { name: ' fba us ', kind: 'fba', marketplace: 'US' }), 'location.duplicateName', {
      name: 'FBA US',
    });
    await expectRefusedUnchanged(db, ['locations'], () => createLocation(db, { name: 'domestic WAREHOUSE', kind: 'domestic', marketplace: '' }), 'location.duplicateName', {
      name: 'Domestic warehouse',
    });
  });

  it('renameLocation renames; a clash with another location is refused; its own name in another case is fine', async () => {
    const db = await freshDb();
    const fba = await createLocation(db, { name: 'FBA US', kind: 'fba', marketplace: 'US' });
    await renameLocation(db, fba, '  Amazon US  ');
    expect(await db.locations.get(fba)).toMatchObject({ name: 'Amazon US', kind: 'fba', marketplace: 'US' });
    await expectRefusedUnchanged(db, ['locations'], () => renameLocation(db, fba, 'in transit'), 'location.duplicateName', { name: 'In transit' });
    await expectRefusedUnchanged(db, ['locations'], () => renameLocation(db, fba, '   '), 'field.required', { field: 'name' });
    await expectRefusedUnchanged(db, ['locations'], () => renameLocation(db, 999, 'Nowhere'), 'location.notFound', { id: 999 });
    await renameLocation(db, fba, 'AMAZON US');
    expect((await db.locations.get(fba))!.name).toBe('AMAZON US');
  });
});

describe('refusals are DomainErrors, not storage errors', () => {
  it('a refusal inside a transaction surfaces as the same DomainError code', async () => {
    const db = await freshDb();
    await addSku(db, 'CASE-01');
    const error = await expectDomainError(createSku(db, skuDraft({ code: 'case-01' }), NOW), 'sku.duplicateCode');
    expect(error.name).toBe('DomainError');
  });
});
