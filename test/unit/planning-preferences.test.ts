// The seller's plan settings (shared/planning/planPreferences.ts): what is accepted, what is refused, and
// how a stored value is read back.
import { describe, expect, test } from 'vitest';
import { DEFAULT_PLAN_PREFERENCES, parsePlanPreferencesDraft, planPreferencesFrom } from '../../shared/planning/planPreferences';
import { DomainError } from '../../shared/errors';

const levels = (A: string, B = '95', C = '90') => ({ A, B, C });

function refusal(run: () => unknown): { code: string; params: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('not refused');
}

describe('parsePlanPreferencesDraft', () => {
  test('percentages become fractions; blank capacity means no limit; units may be typed with separators', () => {
    expect(parsePlanPreferencesDraft({ serviceLevelPercent: levels('99.5%', '95', '90,5'), fbaFloorDays: '28', capacityUnits: { 10: '1,200', 11: '  ' }, capacityCubicFeet: {} })).toEqual({
      serviceLevel: { A: 0.995, B: 0.95, C: 0.905 },
      fbaFloorDays: 28,
      fbaCapacityUnits: { 10: 1200 },
      fbaCapacityCubicFeet: {},
    });
    // A capacity of 0 is a limit (nothing more may go there), not "no limit".
    expect(parsePlanPreferencesDraft({ serviceLevelPercent: levels('98'), fbaFloorDays: '28', capacityUnits: { 10: '0' }, capacityCubicFeet: {} }).fbaCapacityUnits).toEqual({ 10: 0 });
  });

  test.each([
    [levels(''), {}, 'field.required'],
    [levels('abc'), {}, 'field.notNumber'],
    [levels('100'), {}, 'field.badFormat'],
    [levels('49'), {}, 'field.badFormat'],
    [levels('98'), { 10: '-5' }, 'field.negative'],
    [levels('98'), { 10: '2.5' }, 'field.notInteger'],
    [levels('98'), { 10: 'lots' }, 'field.notNumber'],
  ])('refuses %o / %o with %s', (serviceLevelPercent, capacityUnits, code) => {
    expect(refusal(() => parsePlanPreferencesDraft({ serviceLevelPercent, fbaFloorDays: '28', capacityUnits, capacityCubicFeet: {} })).code).toBe(code);
  });

  test('a refusal names the class of a service level, and the warehouse of a capacity', () => {
    expect(refusal(() => parsePlanPreferencesDraft({ serviceLevelPercent: levels('98', '200'), fbaFloorDays: '28', capacityUnits: {}, capacityCubicFeet: {} }))).toEqual({ code: 'field.badFormat', params: { field: 'serviceLevelB', value: '200' } });
    expect(refusal(() => parsePlanPreferencesDraft({ serviceLevelPercent: levels('98'), fbaFloorDays: '28', capacityUnits: { 11: '-5' }, capacityCubicFeet: {} }))).toEqual({ code: 'field.negative', params: { field: 'fbaCapacity', value: '-5', locationId: 11 } });
  });

  test('cubic feet per storage type: decimals and thousands separators; blank is no limit; 0 is a limit', () => {
    const parsed = parsePlanPreferencesDraft({
      serviceLevelPercent: levels('98'),
      fbaFloorDays: '28',
      capacityUnits: { 10: '' },
      capacityCubicFeet: { 10: { standard: '1,250.5', oversize: ' 40 ', apparel: '', footwear: '0' }, 11: { standard: ' ' } },
    });
    expect(parsed.fbaCapacityCubicFeet).toEqual({ 10: { standard: 1250.5, oversize: 40, footwear: 0 } });
    expect(parsed.fbaCapacityUnits).toEqual({});
  });

  test.each([
    ['-5', 'field.negative'],
    ['lots', 'field.notNumber'],
    ['1,5', 'field.notNumber'],
    ['12 ft³', 'field.notNumber'],
  ])('refuses a cubic-feet limit of %o with %s, naming the field and the value', (typed, code) => {
    expect(refusal(() => parsePlanPreferencesDraft({ serviceLevelPercent: levels('98'), fbaFloorDays: '28', capacityUnits: {}, capacityCubicFeet: { 10: { apparel: typed } } }))).toEqual({
      code,
      params: { field: 'fbaCapacityCubicFeet', value: typed, locationId: 10, storageType: 'apparel' },
    });
  });

  test('the FBA floor is a whole number of days from 0 to 365', () => {
    const floorOf = (typed: string) => parsePlanPreferencesDraft({ serviceLevelPercent: levels('98'), fbaFloorDays: typed, capacityUnits: {}, capacityCubicFeet: {} }).fbaFloorDays;
    expect(floorOf('14')).toBe(14);
    expect(floorOf(' 0 ')).toBe(0);
    expect(floorOf('365')).toBe(365);
    // Typed with a Chinese input method: full-width digits.
    expect(floorOf('２８')).toBe(28);
  });

  test('service levels and capacities typed with a Chinese input method (full-width digits) are read', () => {
    const parsed = parsePlanPreferencesDraft({ serviceLevelPercent: { A: '９８％', B: '９５', C: '９０．５' }, fbaFloorDays: '28', capacityUnits: { 5: '１，２００' }, capacityCubicFeet: { 5: { standard: '９００．５' } } });
    expect(parsed.serviceLevel).toEqual({ A: 0.98, B: 0.95, C: 0.905 });
    expect(parsed.fbaCapacityUnits).toEqual({ 5: 1200 });
    expect(parsed.fbaCapacityCubicFeet).toEqual({ 5: { standard: 900.5 } });
  });

  test.each([
    ['', 'field.required', { field: 'fbaFloorDays' }],
    ['four weeks', 'field.notNumber', { field: 'fbaFloorDays', value: 'four weeks' }],
    ['-1', 'field.negative', { field: 'fbaFloorDays', value: '-1' }],
    ['14.5', 'field.notInteger', { field: 'fbaFloorDays', value: '14.5' }],
    ['366', 'field.outOfRange', { field: 'fbaFloorDays', value: '366', min: 0, max: 365 }],
  ])('refuses an FBA floor of %o with %s, naming the field', (typed, code, params) => {
    expect(refusal(() => parsePlanPreferencesDraft({ serviceLevelPercent: levels('98'), fbaFloorDays: typed, capacityUnits: {}, capacityCubicFeet: {} }))).toEqual({ code, params });
  });
});

