// Variance review: expected quantity at the cut-off, counted units from entries (recounts, several
// sheets), variance in units and value, the recount threshold and accuracy figures.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countAccuracy, countedBySku, expectedAtCutoff, lineVariance, overThreshold, parseRecountThreshold, pooledAccuracy, reviewCsv } from '../../shared/counts';

describe('expectedAtCutoff', () => {
  const movements = [
    { date: '2026-03-01', qty: 100 },
    { date: '2026-03-10', qty: -20 },
    { date: '2026-03-15', qty: -5 }, // the cut-off day itself counts
    { date: '2026-03-16', qty: -30 }, // sold while counting, dated after: not expected on the shelf
    { date: '2026-03-20', qty: 50 },
  ];
  it.each([
    ['2026-02-28', 0],
    ['2026-03-01', 100],
    ['2026-03-14', 80],
    ['2026-03-15', 75],
    ['2026-03-16', 45],
    ['2026-04-01', 95],
  ])('on %s the expected quantity is %i', (cutoff, expected) => {
    expect(expectedAtCutoff(movements, cutoff)).toBe(expected);
  });

  it('movements after the cut-off never change it; back-dated ones posted later do', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), qty: fc.integer({ min: -50, max: 50 }) })), fc.integer({ min: 1, max: 28 }), (raw, cutDay) => {
        const date = (d: number) => `2026-02-${String(d).padStart(2, '0')}`;
        const all = raw.map((m) => ({ date: date(m.day), qty: m.qty }));
        const before = all.filter((m) => m.date <= date(cutDay));
        expect(expectedAtCutoff(all, date(cutDay))).toBe(expectedAtCutoff(before, date(cutDay)));
        expect(expectedAtCutoff(all, date(cutDay))).toBe(before.reduce((s, m) => s + m.qty, 0));
      }),
    );
  });
});

describe('countedBySku', () => {
  it('adds entries of several sheets; a recount replaces what came before it; later entries add to the recount; unknown codes are not counted', () => {
    const entries = [
      { id: 1, skuId: 1, qty: 10, recount: false }, // Li, shelf A
      { id: 2, skuId: 1, qty: 5, recount: false }, // Wang, overflow shelf
      { id: 3, skuId: 2, qty: 7, recount: false },
      { id: 4, skuId: null, qty: 3, recount: false },
      { id: 6, skuId: 2, qty: 2, recount: false },
      { id: 5, skuId: 2, qty: 8, recount: true }, // entered before id 6: replaces 7, then 2 adds
    ];
    expect(countedBySku(entries)).toEqual(new Map([
      [1, 15],
      [2, 10],
    ]));
  });

  it('a recount of zero leaves zero', () => {
    expect(countedBySku([{ id: 1, skuId: 3, qty: 4, recount: false }, { id: 2, skuId: 3, qty: 0, recount: true }]).get(3)).toBe(0);
  });
});

describe('lineVariance and the recount threshold', () => {
  it.each([
    [{ expectedQty: 10, countedQty: 10, unitCostMinor: 250 }, 0, 0],
    [{ expectedQty: 10, countedQty: 8, unitCostMinor: 250 }, -2, -500],
    [{ expectedQty: 10, countedQty: 13, unitCostMinor: 133.3333 }, 3, 400],
    [{ expectedQty: 0, countedQty: 4, unitCostMinor: 99.5 }, 4, 398],
    [{ expectedQty: 3, countedQty: 0, unitCostMinor: 0.5 }, -3, -2],
  ])('%o → %i units, %i minor', (input, units, value) => {
    expect(lineVariance(input)).toEqual({ varianceUnits: units, varianceValueMinor: value });
  });

  it.each([
    [{ varianceUnits: 5, varianceValueMinor: 100 }, { units: 5, valueMinor: null }, false],
    [{ varianceUnits: -6, varianceValueMinor: 100 }, { units: 5, valueMinor: null }, true],
    [{ varianceUnits: 1, varianceValueMinor: -5001 }, { units: 5, valueMinor: 5000 }, true],
    [{ varianceUnits: 1, varianceValueMinor: 5000 }, { units: 5, valueMinor: 5000 }, false],
    [{ varianceUnits: 100, varianceValueMinor: 100000 }, { units: null, valueMinor: null }, false],
  ])('%o over %o: %s', (variance, threshold, expected) => {
    expect(overThreshold(variance, threshold)).toBe(expected);
  });
});

