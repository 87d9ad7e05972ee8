// A SKU's own yearly wave (shared/planning/skuSeason.ts): read from its weekly rates by least
// squares on (level, trend, cos, sin), shrunk by signal ÷ (signal + noise).
import { describe, expect, test } from 'vitest';
import { forecastAccuracy } from '../../shared/planning/accuracy';
import type { DemandHistory } from '../../shared/planning/demandHistory';
import { DEFAULT_PLAN_SETTINGS, forecastSeries } from '../../shared/planning/plan';
import { fillSkuSeasonIndices, MIN_SKU_SEASON_WEEKS, NO_SKU_SEASON, skuSeasonFactor, skuSeasonIndex, skuSeasonOf } from '../../shared/planning/skuSeason';

/** Weekly rates, oldest first, the last one `weeksBefore` 0. */
const weeks = (count: number, rate: (weeksBefore: number) => number) => Float64Array.from({ length: count }, (_, w) => rate(count - 1 - w));
const wave = (amplitude: number, peakWeeksBefore: number) => (weeksBefore: number) => 10 * (1 + amplitude * Math.cos((2 * Math.PI * (weeksBefore - peakWeeksBefore)) / 52));

/** A small deterministic generator in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('skuSeasonOf', () => {
  test('a clean yearly wave is read whole: its peak, its trough, and the weeks ahead', () => {
    // Peak 10 weeks before the last week (and so 42 weeks ahead), ±50%.
    const season = skuSeasonOf(weeks(104, wave(0.5, 10)));
    expect(season.weight).toBeCloseTo(1, 9);
    expect(skuSeasonIndex(season, 10)).toBeCloseTo(1.5, 6);
    expect(skuSeasonIndex(season, 36)).toBeCloseTo(0.5, 6);
    // A year on, the same week of the year: 10 − 52 = −42 (42 weeks ahead).
    expect(skuSeasonIndex(season, -42)).toBeCloseTo(1.5, 6);
    expect(skuSeasonIndex(season, -1)).toBeCloseTo(1 + 0.5 * Math.cos((2 * Math.PI * -11) / 52), 6);
  });

  test('unknown weeks are left out: a wave with a third of its weeks unknown is still read', () => {
    const rates = weeks(104, wave(0.4, 30));
    for (let w = 0; w < rates.length; w += 3) rates[w] = Number.NaN;
    const season = skuSeasonOf(rates);
    expect(season.weight).toBeCloseTo(1, 9);
    expect(skuSeasonIndex(season, 30)).toBeCloseTo(1.4, 6);
  });

  test('a steady trend is not read as a season (the fit has a trend term)', () => {
    // From 5 a week two years ago to 15 now, no wave.
    const season = skuSeasonOf(weeks(104, (weeksBefore) => 15 - (10 * weeksBefore) / 103));
    for (const weeksBefore of [0, 13, 26, 39, -1, -26]) expect(Math.abs(skuSeasonIndex(season, weeksBefore) - 1)).toBeLessThan(0.01);
  });

  test('noise alone keeps (almost) no season; a noisy wave keeps most of it', () => {
    // Weekly counts around 3 (± 2): no wave.
    const next = random(7);
    const flat = skuSeasonOf(weeks(104, () => Math.round(3 + (next() * 2 - 1) * 2)));
    // The wave the fit finds in it (±9%) is mostly noise, and is shrunk to a quarter of itself.
    expect(flat.weight).toBeLessThan(0.5);
    for (let weeksBefore = 0; weeksBefore < 52; weeksBefore++) expect(Math.abs(skuSeasonIndex(flat, weeksBefore) - 1)).toBeLessThan(0.05);
    // The same noise on a ±60% wave: the peak stays well above 1.
    const noisy = random(7);
    const season = skuSeasonOf(weeks(104, (weeksBefore) => Math.max(0, Math.round(3 * (1 + 0.6 * Math.cos((2 * Math.PI * weeksBefore) / 52)) + (noisy() * 2 - 1) * 2))));
    expect(season.weight).toBeGreaterThan(0.5);
    expect(skuSeasonIndex(season, 0)).toBeGreaterThan(1.3);
    expect(skuSeasonIndex(season, 26)).toBeLessThan(0.7);
  });

  test('too few known weeks, no sales, or nothing known: no season, every index 1', () => {
    expect(skuSeasonOf(weeks(MIN_SKU_SEASON_WEEKS - 1, wave(0.5, 0)))).toBe(NO_SKU_SEASON);
    expect(skuSeasonOf(new Float64Array(104))).toBe(NO_SKU_SEASON);
    expect(skuSeasonOf(new Float64Array(104).fill(Number.NaN))).toBe(NO_SKU_SEASON);
    // A year and a quarter is enough when the quarter shows the same wave.
    expect(skuSeasonOf(weeks(MIN_SKU_SEASON_WEEKS, wave(0.5, 0))).weight).toBeGreaterThan(0.99);
    for (const weeksBefore of [0, 17, -5]) expect(skuSeasonIndex(NO_SKU_SEASON, weeksBefore)).toBe(1);
  });

  test('a one-off bump a year and a half ago is not a season: the year since shows none', () => {
    // 5 a week for two years, but 25 a week for 8 weeks 60–67 weeks ago (an unrecorded promotion).
    // Fitted alone, the bump reads as a ±40% wave; the year since shows none, so none is kept.
    const season = skuSeasonOf(weeks(104, (weeksBefore) => (weeksBefore >= 60 && weeksBefore < 68 ? 25 : 5)));
    for (let weeksBefore = -52; weeksBefore < 52; weeksBefore++) expect(Math.abs(skuSeasonIndex(season, weeksBefore) - 1)).toBeLessThan(1e-6);
  });

  test('a step in the level in a SKU\'s first year is not a season: a season must be seen in two years', () => {
    // Launched 56 weeks ago at 5 a week, 10 a week for the last 16: one year and 4 weeks known.
    const rates = weeks(104, (weeksBefore) => (weeksBefore >= 56 ? Number.NaN : weeksBefore < 16 ? 10 : 5));
    expect(skuSeasonOf(rates)).toBe(NO_SKU_SEASON);
  });

  test('the index stays within [¼, 4] however deep the wave', () => {
    // Sales only in the half-year around the peak (none in the other): the wave read goes below 0 at
    // its trough, and the index stops at ¼ there.
    const season = skuSeasonOf(weeks(104, (weeksBefore) => Math.max(0, wave(1.6, 0)(weeksBefore))));
    const indices = Array.from({ length: 52 }, (_, k) => skuSeasonIndex(season, k));
    expect(Math.min(...indices)).toBe(0.25);
    expect(Math.max(...indices)).toBeLessThanOrEqual(4);
  });
});

describe('the index over runs of weeks, and the factor over the days ahead', () => {
  const season = skuSeasonOf(weeks(104, wave(0.5, 10)));

  test('fillSkuSeasonIndices gives skuSeasonIndex of every week, past (oldest first) and ahead', () => {
    const past = new Float64Array(104);
    const ahead = new Float64Array(60);
    fillSkuSeasonIndices(season, past, ahead);
    past.forEach((value, w) => expect(value).toBe(skuSeasonIndex(season, 103 - w)));
    ahead.forEach((value, h) => expect(value).toBe(skuSeasonIndex(season, -1 - h)));
    fillSkuSeasonIndices(NO_SKU_SEASON, past, ahead);
    expect([...past, ...ahead].every((value) => value === 1)).toBe(true);
  });

  test('skuSeasonFactor: the days ahead (week by week) against the last 4 weeks; 1 without a season', () => {
    // 10 days ahead: 7 days in the first week ahead, 3 in the second.
    const expected = ((7 * skuSeasonIndex(season, -1) + 3 * skuSeasonIndex(season, -2)) / 10) / ([0, 1, 2, 3].reduce((sum, w) => sum + skuSeasonIndex(season, w), 0) / 4);
    expect(skuSeasonFactor(season.cos, season.sin, 10)).toBeCloseTo(expected, 12);
    // The peak is 10 weeks back: the weeks ahead fall away from it, below the last 4 weeks.
    expect(skuSeasonFactor(season.cos, season.sin, 56)).toBeLessThan(1);
    expect(skuSeasonFactor(0, 0, 56)).toBe(1);
    expect(skuSeasonFactor(season.cos, season.sin, 0)).toBe(1);
  });
});

describe('the plan and the accuracy bench put the SKU\'s own wave where it belongs', () => {
  // Two SKUs in opposite waves (±50%, one peaking 10 weeks ahead, the other 16 weeks ago): the
  // catalog sells the same every week, so it has no season and each SKU's own wave is all there is.
  const days = 730;
  const firstDay = 20_000;
  const lastDay = firstDay + days - 1;
  const peakDay = lastDay + 10 * 7 - 3;
  const rate = (sign: number) => (day: number) => 10 * (1 + sign * 0.5 * Math.cos((2 * Math.PI * (day - peakDay)) / 364));
  const history: DemandHistory = {
    firstDay,
    days,
    series: [
      { skuId: 1, locationId: 10, marketplace: 'US' },
      { skuId: 2, locationId: 10, marketplace: 'US' },
    ],
    units: Float32Array.from({ length: 2 * days }, (_, i) => rate(i < days ? 1 : -1)(firstDay + (i % days))),
    stockout: new Uint8Array(2 * days),
    onHand: new Float64Array(2),
  };
  const settings = { ...DEFAULT_PLAN_SETTINGS, serviceLevel: { ...DEFAULT_PLAN_SETTINGS.serviceLevel }, todayDay: lastDay };
  const weekly = (seriesIndex: number) => {
    const daily = new Float32Array(settings.horizonDays);
    // The moving average of the weeks with the wave taken out is flat: what the path shows is the wave.
    forecastSeries({ settings, history }, { seriesIndex }, 'ma', daily);
    return Array.from({ length: Math.floor(daily.length / 7) }, (_, h) => daily.subarray(7 * h, 7 * h + 7).reduce((a, b) => a + b, 0));
  };
  const argmax = (values: number[]) => values.indexOf(Math.max(...values));
  const argmin = (values: number[]) => values.indexOf(Math.min(...values));

  test('the forecast peaks in the week the wave peaks (the other SKU troughs then), and falls away after', () => {
    const first = weekly(0);
    // The peak day is 67 days ahead: in week 9 (days 63–69). 15 weeks on, the wave is at 1 − 0.5·0.24.
    expect(argmax(first)).toBe(9);
    expect(first[9]! / first[24]!).toBeGreaterThan(1.5 / 0.9);
    expect(first[9]! / first[0]!).toBeGreaterThan(1.1);
    const second = weekly(1);
    expect(argmin(second)).toBe(9);
  });

  test('the accuracy bench applies it as the plan does: the waves are forecast almost exactly', () => {
    const result = forecastAccuracy(history, { historyWeeks: 90, holdoutWeeks: 8, origins: 3, originStepWeeks: 4 });
    // Without the SKU's own season a flat forecast of a ±50% wave misses by ~20% over 8 weeks.
    expect(result.wapeChosen).toBeLessThan(0.05);
  });
});
