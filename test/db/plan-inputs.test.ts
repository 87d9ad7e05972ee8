// The seller's planning inputs (renderer/db/planInputs.ts): demand events, forecast overrides and the seller's own forecasts, on a fresh database per test.
import { afterEach, describe, expect, it } from 'vitest';
import { addDemandEvent, deleteDemandEvent, deleteForecastRate, importForecastRates, readPlanPreferences, savePlanPreferences, setForecastOverride, setForecastRate } from '../../renderer/db/planInputs';
import type { ForecastMethod } from '../../shared/domain';
import { disposeDatabases, expectRefusedUnchanged, freshDb, addSku } from './helpers';

afterEach(disposeDatabases);

describe('demand events', () => {
  it('stores a checked event (+30% on US for two days, every SKU) and deletes it', async () => {
    const db = await freshDb();
    const id = await addDemandEvent(db, { name: ' Prime Day ', from: '2026-07-14', to: '2026-07-15', upliftPercent: '+30%', skuIds: null, marketplace: 'us' });
    expect(await db.demandEvents.get(id)).toEqual({ id, name: 'Prime Day', from: '2026-07-14', to: '2026-07-15', uplift: 0.3, skuIds: null, marketplace: 'US' });
    await deleteDemandEvent(db, id);
    expect(await db.demandEvents.count()).toBe(0);
  });

  it('refuses an event that ends before it starts, and stores nothing', async () => {
    const db = await freshDb();
    await expectRefusedUnchanged(db, ['demandEvents'], () => addDemandEvent(db, { name: 'Sale', from: '2026-07-15', to: '2026-07-14', upliftPercent: '20', skuIds: null, marketplace: null }), 'field.dateTooEarly');
  });
});

describe('forecast overrides', () => {
  it('forces a method for a SKU, replaces it, and goes back to the backtest with null', async () => {
    const db = await freshDb();
    const skuId = await addSku(db, 'SEASONAL-1');
    await setForecastOverride(db, skuId, 'holtWinters');
    await setForecastOverride(db, skuId, 'croston');
    expect(await db.forecastOverrides.toArray()).toEqual([{ skuId, method: 'croston' }]);
    await setForecastOverride(db, skuId, null);
    expect(await db.forecastOverrides.count()).toBe(0);
  });

  it('refuses an unknown method or SKU', async () => {
    const db = await freshDb();
    const skuId = await addSku(db, 'A-1');
    await expectRefusedUnchanged(db, ['forecastOverrides'], () => setForecastOverride(db, skuId, 'magic' as unknown as ForecastMethod), 'field.unknownChoice');
    await expectRefusedUnchanged(db, ['forecastOverrides'], () => setForecastOverride(db, skuId + 999, 'ses'), 'field.unknownChoice');
  });
});

describe('the seller’s own forecast (units per day)', () => {
  const TODAY = '2026-11-27';

  it('stores one per SKU × marketplace, replaces it, and deletes it', async () => {
    const db = await freshDb();
    const skuId = await addSku(db, 'LAUNCH-1');
    await setForecastRate(db, { skuId, marketplace: 'de', unitsPerDay: '8', until: '' }, TODAY);
    await setForecastRate(db, { skuId, marketplace: 'US', unitsPerDay: '3', until: '2027-01-31' }, TODAY);
    await setForecastRate(db, { skuId, marketplace: 'DE', unitsPerDay: '12,5', until: '' }, TODAY);
    expect(await db.forecastRates.toArray()).toEqual([
      { skuId, marketplace: 'DE', unitsPerDay: 12.5, until: null },
      { skuId, marketplace: 'US', unitsPerDay: 3, until: '2027-01-31' },
    ]);
    await deleteForecastRate(db, skuId, 'DE');
    expect(await db.forecastRates.toArray()).toEqual([{ skuId, marketplace: 'US', unitsPerDay: 3, until: '2027-01-31' }]);
  });

  it('refuses an unknown SKU, a negative rate or an end date already past, and keeps what was stored', async () => {
    const db = await freshDb();
    const skuId = await addSku(db, 'LAUNCH-1');
    await setForecastRate(db, { skuId, marketplace: 'DE', unitsPerDay: '8', until: '' }, TODAY);
    await expectRefusedUnchanged(db, ['forecastRates'], () => setForecastRate(db, { skuId: skuId + 999, marketplace: 'DE', unitsPerDay: '5', until: '' }, TODAY), 'field.unknownChoice');
    await expectRefusedUnchanged(db, ['forecastRates'], () => setForecastRate(db, { skuId, marketplace: 'DE', unitsPerDay: '-5', until: '' }, TODAY), 'field.negative');
    await expectRefusedUnchanged(db, ['forecastRates'], () => setForecastRate(db, { skuId, marketplace: 'DE', unitsPerDay: '5', until: '2026-11-01' }, TODAY), 'field.dateTooEarly');
    await expectRefusedUnchanged(db, ['forecastRates'], () => setForecastRate(db, { skuId, marketplace: 'XX', unitsPerDay: '5', until: '' }, TODAY), 'field.unknownChoice');
    expect(await db.forecastRates.toArray()).toEqual([{ skuId, marketplace: 'DE', unitsPerDay: 8, until: null }]);
  });
});

