// A SKU's package size and storage type (shared/catalog/packageSize.ts): the volume in cubic feet,
// what the SKU form accepts and refuses, and how an old or odd stored SKU is read.
import { describe, expect, it } from 'vitest';
import { parseSkuDraft } from '../../shared/catalog/catalog';
import type { SkuDraft } from '../../shared/catalog/catalog';
import { CUBIC_CM_PER_CUBIC_FOOT, packageSizeOf, parsePackageDraft, storageTypeOf, unitVolumeCubicFeet } from '../../shared/catalog/packageSize';
import type { PackageDraft } from '../../shared/catalog/packageSize';
import { errorOf } from './domainErrorKit';

describe('unitVolumeCubicFeet', () => {
  it.each([
    // 1 ft = 30.48 cm, so a 30.48 cm cube is one cubic foot.
    { size: { lengthCm: 30.48, widthCm: 30.48, heightCm: 30.48 }, cubicFeet: 1 },
    // 20 × 15 × 10 = 3,000 cm³ ÷ 28,316.846592 = 0.105944 ft³.
    { size: { lengthCm: 20, widthCm: 15, heightCm: 10 }, cubicFeet: 0.105944 },
    // 60 × 40 × 40 = 96,000 cm³ = 3.390208 ft³.
    { size: { lengthCm: 60, widthCm: 40, heightCm: 40 }, cubicFeet: 3.390208 },
    // 12 × 10 × 6 in = 720 in³ = 720 ÷ 1,728 ft³.
    { size: { lengthCm: 30.48, widthCm: 25.4, heightCm: 15.24 }, cubicFeet: 720 / 1728 },
  ])('$size.lengthCm × $size.widthCm × $size.heightCm cm → $cubicFeet ft³', ({ size, cubicFeet }) => {
    expect(unitVolumeCubicFeet({ packageCm: size })).toBeCloseTo(cubicFeet, 6);
  });

  it('1 ft³ is 28,316.846592 cm³', () => {
    expect(CUBIC_CM_PER_CUBIC_FOOT).toBe(30.48 * 30.48 * 30.48);
  });

  it.each([
    { name: 'absent (a SKU saved before sizes existed)', sku: {} },
    { name: 'null (not entered)', sku: { packageCm: null } },
    { name: 'a zero side', sku: { packageCm: { lengthCm: 10, widthCm: 0, heightCm: 5 } } },
    { name: 'a negative side', sku: { packageCm: { lengthCm: 10, widthCm: -2, heightCm: 5 } } },
    { name: 'a side that is text (an odd backup)', sku: JSON.parse('{"packageCm":{"lengthCm":"10","widthCm":2,"heightCm":5}}') as object },
    { name: 'a missing side', sku: JSON.parse('{"packageCm":{"lengthCm":10,"widthCm":2}}') as object },
  ])('is null when the size is $name', ({ sku }) => {
    expect(unitVolumeCubicFeet(sku)).toBeNull();
    expect(packageSizeOf(sku)).toBeNull();
  });
});

describe('storageTypeOf', () => {
  it('reads a known type and takes anything else as standard', () => {
    expect(storageTypeOf({ storageType: 'apparel' })).toBe('apparel');
    expect(storageTypeOf({ storageType: 'oversize' })).toBe('oversize');
    expect(storageTypeOf({})).toBe('standard');
    expect(storageTypeOf(JSON.parse('{"storageType":"hazmat"}') as object)).toBe('standard');
  });
});

describe('parsePackageDraft', () => {
  const cm = { packageLength: '20', packageWidth: '15', packageHeight: '10', dimensionUnit: 'cm' };

  it('keeps centimetres, converts inches (× 2.54), takes a decimal comma; all blank is no size', () => {
    expect(parsePackageDraft({ ...cm, storageType: 'footwear' })).toEqual({ packageCm: { lengthCm: 20, widthCm: 15, heightCm: 10 }, storageType: 'footwear' });
    expect(parsePackageDraft({ packageLength: '12', packageWidth: '10', packageHeight: '6', dimensionUnit: 'in' })).toEqual({
      packageCm: { lengthCm: 30.48, widthCm: 25.4, heightCm: 15.24 },
      storageType: 'standard',
    });
    expect(parsePackageDraft({ packageLength: '12,5', packageWidth: ' 0.5 ', packageHeight: '.5' }).packageCm).toEqual({ lengthCm: 12.5, widthCm: 0.5, heightCm: 0.5 });
    expect(parsePackageDraft({ packageLength: ' ', packageWidth: '', packageHeight: '', dimensionUnit: 'in', storageType: '' })).toEqual({ packageCm: null, storageType: 'standard' });
    expect(parsePackageDraft({})).toEqual({ packageCm: null, storageType: 'standard' });
  });

  it.each([
    { name: 'a negative length', draft: { packageLength: '-5' }, code: 'field.negative', field: 'packageLength', value: '-5' },
    { name: 'a zero width', draft: { packageWidth: '0' }, code: 'field.notPositive', field: 'packageWidth', value: '0' },
    { name: 'a height that is not a number', draft: { packageHeight: 'tall' }, code: 'field.notNumber', field: 'packageHeight', value: 'tall' },
    { name: 'a length with two points', draft: { packageLength: '1.2.3' }, code: 'field.notNumber', field: 'packageLength', value: '1.2.3' },
    { name: 'a missing height', draft: { packageHeight: '' }, code: 'field.required', field: 'packageHeight', value: undefined },
    { name: 'an unknown unit', draft: { dimensionUnit: 'mm' }, code: 'field.unknownChoice', field: 'dimensionUnit', value: 'mm' },
    { name: 'an unknown storage type', draft: { storageType: 'hazmat' }, code: 'field.unknownChoice', field: 'storageType', value: 'hazmat' },
  ] satisfies { name: string; draft: PackageDraft; code: string; field: string; value: string | undefined }[])('refuses $name ($code on $field)', ({ draft, code, field, value }) => {
    const error = errorOf(() => parsePackageDraft({ ...cm, ...draft }));
    expect(error.code).toBe(code);
    expect(error.params.field).toBe(field);
    expect(error.params.value).toBe(value);
  });

  it('is part of the SKU form: a refused size refuses the whole SKU', () => {
    const sku: SkuDraft = { code: 'CASE-01', name: 'Phone case', unitCost: '1', costCurrency: 'USD', casePack: '1', moq: '0', barcode: '' };
    expect(parseSkuDraft({ ...sku, ...cm, storageType: 'oversize' })).toMatchObject({ packageCm: { lengthCm: 20, widthCm: 15, heightCm: 10 }, storageType: 'oversize' });
    expect(errorOf(() => parseSkuDraft({ ...sku, ...cm, packageWidth: '-1' })).params).toEqual({ field: 'packageWidth', value: '-1' });
  });
});
