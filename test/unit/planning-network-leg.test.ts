import { describe, expect, test } from 'vitest';
import { networkSeaLeg } from '../../shared/planning/plan';

const leg = (meanDays: number, sdDays: number) => ({ sea: { meanDays, sdDays } });

describe('the sea leg of a bought unit when the SKU sells in several marketplaces', () => {
  test('no marketplace: no leg; one marketplace: its own leg', () => {
    expect(networkSeaLeg([], [], 0)).toEqual({ meanDays: 0, sdDays: 0 });
    expect(networkSeaLeg([leg(40, 5)], [0, 2], 1)).toEqual({ meanDays: 40, sdDays: 5 });
  });

  test('legs mixed by demand share: 3 a day by a 40 ± 5 day sea leg, 1 a day by a 10 ± 2 day one', () => {
    // Mean 0.75·40 + 0.25·10 = 32.5; E[x²] = 0.75·(25 + 1600) + 0.25·(4 + 100) = 1244.75; variance 1244.75 − 32.5² = 188.5.
    const result = networkSeaLeg([leg(40, 5), leg(10, 2)], [9, 3, 1], 1);
    expect(result.meanDays).toBeCloseTo(32.5, 12);
    expect(result.sdDays).toBeCloseTo(Math.sqrt(188.5), 12);
  });

  test('the same leg everywhere keeps its mean and spread whatever the shares', () => {
    const result = networkSeaLeg([leg(43, 4), leg(43, 4), leg(43, 4)], [5, 0.5, 2], 0);
    expect(result.meanDays).toBeCloseTo(43, 12);
    expect(result.sdDays).toBeCloseTo(4, 9);
  });

  test('nothing sells: every marketplace counts the same', () => {
    const result = networkSeaLeg([leg(40, 0), leg(20, 0)], [0, 0], 0);
    expect(result.meanDays).toBeCloseTo(30, 12);
    expect(result.sdDays).toBeCloseTo(10, 12);
  });
});