describe('the seller’s forecasts from a file', () => {
  const TODAY = '2026-11-27';
  const file = (text: string) => new TextEncoder().encode(text);

  it('adds the file’s rows and replaces those it names; forecasts it does not name stay', async () => {
    const db = await freshDb();
    const a = await addSku(db, 'LAUNCH-1');
    const b = await addSku(db, 'LAUNCH-2');
    await setForecastRate(db, { skuId: a, marketplace: 'DE', unitsPerDay: '8', until: '' }, TODAY);
    await setForecastRate(db, { skuId: a, marketplace: 'US', unitsPerDay: '2', until: '' }, TODAY);
    const count = await importForecastRates(db, file('SKU,Marketplace,Units per day,Until\nlaunch-1,DE,10,2027-03-31\nLAUNCH-2,UK,4,\n'), 'launches.csv', TODAY);
    expect(count).toBe(2);
    expect(await db.forecastRates.toArray()).toEqual([
      { skuId: a, marketplace: 'DE', unitsPerDay: 10, until: '2027-03-31' },
      { skuId: a, marketplace: 'US', unitsPerDay: 2, until: null },
      { skuId: b, marketplace: 'UK', unitsPerDay: 4, until: null },
    ]);
  });

  it('refuses the whole file for one bad row, and keeps what was stored', async () => {
    const db = await freshDb();
    const a = await addSku(db, 'LAUNCH-1');
    await setForecastRate(db, { skuId: a, marketplace: 'DE', unitsPerDay: '8', until: '' }, TODAY);
    const text = 'SKU,Marketplace,Units per day\nLAUNCH-1,DE,10\nLAUNCH-1,US,5\nNOPE-9,US,5\n';
    await expectRefusedUnchanged(db, ['forecastRates'], () => importForecastRates(db, file(text), 'launches.csv', TODAY), 'rates.unknownSku', { file: 'launches.csv', row: 4, code: 'NOPE-9' });
    await expectRefusedUnchanged(db, ['forecastRates'], () => importForecastRates(db, file('SKU,Marketplace,Units per day\nLAUNCH-1,US,lots\n'), 'launches.csv', TODAY), 'field.notNumber', { field: 'unitsPerDay', value: 'lots', file: 'launches.csv', row: 2 });
  });
});

describe('plan settings', () => {
  it('reads the defaults, saves service levels, the FBA floor and capacity, reads them back', async () => {
    const db = await freshDb();
    expect(await readPlanPreferences(db)).toEqual({ serviceLevel: { A: 0.98, B: 0.95, C: 0.9 }, fbaFloorDays: 28, fbaCapacityUnits: {}, fbaCapacityCubicFeet: {} });
    await savePlanPreferences(db, { serviceLevelPercent: { A: '99', B: '96', C: '85' }, fbaFloorDays: '21', capacityUnits: { 7: '1000', 8: '' }, capacityCubicFeet: { 7: { standard: '250.5', oversize: '' }, 8: { apparel: '40' } } });
    expect(await readPlanPreferences(db)).toEqual({
      serviceLevel: { A: 0.99, B: 0.96, C: 0.85 },
      fbaFloorDays: 21,
      fbaCapacityUnits: { 7: 1000 },
      fbaCapacityCubicFeet: { 7: { standard: 250.5 }, 8: { apparel: 40 } },
    });
  });

  it('refuses a service level of 100% and keeps what was stored', async () => {
    const db = await freshDb();
    await savePlanPreferences(db, { serviceLevelPercent: { A: '99', B: '95', C: '90' }, fbaFloorDays: '28', capacityUnits: {}, capacityCubicFeet: {} });
    await expectRefusedUnchanged(db, ['settings'], () => savePlanPreferences(db, { serviceLevelPercent: { A: '100', B: '95', C: '90' }, fbaFloorDays: '28', capacityUnits: {}, capacityCubicFeet: {} }), 'field.badFormat');
  });

  it('refuses a negative cubic-feet limit, naming the field, the value, the warehouse and the storage type, and keeps what was stored', async () => {
    const db = await freshDb();
    await savePlanPreferences(db, { serviceLevelPercent: { A: '99', B: '95', C: '90' }, fbaFloorDays: '28', capacityUnits: {}, capacityCubicFeet: { 7: { standard: '100' } } });
    await expectRefusedUnchanged(
      db,
      ['settings'],
      () => savePlanPreferences(db, { serviceLevelPercent: { A: '99', B: '95', C: '90' }, fbaFloorDays: '28', capacityUnits: {}, capacityCubicFeet: { 7: { standard: '-3' } } }),
      'field.negative',
      { field: 'fbaCapacityCubicFeet', value: '-3', locationId: 7, storageType: 'standard' },
    );
  });

  it.each([
    ['366', 'field.outOfRange'],
    ['14.5', 'field.notInteger'],
    ['-7', 'field.negative'],
  ])('refuses an FBA floor of %s days, naming the field, and keeps what was stored', async (typed, code) => {
    const db = await freshDb();
    await savePlanPreferences(db, { serviceLevelPercent: { A: '99', B: '95', C: '90' }, fbaFloorDays: '35', capacityUnits: {}, capacityCubicFeet: {} });
    await expectRefusedUnchanged(db, ['settings'], () => savePlanPreferences(db, { serviceLevelPercent: { A: '99', B: '95', C: '90' }, fbaFloorDays: typed, capacityUnits: {}, capacityCubicFeet: {} }), code as 'field.badFormat', {
      field: 'fbaFloorDays',
      value: typed,
      ...(code === 'field.outOfRange' ? { min: 0, max: 365 } : {}),
    });
    expect((await readPlanPreferences(db)).fbaFloorDays).toBe(35);
  });
});
