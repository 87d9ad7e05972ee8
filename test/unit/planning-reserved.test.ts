// Reserved units for the plan's position (shared/planning/reservedUnits.ts): which quantity of a
// Reserved Inventory row counts, how a row finds its SKU, and which report of a marketplace applies.
import { describe, expect, test } from 'vitest';
import { reservedUnitsBySku, reservedUnitsOfRow } from '../../shared/planning/reservedUnits';
import type { ReservedRow } from '../../shared/import/stored';
import type { Marketplace } from '../../shared/model';

const row = (fields: Partial<ReservedRow>): ReservedRow => ({ key: 'k', sellerSku: '', fnsku: '', asin: '', reserved: null, customerOrders: null, fcTransfers: null, fcProcessing: null, ...fields });
const listing = (skuId: number, marketplace: Marketplace, sellerSku: string, fnsku = '', asin = '', unitsPerListing = 1) => ({ skuId, marketplace, sellerSku, fnsku, asin, unitsPerListing });

describe('reservedUnitsOfRow', () => {
  test('the reported total counts (every bucket is stock that cannot be sold now); the buckets only when the total is blank', () => {
    expect(reservedUnitsOfRow(row({ reserved: 17, customerOrders: 9, fcTransfers: 6, fcProcessing: 2 }))).toBe(17);
    // A 2026 file: reserved_fc-transfers dropped, reserved_staging (not mapped) in the total.
    expect(reservedUnitsOfRow(row({ reserved: 12, customerOrders: 9, fcProcessing: 2 }))).toBe(12);
    expect(reservedUnitsOfRow(row({ customerOrders: 9, fcTransfers: 6, fcProcessing: 2 }))).toBe(17);
    expect(reservedUnitsOfRow(row({}))).toBe(0);
    expect(reservedUnitsOfRow(row({ reserved: -3 }))).toBe(0);
  });
});

describe('reservedUnitsBySku', () => {
  test('a row finds its SKU by seller SKU, else FNSKU, else an ASIN only one SKU has, in the listings of its marketplace; a pack counts its units', () => {
    const listings = [
      listing(1, 'US', 'EAR-BLK', 'X001'),
      listing(2, 'US', 'CABLE-2PK', 'X002', 'B002', 2),
      listing(3, 'US', 'MAT-A', '', 'B003'),
      listing(4, 'US', 'MAT-B', '', 'B003'),
      listing(5, 'US', 'LAMP', '', 'B005'),
    ];
    const rows = [
      row({ sellerSku: 'ear-blk ', reserved: 4 }),
      row({ sellerSku: 'OLD-MSKU', fnsku: 'X002', reserved: 3 }),
      row({ sellerSku: 'OTHER', asin: 'B003', reserved: 5 }),
      row({ sellerSku: 'OTHER-2', asin: 'B005', reserved: 1 }),
      row({ sellerSku: 'UNKNOWN', reserved: 9 }),
    ];
    expect(reservedUnitsBySku([{ marketplace: 'US', date: '2026-06-29', rows }], listings)).toEqual(
      new Map([
        ['US|1', 4],
        ['US|2', 6],
        ['US|5', 1],
      ]),
    );
  });

  test('only the latest report of a marketplace counts; a report for another marketplace or none applies to no US listing', () => {
    const listings = [listing(1, 'US', 'EAR-BLK', 'X001'), listing(1, 'DE', 'EAR-BLK-DE', 'X001DE')];
    const reports = [
      { marketplace: 'US', date: '2026-06-29', rows: [row({ sellerSku: 'EAR-BLK', reserved: 7 })] },
      { marketplace: 'US', date: '2026-06-01', rows: [row({ sellerSku: 'EAR-BLK', reserved: 50 })] },
      { marketplace: 'DE', date: '2026-06-29', rows: [row({ sellerSku: 'EAR-BLK', reserved: 30 }), row({ fnsku: 'X001DE', reserved: 2 })] },
      { marketplace: null, date: '2026-06-30', rows: [row({ sellerSku: 'EAR-BLK', reserved: 99 })] },
    ];
    expect(reservedUnitsBySku(reports, listings)).toEqual(
      new Map([
        ['US|1', 7],
        ['DE|1', 2],
      ]),
    );
  });
});
