// Snapshot vs ledger (PRODUCT §1.4): what a stock report says is at a location against
// StockPilot's balance there on the same date, with the ledger events that explain a difference.
//
// Explanation rule, for a difference d = snapshot − ledger ≠ 0. Candidates are the SKU's events
// within `windowDays` (default 7, both edges inclusive) before or after the snapshot date: an
// event after the date may already be in the snapshot (then d = its quantity), and an event on or
// shortly before it may not be applied by Amazon yet (then d = −its quantity).
//   1. One event whose quantity is d or −d. Several: the one whose side of the date fits its sign
//      (after → d, on/before → −d) first, then the nearest to the date, then the earliest listed.
//   2. Else all adjustment events in the window, when their quantities sum to d or −d.
//   3. Else nothing: [] — an event that does not add up to the difference does not explain it.
// Without `options`, every event passed in is a candidate (the caller chose "near the date").
import { daysBetween, isIsoDate } from '../dates';

/** What a stock report says is at one location for one SKU on a date, by disposition. Quantities null = the report did not say. */
export interface SnapshotQuantities {
  fulfillable: number | null;
  reserved: number | null;
  unsellable: number | null;
  researching: number | null;
  inbound: number | null;
}

/** Units the snapshot says are physically in the warehouse, comparable with StockPilot's ledger balance there: fulfillable + reserved + unsellable + researching (inbound is still in transit in StockPilot's ledger). Null when all four are null. */
export function onHandUnits(q: SnapshotQuantities): number | null {
  const parts = [q.fulfillable, q.reserved, q.unsellable, q.researching];
  if (parts.every((units) => units === null)) return null;
  return parts.reduce<number>((sum, units) => sum + (units ?? 0), 0);
}

/** A ledger event of the SKU at the location, as passed in for explaining a difference. */
export interface ReconcileEvent {
  day: string;
  type: string;
  quantity: number;
  reference: string;
}

export interface ReconcileInput {
  skuId: number;
  /** Snapshot on-hand units (already summed over the SKU's listings/conditions), null when unknown. */
  snapshotUnits: number | null;
  /** StockPilot balance at that location at the end of the snapshot date. */
  ledgerUnits: number;
  /** Ledger events of this SKU at this location near the date, for explaining a difference. */
  events: readonly ReconcileEvent[];
}

export type ReconcileStatus = 'match' | 'difference' | 'unknown' | 'onlyInLedger' | 'onlyInSnapshot';

export interface ReconcileLine {
  skuId: number;
  snapshotUnits: number | null;
  ledgerUnits: number;
  /** snapshot − ledger; null when the snapshot did not say. */
  differenceUnits: number | null;
  status: ReconcileStatus;
  explainedBy: ReconcileInput['events'][number][];
}

export interface ReconcileOptions {
  /** Days before and after the snapshot date in which an event may explain a difference (default 7). */
  windowDays?: number;
  snapshotDay: string;
}

export const DEFAULT_WINDOW_DAYS = 7;

/**
 * One line per input: 'match' (no difference), 'difference', 'onlyInSnapshot' (ledger 0, snapshot
 * > 0), 'onlyInLedger' (no snapshot line, ledger ≠ 0), 'unknown' (no snapshot line, ledger 0).
 * Sorted by size descending — |difference|, or the ledger units a snapshot without a line leaves
 * unconfirmed — then skuId.
 */
export function reconcile(inputs: readonly ReconcileInput[], options?: ReconcileOptions): ReconcileLine[] {
  const lines = inputs.map((input): ReconcileLine => {
    const { skuId, snapshotUnits, ledgerUnits } = input;
    if (snapshotUnits === null) {
      return { skuId, snapshotUnits, ledgerUnits, differenceUnits: null, status: ledgerUnits === 0 ? 'unknown' : 'onlyInLedger', explainedBy: [] };
    }
    const differenceUnits = snapshotUnits - ledgerUnits;
    const status: ReconcileStatus = differenceUnits === 0 ? 'match' : ledgerUnits === 0 && snapshotUnits > 0 ? 'onlyInSnapshot' : 'difference';
    const explainedBy = differenceUnits === 0 ? [] : explain(differenceUnits, input.events, options);
    return { skuId, snapshotUnits, ledgerUnits, differenceUnits, status, explainedBy };
  });
  const size = (line: ReconcileLine) => Math.abs(line.differenceUnits ?? line.ledgerUnits);
  return lines.sort((a, b) => size(b) - size(a) || a.skuId - b.skuId);
}

interface Candidate {
  event: ReconcileEvent;
  index: number;
  /** Days from the snapshot date (negative = before); 0 when no snapshot date was given. */
  offsetDays: number;
}

function explain(differenceUnits: number, events: readonly ReconcileEvent[], options: ReconcileOptions | undefined): ReconcileEvent[] {
  const windowDays = Math.max(0, options?.windowDays ?? DEFAULT_WINDOW_DAYS);
  const candidates: Candidate[] = [];
  events.forEach((event, index) => {
    if (options === undefined) {
      candidates.push({ event, index, offsetDays: 0 });
      return;
    }
    // A malformed day cannot be placed in the window; it explains nothing.
    if (!isIsoDate(event.day) || !isIsoDate(options.snapshotDay)) return;
    const offsetDays = daysBetween(options.snapshotDay, event.day);
    if (Math.abs(offsetDays) <= windowDays) candidates.push({ event, index, offsetDays });
  });

  const singles = candidates.filter((c) => Math.abs(c.event.quantity) === Math.abs(differenceUnits));
  if (singles.length > 0) {
    // After the date the snapshot may include the event (d = q); on or before, Amazon may lag (d = −q).
    const fits = (c: Candidate) => (c.offsetDays > 0 ? c.event.quantity === differenceUnits : c.event.quantity === -differenceUnits);
    singles.sort((a, b) => Number(fits(b)) - Number(fits(a)) || Math.abs(a.offsetDays) - Math.abs(b.offsetDays) || a.index - b.index);
    return [singles[0]!.event];
  }

  const adjustments = candidates.filter((c) => isAdjustment(c.event.type));
  const netUnits = adjustments.reduce((sum, c) => sum + c.event.quantity, 0);
  if (adjustments.length > 0 && Math.abs(netUnits) === Math.abs(differenceUnits)) {
    return adjustments.sort((a, b) => a.offsetDays - b.offsetDays || a.index - b.index).map((c) => c.event);
  }
  return [];
}

/** StockPilot's `adjustment` movements, and Amazon's `Adjustments` event type when events come from the report. */
function isAdjustment(type: string): boolean {
  return type.trim().toLowerCase().startsWith('adjustment');
}
