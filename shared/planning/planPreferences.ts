// The seller's plan settings (PRODUCT §4.3–4.4): the service level of each ABC class, the FBA floor
// (Amazon's low-inventory level, in days of supply) and the FBA capacity limits per FBA location, in
// units and in cubic feet per storage type. Stored as one settings row; read back defensively, since
// a restored backup may hold anything.
import { DomainError } from '../errors';
import { isStorageType } from '../catalog/packageSize';
import type { StorageType } from '../model';
import { DEFAULT_PLAN_SETTINGS } from './plan';
import type { AbcClass } from './plan';
import { typedText } from '../typedText';

/** Per storage type, the most cubic feet a location may hold; a type not listed has no volume limit. */
export type CubicFeetByStorageType = Partial<Record<StorageType, number>>;

export interface PlanPreferences {
  /** Service level per ABC class, a fraction in (0, 1): A 0.98 is a 98% chance of no stockout in a cycle. */
  serviceLevel: Record<AbcClass, number>;
  /** Days of supply a shipment keeps at FBA once it lands (Amazon's low-inventory level), a whole number 0–365. */
  fbaFloorDays: number;
  /** FBA location id → most units it may hold (on hand + inbound); a location not listed has no limit. */
  fbaCapacityUnits: Record<number, number>;
  /** FBA location id → storage type → most cubic feet it may hold (on hand + inbound, SKUs of that type). */
  fbaCapacityCubicFeet: Record<number, CubicFeetByStorageType>;
}

export const DEFAULT_PLAN_PREFERENCES: PlanPreferences = Object.freeze({
  serviceLevel: Object.freeze({ A: 0.98, B: 0.95, C: 0.9 }),
  fbaFloorDays: DEFAULT_PLAN_SETTINGS.fbaFloorDays,
  fbaCapacityUnits: Object.freeze({}),
  fbaCapacityCubicFeet: Object.freeze({}),
});

const CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];
/** A year: Amazon's low-inventory level is weeks of supply, a longer floor is a typo. */
const MAX_FLOOR_DAYS = 365;

/** What the seller typed: percentages per class; the FBA floor in days; units, and cubic feet per storage type, per FBA location id (blank: no limit). */
export interface PlanPreferencesDraft {
  serviceLevelPercent: Record<AbcClass, string>;
  fbaFloorDays: string;
  capacityUnits: Record<number, string>;
  capacityCubicFeet: Record<number, Partial<Record<StorageType, string>>>;
}

/**
 * Checks the draft. A service level is a percentage from 50 to 99.9 (below 50 the safety stock would
 * be negative; 100 would need infinite stock); the FBA floor is a whole number of days from 0 to 365; a capacity is blank or a whole number of units ≥ 0; a
 * volume capacity is blank or a number of cubic feet ≥ 0 (decimals allowed: Amazon states them so).
 * Each refusal is a DomainError naming the field and the value.
 */
