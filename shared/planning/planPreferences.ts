// The seller's plan settings (PRODUCT §4.3–4.4): the service level of each ABC class and the FBA
// capacity limit per FBA location, in units. Stored as one settings row; read back defensively, since
// a restored backup may hold anything.
import { DomainError } from '../errors';
import type { AbcClass } from './plan';

export interface PlanPreferences {
  /** Service level per ABC class, a fraction in (0, 1): A 0.98 is a 98% chance of no stockout in a cycle. */
  serviceLevel: Record<AbcClass, number>;
  /** FBA location id → most units it may hold (on hand + inbound); a location not listed has no limit. */
  fbaCapacityUnits: Record<number, number>;
}

export const DEFAULT_PLAN_PREFERENCES: PlanPreferences = Object.freeze({ serviceLevel: Object.freeze({ A: 0.98, B: 0.95, C: 0.9 }), fbaCapacityUnits: Object.freeze({}) });

const CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

/** What the seller typed: percentages per class; units per FBA location id (blank: no limit). */
export interface PlanPreferencesDraft {
  serviceLevelPercent: Record<AbcClass, string>;
  capacityUnits: Record<number, string>;
}

/**
 * Checks the draft. A service level is a percentage from 50 to 99.9 (below 50 the safety stock would
 * be negative; 100 would need infinite stock); a capacity is blank or a whole number of units ≥ 0.
 * Each refusal is a DomainError naming the field and the value.
 */
export function parsePlanPreferencesDraft(draft: PlanPreferencesDraft): PlanPreferences {
  const serviceLevel = { ...DEFAULT_PLAN_PREFERENCES.serviceLevel };
  for (const abc of CLASSES) {
    const text = draft.serviceLevelPercent[abc].trim().replace(/%$/, '').trim();
    if (text === '') throw new DomainError('field.required', { field: 'serviceLevel' });
    const percent = Number(text.replace(',', '.'));
    if (!Number.isFinite(percent)) throw new DomainError('field.notNumber', { field: 'serviceLevel', value: draft.serviceLevelPercent[abc] });
    if (percent < 50 || percent > 99.9) throw new DomainError('field.badFormat', { field: 'serviceLevel', value: draft.serviceLevelPercent[abc] });
    serviceLevel[abc] = percent / 100;
  }
  const fbaCapacityUnits: Record<number, number> = {};
  for (const [id, raw] of Object.entries(draft.capacityUnits)) {
    const text = raw.trim().replace(/[,\s]/g, '');
    if (text === '') continue;
    const units = Number(text);
    if (!Number.isFinite(units)) throw new DomainError('field.notNumber', { field: 'fbaCapacity', value: raw });
    if (units < 0) throw new DomainError('field.negative', { field: 'fbaCapacity', value: raw });
    if (!Number.isInteger(units)) throw new DomainError('field.notInteger', { field: 'fbaCapacity', value: raw });
    fbaCapacityUnits[Number(id)] = units;
  }
  return { serviceLevel, fbaCapacityUnits };
}

/** A stored value as plan preferences: anything out of range falls back to the default for that part. */
export function planPreferencesFrom(stored: unknown): PlanPreferences {
  const result: PlanPreferences = { serviceLevel: { ...DEFAULT_PLAN_PREFERENCES.serviceLevel }, fbaCapacityUnits: {} };
  if (typeof stored !== 'object' || stored === null) return result;
  const serviceLevel = 'serviceLevel' in stored ? stored.serviceLevel : undefined;
  if (typeof serviceLevel === 'object' && serviceLevel !== null) {
    const levels = new Map<string, unknown>(Object.entries(serviceLevel));
    for (const abc of CLASSES) {
      const level = levels.get(abc);
      if (typeof level === 'number' && level >= 0.5 && level < 1) result.serviceLevel[abc] = level;
    }
  }
  const capacity = 'fbaCapacityUnits' in stored ? stored.fbaCapacityUnits : undefined;
  if (typeof capacity === 'object' && capacity !== null) {
    for (const [id, units] of Object.entries(capacity)) {
      if (Number.isInteger(Number(id)) && typeof units === 'number' && Number.isInteger(units) && units >= 0) result.fbaCapacityUnits[Number(id)] = units;
    }
  }
  return result;
}
