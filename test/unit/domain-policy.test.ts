// Service level → z, safety stock, reorder point and EOQ (PRODUCT §4.3). Values checked by hand
// or against published normal tables.
import { describe, expect, it } from 'vitest';
import { economicOrderQuantity, reorderPoint, safetyStock, zForServiceLevel } from '../../shared/domain';

/** Standard normal CDF by Simpson's rule on the density: an independent check of the inverse. */
function normalCdf(z: number): number {
  const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  // Integrate the tail beyond |z| (accurate relative to tiny tails), then mirror.
  const a = Math.abs(z);
  const b = a + 12;
  const steps = 20000;
  const h = (b - a) / steps;
  let sum = density(a) + density(b);
  for (let i = 1; i < steps; i++) sum += density(a + i * h) * (i % 2 === 1 ? 4 : 2);
  const tail = (sum * h) / 3;
  return z < 0 ? tail : 1 - tail;
}

describe('zForServiceLevel', () => {
  it.each([
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.98, 2.0537489106318225],
    [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813],
    [0.05, -1.6448536269514722],
  ])('service level %f → z %f', (serviceLevel, z) => {
    expect(zForServiceLevel(serviceLevel)).toBeCloseTo(z, 9);
  });

  it.each([0.001, 0.02, 0.3, 0.6, 0.93, 0.999999, 1e-12, 1 - 1e-9])('Φ(z(%f)) gives the service level back (all three AS241 branches)', (p) => {
    const back = normalCdf(zForServiceLevel(p));
    expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-8);
  });

  it('is antisymmetric about 0.5', () => {
    for (const p of [0.01, 0.2, 0.45]) expect(zForServiceLevel(p)).toBeCloseTo(-zForServiceLevel(1 - p), 12);
  });

  it.each([0, 1, -0.1, 1.5, Number.NaN])('refuses %f (needs 0 < level < 1)', (p) => {
    expect(() => zForServiceLevel(p)).toThrow(RangeError);
  });
});

describe('safety stock and reorder point', () => {
  // SS = z · sqrt(L·σd² + d²·σL²)
  it.each([
    // 1.5 · sqrt(16·2² + 5²·3²) = 1.5 · sqrt(64 + 225) = 1.5 · 17 = 25.5; ROP = 5·16 + 25.5 = 105.5
    [{ z: 1.5, meanDemand: 5, sdDemand: 2, leadTime: 16, sdLeadTime: 3 }, 25.5, 105.5],
    // zero lead-time variance: 1.5 · sqrt(16·4) = 12; ROP = 80 + 12 = 92
    [{ z: 1.5, meanDemand: 5, sdDemand: 2, leadTime: 16, sdLeadTime: 0 }, 12, 92],
    // sdLeadTime omitted means 0
    [{ z: 1.5, meanDemand: 5, sdDemand: 2, leadTime: 16 }, 12, 92],
    // steady demand, variable lead time: 2 · sqrt(0 + 10²·1.5²) = 2 · 15 = 30; ROP = 10·7 + 30 = 100
    [{ z: 2, meanDemand: 10, sdDemand: 0, leadTime: 7, sdLeadTime: 1.5 }, 30, 100],
    // zero demand: nothing to cover
    [{ z: 2, meanDemand: 0, sdDemand: 0, leadTime: 30, sdLeadTime: 5 }, 0, 0],
    // zero lead time and no lead-time variance: no exposure
    [{ z: 2, meanDemand: 10, sdDemand: 4, leadTime: 0, sdLeadTime: 0 }, 0, 0],
    // 50% service level: z = 0, ROP is the lead-time demand
    [{ z: 0, meanDemand: 3, sdDemand: 1, leadTime: 10, sdLeadTime: 2 }, 0, 30],
  ])('%o → SS %f, ROP %f', (input, ss, rop) => {
    expect(safetyStock(input)).toBeCloseTo(ss, 12);
    expect(reorderPoint(input)).toBeCloseTo(rop, 12);
  });

  it('uses z from the service level: 95%, d 20/day, σd 6, L 25 days, σL 4 → 1.6449 · sqrt(900 + 6400) = 140.54', () => {
    const input = { z: zForServiceLevel(0.95), meanDemand: 20, sdDemand: 6, leadTime: 25, sdLeadTime: 4 };
    expect(safetyStock(input)).toBeCloseTo(1.6448536269514722 * Math.sqrt(7300), 9);
    expect(reorderPoint(input)).toBeCloseTo(500 + 1.6448536269514722 * Math.sqrt(7300), 9);
  });

  it.each([
    { z: 1, meanDemand: -1, sdDemand: 1, leadTime: 1 },
    { z: 1, meanDemand: 1, sdDemand: -1, leadTime: 1 },
    { z: 1, meanDemand: 1, sdDemand: 1, leadTime: -1 },
    { z: 1, meanDemand: 1, sdDemand: 1, leadTime: 1, sdLeadTime: -1 },
    { z: Number.NaN, meanDemand: 1, sdDemand: 1, leadTime: 1 },
  ])('refuses %o', (input) => {
    expect(() => safetyStock(input)).toThrow(RangeError);
    expect(() => reorderPoint(input)).toThrow(RangeError);
  });
});

describe('economicOrderQuantity', () => {
  it.each([
    // sqrt(2 · 1200 · 50 / 3) = sqrt(40000) = 200
    [{ annualDemand: 1200, orderCost: 50, holdingCost: 3 }, 200],
    // sqrt(2 · 5000 · 20 / 0.5) = sqrt(400000) = 632.455…
    [{ annualDemand: 5000, orderCost: 20, holdingCost: 0.5 }, Math.sqrt(400000)],
    [{ annualDemand: 0, orderCost: 50, holdingCost: 3 }, 0],
    [{ annualDemand: 1200, orderCost: 0, holdingCost: 3 }, 0],
  ])('%o → %f units', (input, units) => {
    expect(economicOrderQuantity(input)).toBeCloseTo(units, 9);
  });

  it.each([0, -2, Number.NaN])('refuses holding cost %f', (holdingCost) => {
    expect(() => economicOrderQuantity({ annualDemand: 1200, orderCost: 50, holdingCost })).toThrow(RangeError);
  });

  it('refuses negative demand or order cost', () => {
    expect(() => economicOrderQuantity({ annualDemand: -1, orderCost: 50, holdingCost: 3 })).toThrow(RangeError);
    expect(() => economicOrderQuantity({ annualDemand: 1, orderCost: -50, holdingCost: 3 })).toThrow(RangeError);
  });
});
