// A SKU's package size and storage type (PRODUCT §4.4: FBA capacity in cubic feet per storage type).
// Both are optional on a SKU and may be missing or odd in a restored backup, so they are read here,
// defensively, rather than taken from the record as they are.
import { DomainError } from '../errors';
import { STORAGE_TYPES } from '../model';
import type { PackageSizeCm, Sku, StorageType } from '../model';

/** 1 ft = 30.48 cm exactly, so 1 ft³ = 30.48³ cm³. */
export const CUBIC_CM_PER_CUBIC_FOOT = 28_316.846592;
export const CM_PER_INCH = 2.54;
export const DIMENSION_UNITS = ['cm', 'in'] as const;
export type DimensionUnit = (typeof DIMENSION_UNITS)[number];

export function isStorageType(value: unknown): value is StorageType {
  return typeof value === 'string' && (STORAGE_TYPES as readonly string[]).includes(value);
}

/** The SKU's storage type; anything missing or unknown is standard (Amazon's default). */
export function storageTypeOf(sku: Pick<Sku, 'storageType'>): StorageType {
  return isStorageType(sku.storageType) ? sku.storageType : 'standard';
}

const isPositiveLength = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The SKU's package size, or null when it is missing or not three positive lengths. */
export function packageSizeOf(sku: Pick<Sku, 'packageCm'>): PackageSizeCm | null {
  const size: unknown = sku.packageCm;
  if (typeof size !== 'object' || size === null) return null;
  const lengthCm = 'lengthCm' in size ? size.lengthCm : undefined;
  const widthCm = 'widthCm' in size ? size.widthCm : undefined;
  const heightCm = 'heightCm' in size ? size.heightCm : undefined;
  return isPositiveLength(lengthCm) && isPositiveLength(widthCm) && isPositiveLength(heightCm) ? { lengthCm, widthCm, heightCm } : null;
}

/** One unit's volume in cubic feet (L × W × H in cm³ ÷ 28,316.846592), null when no size is known. */
export function unitVolumeCubicFeet(sku: Pick<Sku, 'packageCm'>): number | null {
  const size = packageSizeOf(sku);
  return size === null ? null : (size.lengthCm * size.widthCm * size.heightCm) / CUBIC_CM_PER_CUBIC_FOOT;
}

/** What the seller typed for the package: three lengths (all blank: no size) in cm or inches, and a storage type (blank: standard). */
export interface PackageDraft {
  packageLength?: string;
  packageWidth?: string;
  packageHeight?: string;
  dimensionUnit?: string;
  storageType?: string;
}

/** A length the seller typed: a positive number (a decimal comma is accepted). */
function parseLength(field: string, value: string): number {
  const text = value.trim().replace(',', '.');
  if (text === '') throw new DomainError('field.required', { field });
  const number = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(number)) throw new DomainError('field.notNumber', { field, value });
  if (number < 0) throw new DomainError('field.negative', { field, value });
  if (number === 0) throw new DomainError('field.notPositive', { field, value });
  return number;
}

/**
 * Checks the package fields: all three lengths or none (one missing names it), each a positive
 * number, converted from inches to cm (kept to 0.1 µm, so 10 in is 25.4 cm, not 25.400000000000002).
 */
export function parsePackageDraft(draft: PackageDraft): { packageCm: PackageSizeCm | null; storageType: StorageType } {
  const storageText = (draft.storageType ?? '').trim();
  if (storageText !== '' && !isStorageType(storageText)) throw new DomainError('field.unknownChoice', { field: 'storageType', value: storageText });
  const storageType = isStorageType(storageText) ? storageText : 'standard';
  const unit = (draft.dimensionUnit ?? '').trim().toLowerCase() || 'cm';
  if (unit !== 'cm' && unit !== 'in') throw new DomainError('field.unknownChoice', { field: 'dimensionUnit', value: draft.dimensionUnit ?? '' });
  const texts = { packageLength: draft.packageLength ?? '', packageWidth: draft.packageWidth ?? '', packageHeight: draft.packageHeight ?? '' };
  if (Object.values(texts).every((text) => text.trim() === '')) return { packageCm: null, storageType };
  const toCm = (field: keyof typeof texts) => {
    const length = parseLength(field, texts[field]);
    return unit === 'in' ? Math.round(length * CM_PER_INCH * 1e5) / 1e5 : length;
  };
  return { packageCm: { lengthCm: toCm('packageLength'), widthCm: toCm('packageWidth'), heightCm: toCm('packageHeight') }, storageType };
}