describe('planPreferencesFrom', () => {
  test('nothing stored, or something else, gives the defaults (A 98%, B 95%, C 90%, a 28-day floor, no limits)', () => {
    for (const stored of [undefined, null, 'x', 42, []]) expect(planPreferencesFrom(stored)).toEqual({ serviceLevel: { A: 0.98, B: 0.95, C: 0.9 }, fbaFloorDays: 28, fbaCapacityUnits: {}, fbaCapacityCubicFeet: {} });
    expect(DEFAULT_PLAN_PREFERENCES.serviceLevel).toEqual({ A: 0.98, B: 0.95, C: 0.9 });
  });

  test('keeps the valid parts of a stored value and drops the rest', () => {
    expect(
      planPreferencesFrom({
        serviceLevel: { A: 0.99, B: 1.5, C: 'x' },
        fbaFloorDays: 14,
        fbaCapacityUnits: { 10: 500, 11: -1, 12: 2.5, x: 3 },
        fbaCapacityCubicFeet: { 10: { standard: 120.5, oversize: -1, hazmat: 5, apparel: '7' }, 11: 'x', 12: { footwear: 0 }, y: { standard: 1 } },
      }),
    ).toEqual({
      serviceLevel: { A: 0.99, B: 0.95, C: 0.9 },
      fbaFloorDays: 14,
      fbaCapacityUnits: { 10: 500 },
      fbaCapacityCubicFeet: { 10: { standard: 120.5 }, 12: { footwear: 0 } },
    });
    for (const fbaFloorDays of [-1, 14.5, 400, '14']) expect(planPreferencesFrom({ fbaFloorDays }).fbaFloorDays).toBe(28);
  });
});
