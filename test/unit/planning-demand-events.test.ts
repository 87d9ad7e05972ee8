import { describe, expect, test } from 'vitest';
import { dayNumber, isoFromDay } from '../../shared/dates';
import { DomainError } from '../../shared/errors';
import { eventFactors, eventFactorsIfAny, parseDemandEventDraft } from '../../shared/planning/events';
import type { DemandEvent, DemandEventDraft } from '../../shared/planning/events';
import type { DemandHistory } from '../../shared/planning/demandHistory';
import { DEFAULT_PLAN_SETTINGS, forecastSeries } from '../../shared/planning/plan';

const draft = (changes: Partial<DemandEventDraft> = {}): DemandEventDraft => ({ name: 'Prime Day', from: '2026-07-14', to: '2026-07-15', upliftPercent: '30', skuIds: null, marketplace: null, ...changes });

function refusal(changes: Partial<DemandEventDraft>): { code: string; params: Record<string, string | number> } {
  try {
    parseDemandEventDraft(draft(changes));
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('draft was accepted');
}

describe('demand event drafts', () => {
  test('a valid draft: percent becomes a fraction, blank marketplace is every marketplace', () => {
    expect(parseDemandEventDraft(draft({ name: '  Prime Day ', upliftPercent: '+30%', marketplace: '' }))).toEqual({ name: 'Prime Day', from: '2026-07-14', to: '2026-07-15', uplift: 0.3, skuIds: null, marketplace: null });
    expect(parseDemandEventDraft(draft({ upliftPercent: '12,5', skuIds: [3, 1, 3], marketplace: 'us' }))).toMatchObject({ uplift: 0.125, skuIds: [1, 3], marketplace: 'US' });
    expect(parseDemandEventDraft(draft({ upliftPercent: '−20', from: '2026-07-15' })).uplift).toBeCloseTo(-0.2, 12);
    // Typed with a Chinese input method: full-width digits, sign and percent.
    expect(parseDemandEventDraft(draft({ upliftPercent: '２０％' })).uplift).toBeCloseTo(0.2, 12);
    expect(parseDemandEventDraft(draft({ upliftPercent: '－２０' })).uplift).toBeCloseTo(-0.2, 12);
  });

  const refusals: [Partial<DemandEventDraft>, string, Record<string, string | number>][] = [
    [{ name: '  ' }, 'field.required', { field: 'name' }],
    [{ from: '' }, 'field.required', { field: 'from' }],
    [{ from: '2026-02-30' }, 'field.badDate', { field: 'from', value: '2026-02-30' }],
    [{ to: '14/07/2026' }, 'field.badDate', { field: 'to', value: '14/07/2026' }],
    [{ to: '2026-07-13' }, 'field.dateTooEarly', { field: 'to', value: '2026-07-13', earliest: '2026-07-14' }],
    [{ upliftPercent: ' ' }, 'field.required', { field: 'uplift' }],
    [{ upliftPercent: 'lots' }, 'field.notNumber', { field: 'uplift', value: 'lots' }],
    [{ upliftPercent: '-100' }, 'field.notAbove', { field: 'uplift', value: '-100', min: '−100%' }],
    [{ skuIds: [] }, 'field.required', { field: 'sku' }],
    [{ skuIds: [4, 0] }, 'field.notPositive', { field: 'sku', value: '0' }],
    [{ marketplace: 'XX' }, 'field.unknownChoice', { field: 'marketplace', value: 'XX' }],
  ];
  test.each(refusals)('refuses %o with %s', (changes, code, params) => {
    expect(refusal(changes)).toEqual({ code, params });
  });
});

describe('event factors', () => {
  const event = (id: number, from: string, to: string, uplift: number, skuIds: number[] | null = null, marketplace: string | null = null): DemandEvent => ({ id, name: `event ${id}`, from, to, uplift, skuIds, marketplace });
  const firstDay = dayNumber('2026-03-01');
  const events = [
    event(1, '2026-03-02', '2026-03-04', 0.3), // every SKU, every marketplace
    event(2, '2026-03-04', '2026-03-06', 0.1, [1], 'US'), // overlaps event 1 on 03-04
    event(3, '2026-03-01', '2026-03-07', -0.5, [2]), // another SKU
    event(4, '2026-03-01', '2026-03-07', 1, null, 'DE'), // another marketplace
    event(5, '2026-02-20', '2026-03-01', 0.2), // starts before the window
    event(6, '2026-04-01', '2026-04-05', 5), // after the window
  ];

  test('overlapping events multiply; events for other SKUs or marketplaces, or outside the window, do not apply', () => {
    const factors = eventFactors(events, 1, 'US', firstDay, 7);
    const expected = [1.2, 1.3, 1.3, 1.3 * 1.1, 1.1, 1.1, 1];
    expect(factors.length).toBe(7);
    expected.forEach((value, d) => expect(factors[d]).toBeCloseTo(value, 6));
  });

  test('marketplace matching ignores case; no event gives ones', () => {
    const de = eventFactors(events, 2, 'de', firstDay, 3);
    [1.2 * 0.5 * 2, 1.3 * 0.5 * 2, 1.3 * 0.5 * 2].forEach((value, d) => expect(de[d]).toBeCloseTo(value, 6));
    expect([...eventFactors([], 1, 'US', firstDay, 3)]).toEqual([1, 1, 1]);
  });

  test('eventFactorsIfAny: nothing (not ones) when no event falls in the window for the series, else the same factors', () => {
    expect(eventFactorsIfAny([], 1, 'US', firstDay, 7)).toBeUndefined();
    // Event 6 lies after the window, event 3 is another SKU's, event 4 another marketplace's.
    expect(eventFactorsIfAny([events[5]!, events[2]!, events[3]!], 1, 'US', firstDay, 7)).toBeUndefined();
    expect([...eventFactorsIfAny(events, 1, 'US', firstDay, 7)!]).toEqual([...eventFactors(events, 1, 'US', firstDay, 7)]);
  });
});

describe('a promotion entered for past years and the next one is counted once', () => {
  // 30 SKUs selling 10 a day (Poisson), +100% for 4 days in the same week of each of the last two
  // years, entered as events, and the next one entered too (22–25 days ahead). Left in the catalog's
  // season, the past promotions made a +60% week the event then raised again (~32 a day, not ~20).
  const days = 730;
  const todayDay = dayNumber('2026-06-30');
  const firstDay = todayDay - days + 1;
  const start = todayDay + 22;
  const past = [start - 364, start - 728];
  const events: DemandEvent[] = [...past, start].map((day, i) => ({ id: i + 1, name: 'Prime Day', from: isoFromDay(day), to: isoFromDay(day + 3), uplift: 1, skuIds: null, marketplace: null }));
  let state = 3;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const poisson = (lambda: number) => {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = next(); p > limit; p *= next()) k++;
    return k;
  };
  const seriesCount = 30;
  const units = new Float32Array(seriesCount * days);
  for (let s = 0; s < seriesCount; s++) for (let d = 0; d < days; d++) units[s * days + d] = poisson(past.some((p) => firstDay + d >= p && firstDay + d <= p + 3) ? 20 : 10);
  const history: DemandHistory = {
    firstDay,
    days,
    series: Array.from({ length: seriesCount }, (_, s) => ({ skuId: s + 1, locationId: 10, marketplace: 'US' })),
    units,
    stockout: new Uint8Array(seriesCount * days),
    onHand: new Float64Array(seriesCount).fill(1_000),
  };
  const settings = { ...DEFAULT_PLAN_SETTINGS, serviceLevel: { ...DEFAULT_PLAN_SETTINGS.serviceLevel }, todayDay };
  const series = new Map(history.series.map((entry, s) => [entry.skuId, [{ seriesIndex: s, sea: { meanDays: 40, sdDays: 0 }, air: { meanDays: 7, sdDays: 0 }, inbound: [], reservedUnits: 0, amazonRecommendedUnits: null, eventFactors: eventFactors(events, entry.skuId, 'US', firstDay, days + settings.horizonDays) }]]));

  test('the forecast is about twice the baseline on the event days and the baseline around them', () => {
    const daily = new Float32Array(settings.horizonDays);
    forecastSeries({ settings, history, series }, series.get(1)![0]!, 'ma', daily);
    const eventDays = daily.subarray(start - todayDay - 1, start - todayDay + 3);
    const around = [...daily.subarray(start - todayDay - 8, start - todayDay - 1), ...daily.subarray(start - todayDay + 3, start - todayDay + 10)];
    for (const value of eventDays) expect(value).toBeGreaterThan(17);
    for (const value of eventDays) expect(value).toBeLessThan(23);
    for (const value of around) expect(Math.abs(value - 10)).toBeLessThan(1.5);
  });
});
