// Lost and damaged units at Amazon that the seller may claim, from the ledger's Adjustments events.
//
// StockPilot has no reimbursement report, so Amazon's own Reconciled / Unreconciled Quantity on the
// ledger rows is the record of what was later found or reimbursed. The rule, per marketplace and
// FNSKU (the seller SKU when the FNSKU is blank), over events dated on or before `asOfDay`:
// - lost = units out by reason M; damaged = units out by E, 6, 7, H, K, U; found = units in by F
//   dated on or after the group's first loss. P (+ into WAREHOUSE_DAMAGED, the other half of a
//   damage pair) is not a recovery and counts nowhere; other reasons (D disposed, O, Q…) neither.
// - When every lost/damaged event carries an Unreconciled Quantity, claimable = the sum of those
//   (basis 'unreconciled'; Amazon writes it signed like the event, so its size is taken) less the
//   found units under one of the losses' reference IDs beyond what those loss rows already show as
//   reconciled (the same unit back, in a download newer than the loss row's).
// - Otherwise (older files have no such column) claimable = max(0, lost + damaged − found)
//   (basis 'netOfFound').
// Only groups with claimable > 0 are returned, largest first.

/** A ledger detail Adjustments event, as stored by the app. */
export interface AdjustmentEvent {
  key: string;
  date: string;
  fnsku: string;
  msku: string;
  marketplace: string;
  quantity: number;
  reason: string;
  disposition: string;
  fulfillmentCenter: string;
  referenceId: string;
  reconciledQuantity: number | null;
  unreconciledQuantity: number | null;
}

/** Reason codes (REPORTS.md §4a): M misplaced/lost (−). */
export const LOST_REASONS: readonly string[] = ['M'];
/** E, 6, 7, H, K, U: damaged in the warehouse (−), each paired with a P (+) into WAREHOUSE_DAMAGED. */
export const DAMAGED_REASONS: readonly string[] = ['E', '6', '7', 'H', 'K', 'U'];
/** F: found (+), a recovery of lost units. */
export const FOUND_REASONS: readonly string[] = ['F'];

export interface Claim {
  fnsku: string;
  msku: string;
  marketplace: string;
  /** First and last date of the events listed. */
  firstDate: string;
  lastDate: string;
  lostUnits: number;
  damagedUnits: number;
  /** Found units dated on or after the first loss. */
  foundUnits: number;
  claimableUnits: number;
  basis: 'unreconciled' | 'netOfFound';
  /** The lost and damaged events, and the found events counted, by date. */
  events: AdjustmentEvent[];
}

type ReasonKind = 'lost' | 'damaged' | 'found';

function reasonKind(reason: string): ReasonKind | null {
  const code = reason.trim().toUpperCase();
  if (LOST_REASONS.includes(code)) return 'lost';
  if (DAMAGED_REASONS.includes(code)) return 'damaged';
  if (FOUND_REASONS.includes(code)) return 'found';
  return null;
}

interface Group {
  losses: AdjustmentEvent[];
  found: AdjustmentEvent[];
}

export function claimableUnits(events: readonly AdjustmentEvent[], asOfDay: string): Claim[] {
  const groups = new Map<string, Group>();
  for (const event of events) {
    if (event.date > asOfDay) continue;
    const kind = reasonKind(event.reason);
    if (kind === null) continue;
    const fnsku = event.fnsku.trim().toUpperCase();
    const code = fnsku === '' ? `msku:${event.msku.trim().toUpperCase()}` : `fnsku:${fnsku}`;
    const groupKey = `${event.marketplace.trim().toUpperCase()}|${code}`;
    let group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, (group = { losses: [], found: [] }));
    (kind === 'found' ? group.found : group.losses).push(event);
  }

  const claims: Claim[] = [];
  for (const { losses, found } of groups.values()) {
    if (losses.length === 0) continue;
    const firstLossDate = losses.reduce((first, e) => (e.date < first ? e.date : first), losses[0]!.date);
    const foundCounted = found.filter((e) => e.date >= firstLossDate);
    const lostUnits = unitsOut(losses.filter((e) => reasonKind(e.reason) === 'lost'));
    const damagedUnits = unitsOut(losses.filter((e) => reasonKind(e.reason) === 'damaged'));
    const foundUnits = foundCounted.reduce((total, e) => total + e.quantity, 0);
    const unreconciled = losses.every((e) => e.unreconciledQuantity !== null);
    // A found event carrying a loss's reference ID is that very unit back, even when the loss row
    // (from an earlier download) still says unreconciled.
    const lossRefs = new Set(losses.map((e) => e.referenceId.trim()).filter((ref) => ref !== ''));
    // Units the loss rows already show as reconciled are finds Amazon has counted: only finds beyond
    // those are news the loss rows do not carry yet.
    const reconciledOnLosses = losses.filter((e) => lossRefs.has(e.referenceId.trim())).reduce((total, e) => total + Math.abs(e.reconciledQuantity ?? 0), 0);
    const foundAgainstLoss = foundCounted.filter((e) => lossRefs.has(e.referenceId.trim())).reduce((total, e) => total + e.quantity, 0);
    const claimable = unreconciled
      ? Math.max(0, losses.reduce((total, e) => total + Math.abs(e.unreconciledQuantity ?? 0), 0) - Math.max(0, foundAgainstLoss - reconciledOnLosses))
      : Math.max(0, lostUnits + damagedUnits - foundUnits);
    if (claimable <= 0) continue;
    const listed = [...losses, ...foundCounted].sort((a, b) => compareText(a.date, b.date) || compareText(a.key, b.key));
    const first = listed[0]!;
    claims.push({
      fnsku: listed.find((e) => e.fnsku.trim() !== '')?.fnsku.trim() ?? '',
      msku: listed.find((e) => e.msku.trim() !== '')?.msku.trim() ?? '',
      marketplace: first.marketplace.trim().toUpperCase(),
      firstDate: first.date,
      lastDate: listed[listed.length - 1]!.date,
      lostUnits,
      damagedUnits,
      foundUnits,
      claimableUnits: claimable,
      basis: unreconciled ? 'unreconciled' : 'netOfFound',
      events: listed,
    });
  }
  return claims.sort(
    (a, b) => b.claimableUnits - a.claimableUnits || compareText(a.marketplace, b.marketplace) || compareText(a.fnsku, b.fnsku) || compareText(a.msku, b.msku),
  );
}

/** Units out are negative quantities; a positive one (a reversal) nets against them. */
function unitsOut(events: readonly AdjustmentEvent[]): number {
  return events.reduce((total, e) => total - e.quantity, 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