export function parsePlanPreferencesDraft(draft: PlanPreferencesDraft): PlanPreferences {
  const serviceLevel = { ...DEFAULT_PLAN_PREFERENCES.serviceLevel };
  for (const abc of CLASSES) {
    const text = typedText(draft.serviceLevelPercent[abc]).trim().replace(/%$/, '').trim();
    // The field named per class (serviceLevelA…C), so the message and the marked field say which.
    const field = `serviceLevel${abc}`;
    if (text === '') throw new DomainError('field.required', { field });
    const percent = Number(text.replace(',', '.'));
    if (!Number.isFinite(percent)) throw new DomainError('field.notNumber', { field, value: draft.serviceLevelPercent[abc] });
    if (percent < 50 || percent > 99.9) throw new DomainError('field.badFormat', { field, value: draft.serviceLevelPercent[abc] });
    serviceLevel[abc] = percent / 100;
  }
  // Full-width digits (a Chinese input method) read as digits, as in the what-if form.
  const floorText = typedText(draft.fbaFloorDays).trim();
  if (floorText === '') throw new DomainError('field.required', { field: 'fbaFloorDays' });
  const fbaFloorDays = Number(floorText);
  if (!Number.isFinite(fbaFloorDays)) throw new DomainError('field.notNumber', { field: 'fbaFloorDays', value: draft.fbaFloorDays });
  if (fbaFloorDays < 0) throw new DomainError('field.negative', { field: 'fbaFloorDays', value: draft.fbaFloorDays });
  if (!Number.isInteger(fbaFloorDays)) throw new DomainError('field.notInteger', { field: 'fbaFloorDays', value: draft.fbaFloorDays });
  if (fbaFloorDays > MAX_FLOOR_DAYS) throw new DomainError('field.outOfRange', { field: 'fbaFloorDays', value: draft.fbaFloorDays, min: 0, max: MAX_FLOOR_DAYS });
  const fbaCapacityUnits: Record<number, number> = {};
  for (const [id, raw] of Object.entries(draft.capacityUnits)) {
    const text = typedText(raw).trim().replace(/[,\s]/g, '');
    if (text === '') continue;
    const units = Number(text);
    // `locationId` says which warehouse's field (the page names it and marks it).
    const where = { field: 'fbaCapacity', value: raw, locationId: Number(id) };
    if (!Number.isFinite(units)) throw new DomainError('field.notNumber', where);
    if (units < 0) throw new DomainError('field.negative', where);
    if (!Number.isInteger(units)) throw new DomainError('field.notInteger', where);
    fbaCapacityUnits[Number(id)] = units;
  }
  const fbaCapacityCubicFeet: Record<number, CubicFeetByStorageType> = {};
  for (const [id, byType] of Object.entries(draft.capacityCubicFeet)) {
    const limits: CubicFeetByStorageType = {};
    for (const [type, raw] of Object.entries(byType)) {
      if (!isStorageType(type) || raw === undefined) continue;
      // A comma before three digits separates thousands (1,250.5); any other comma is a typo, refused.
      const text = typedText(raw).trim().replace(/\s/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
      if (text === '') continue;
      const cubicFeet = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
      const where = { field: 'fbaCapacityCubicFeet', value: raw, locationId: Number(id), storageType: type };
      if (!Number.isFinite(cubicFeet)) throw new DomainError('field.notNumber', where);
      if (cubicFeet < 0) throw new DomainError('field.negative', where);
      limits[type] = cubicFeet;
    }
    if (Object.keys(limits).length > 0) fbaCapacityCubicFeet[Number(id)] = limits;
  }
  return { serviceLevel, fbaFloorDays, fbaCapacityUnits, fbaCapacityCubicFeet };
}

/** A stored value as plan preferences: anything out of range falls back to the default for that part. */
export function planPreferencesFrom(stored: unknown): PlanPreferences {
  const result: PlanPreferences = { serviceLevel: { ...DEFAULT_PLAN_PREFERENCES.serviceLevel }, fbaFloorDays: DEFAULT_PLAN_PREFERENCES.fbaFloorDays, fbaCapacityUnits: {}, fbaCapacityCubicFeet: {} };
  if (typeof stored !== 'object' || stored === null) return result;
  const serviceLevel = 'serviceLevel' in stored ? stored.serviceLevel : undefined;
  if (typeof serviceLevel === 'object' && serviceLevel !== null) {
    const levels = new Map<string, unknown>(Object.entries(serviceLevel));
    for (const abc of CLASSES) {
      const level = levels.get(abc);
      if (typeof level === 'number' && level >= 0.5 && level < 1) result.serviceLevel[abc] = level;
    }
  }
  const floorDays = 'fbaFloorDays' in stored ? stored.fbaFloorDays : undefined;
  if (typeof floorDays === 'number' && Number.isInteger(floorDays) && floorDays >= 0 && floorDays <= MAX_FLOOR_DAYS) result.fbaFloorDays = floorDays;
  const capacity = 'fbaCapacityUnits' in stored ? stored.fbaCapacityUnits : undefined;
  if (typeof capacity === 'object' && capacity !== null) {
    for (const [id, units] of Object.entries(capacity)) {
      if (Number.isInteger(Number(id)) && typeof units === 'number' && Number.isInteger(units) && units >= 0) result.fbaCapacityUnits[Number(id)] = units;
    }
  }
  const cubic = 'fbaCapacityCubicFeet' in stored ? stored.fbaCapacityCubicFeet : undefined;
  if (typeof cubic === 'object' && cubic !== null) {
    for (const [id, byType] of Object.entries(cubic)) {
      if (!Number.isInteger(Number(id)) || typeof byType !== 'object' || byType === null) continue;
      const limits: CubicFeetByStorageType = {};
      for (const [type, cubicFeet] of Object.entries(byType)) {
        if (isStorageType(type) && typeof cubicFeet === 'number' && Number.isFinite(cubicFeet) && cubicFeet >= 0) limits[type] = cubicFeet;
      }
      if (Object.keys(limits).length > 0) result.fbaCapacityCubicFeet[Number(id)] = limits;
    }
  }
  return result;
}
