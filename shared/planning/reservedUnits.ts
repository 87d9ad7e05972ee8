// Reserved units at FBA for the plan's position (PRODUCT §4.3: IP = on hand + in transit + on order
// − reserved), from the Amazon Reserved Inventory reports the seller imported.
import type { IsoDate, PlatformListing } from '../model';
import type { ReservedRow } from '../import/stored';

/** One stored Reserved Inventory report: the marketplace the seller confirmed, the day it was imported, its rows. */
export interface ReservedReport {
  marketplace: string | null;
  date: IsoDate | null;
  rows: Iterable<ReservedRow>;
}

/**
 * Units of one row that are not available to sell. `reserved_qty` is Amazon's sum of the buckets
 * (REPORTS.md §7b), and every bucket is stock in the FC that cannot be sold now: customer orders
 * are sold already (the demand history has them), FC transfers are on their way between FCs, FC
 * processing is being checked. The total is taken rather than the buckets because Amazon adds and
 * drops buckets (reserved_staging added, reserved_fc-transfers dropped in 2026); the buckets count
 * only when the total is blank.
 */
export function reservedUnitsOfRow(row: ReservedRow): number {
  const units = row.reserved ?? (row.customerOrders ?? 0) + (row.fcTransfers ?? 0) + (row.fcProcessing ?? 0);
  return Math.max(0, units);
}

/**
 * The report each marketplace's reserved units come from: reports are kept per marketplace and import
 * day, and the newest day of a marketplace is its stock now. A report without a marketplace applies nowhere.
 */
export function latestReservedReports<R extends ReservedReport>(reports: Iterable<R>): Map<string, R> {
  const latest = new Map<string, R>();
  for (const report of reports) {
    if (!report.marketplace) continue;
    const before = latest.get(report.marketplace);
    if (!before || (report.date ?? '') > (before.date ?? '')) latest.set(report.marketplace, report);
  }
  return latest;
}

/**
 * How a reserved row finds its listing: through the listings of its marketplace, by seller SKU, else
 * FNSKU, else an ASIN that only one SKU there has (an ASIN shared by several SKUs says nothing about
 * which). The plan's reserved units and the imports screen's queue of codes to map read it alike.
 */
export function reservedRowMatcher<L extends Pick<PlatformListing, 'skuId' | 'marketplace' | 'sellerSku' | 'fnsku' | 'asin'>>(listings: readonly L[]): (marketplace: string, row: ReservedRow) => L | undefined {
  const bySellerSku = new Map<string, L>();
  const byFnsku = new Map<string, L>();
  const byAsin = new Map<string, L | null>();
  const code = (marketplace: string, value: string) => `${marketplace}|${value.trim().toUpperCase()}`;
  for (const l of listings) {
    if (l.sellerSku.trim()) bySellerSku.set(code(l.marketplace, l.sellerSku), l);
    if (l.fnsku.trim()) byFnsku.set(code(l.marketplace, l.fnsku), l);
    if (l.asin.trim()) {
      const key = code(l.marketplace, l.asin);
      const other = byAsin.get(key);
      byAsin.set(key, other === undefined || other?.skuId === l.skuId ? l : null);
    }
  }
  return (marketplace, row) =>
    (row.sellerSku.trim() ? bySellerSku.get(code(marketplace, row.sellerSku)) : undefined) ??
    (row.fnsku.trim() ? byFnsku.get(code(marketplace, row.fnsku)) : undefined) ??
    (row.asin.trim() ? (byAsin.get(code(marketplace, row.asin)) ?? undefined) : undefined);
}

/**
 * Reserved units per `marketplace|skuId`, in SKU units (a 2-pack listing's reserved unit is 2), from
 * the latest report of each marketplace (reservedRowMatcher finds each row's listing); a report
 * without a marketplace applies nowhere.
 */
export function reservedUnitsBySku(reports: Iterable<ReservedReport>, listings: readonly Pick<PlatformListing, 'skuId' | 'marketplace' | 'sellerSku' | 'fnsku' | 'asin' | 'unitsPerListing'>[]): Map<string, number> {
  const latest = latestReservedReports(reports);
  const result = new Map<string, number>();
  if (latest.size === 0) return result;
  const listingOf = reservedRowMatcher(listings);
  for (const [marketplace, report] of latest) {
    for (const row of report.rows) {
      const target = listingOf(marketplace, row);
      if (!target) continue;
      const units = reservedUnitsOfRow(row) * target.unitsPerListing;
      if (units === 0) continue;
      const key = `${marketplace}|${target.skuId}`;
      result.set(key, (result.get(key) ?? 0) + units);
    }
  }
  return result;
}