describe('countAccuracy', () => {
  it('line accuracy = lines without difference ÷ lines counted; value accuracy = 1 − Σ|variance value| ÷ Σ expected value', () => {
    const lines = [
      { expectedQty: 10, countedQty: 10, unitCostMinor: 1000, ...lineVariance({ expectedQty: 10, countedQty: 10, unitCostMinor: 1000 }) },
      { expectedQty: 20, countedQty: 18, unitCostMinor: 500, ...lineVariance({ expectedQty: 20, countedQty: 18, unitCostMinor: 500 }) },
      { expectedQty: 5, countedQty: 6, unitCostMinor: 200, ...lineVariance({ expectedQty: 5, countedQty: 6, unitCostMinor: 200 }) },
      { expectedQty: 8, countedQty: 8, unitCostMinor: 100, ...lineVariance({ expectedQty: 8, countedQty: 8, unitCostMinor: 100 }) },
    ];
    // Expected value 10000 + 10000 + 1000 + 800 = 21800; |variance| 1000 + 200 = 1200.
    expect(countAccuracy(lines)).toEqual({ linesCounted: 4, linesExact: 2, lineAccuracy: 0.5, expectedValueMinor: 21800, absVarianceValueMinor: 1200, valueAccuracy: 1 - 1200 / 21800 });
  });

  it('nothing counted is 100%; differences larger than the stock floor value accuracy at 0', () => {
    expect(countAccuracy([])).toMatchObject({ lineAccuracy: 1, valueAccuracy: 1 });
    const found = { expectedQty: 1, countedQty: 50, unitCostMinor: 100, ...lineVariance({ expectedQty: 1, countedQty: 50, unitCostMinor: 100 }) };
    expect(countAccuracy([found])).toMatchObject({ lineAccuracy: 0, valueAccuracy: 0 });
    const fromNothing = { expectedQty: 0, countedQty: 2, unitCostMinor: 100, ...lineVariance({ expectedQty: 0, countedQty: 2, unitCostMinor: 100 }) };
    expect(countAccuracy([fromNothing])).toMatchObject({ expectedValueMinor: 0, valueAccuracy: 0 });
  });

  it('pooled accuracy over counts weighs lines and values, not per-count averages', () => {
    const a = { linesCounted: 10, linesExact: 9, lineAccuracy: 0.9, expectedValueMinor: 10000, absVarianceValueMinor: 100, valueAccuracy: 0.99 };
    const b = { linesCounted: 30, linesExact: 15, lineAccuracy: 0.5, expectedValueMinor: 30000, absVarianceValueMinor: 3900, valueAccuracy: 0.87 };
    expect(pooledAccuracy([a, b])).toEqual({ linesCounted: 40, linesExact: 24, lineAccuracy: 0.6, expectedValueMinor: 40000, absVarianceValueMinor: 4000, valueAccuracy: 0.9 });
  });
});

describe('reviewCsv', () => {
  it('writes the review with numbers as numbers and formula-like text neutralised', () => {
    const line = { skuId: 1, bin: '=A1', expectedQty: 10, countedQty: 8, unitCostMinor: 250, varianceUnits: -2, varianceValueMinor: -500, counted: true, overThreshold: false, recountRequested: false, reason: 'lost' as const };
    const notCounted = { skuId: 2, bin: 'B-2', expectedQty: 10, countedQty: 0, unitCostMinor: 100, varianceUnits: 0, varianceValueMinor: 0, counted: false, overThreshold: false, recountRequested: false };
    const csv = reviewCsv([line, notCounted], {
      header: ['Bin', 'SKU', 'Name', 'Expected', 'Counted', 'Difference', 'Value', 'Reason'],
      sku: (id) => (id === 1 ? { code: 'LAMP-01', name: '@SUM(1)' } : { code: 'SHADE-02', name: '-lamp shade' }),
      reason: (l) => (l.reason === 'lost' ? 'Lost' : ''),
      currency: 'USD',
    });
    expect(csv).toBe("\uFEFFBin,SKU,Name,Expected,Counted,Difference,Value,Reason\r\n'=A1,LAMP-01,'@SUM(1),10,8,-2,-5,Lost\r\nB-2,SHADE-02,'-lamp shade,10,,,,\r\n");
  });
});

describe('parseRecountThreshold', () => {
  it('reads units and a value in the base currency; blank turns a limit off', () => {
    expect(parseRecountThreshold({ units: '5', value: '50.00' }, 'USD')).toEqual({ units: 5, valueMinor: 5000 });
    expect(parseRecountThreshold({ units: '', value: '5000' }, 'JPY')).toEqual({ units: null, valueMinor: 5000 });
    expect(parseRecountThreshold({ units: '0', value: '' }, 'USD')).toEqual({ units: 0, valueMinor: null });
  });

  it.each([
    [{ units: '-1', value: '' }, 'field.negative', 'thresholdUnits'],
    [{ units: 'x', value: '' }, 'field.notNumber', 'thresholdUnits'],
    [{ units: '', value: 'ten' }, 'field.notNumber', 'thresholdValue'],
  ])('%o is refused with %s on %s', (draft, code, field) => {
    let caught: unknown;
    try {
      parseRecountThreshold(draft, 'USD');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code, params: { field } });
  });
});
