// Balances for the stock overview and the sheets that show stock: straight from the balance summary for today (or any date after
// the last movement); a day-exact replay in the ledger worker for a date inside the history.
import { useEffect, useMemo, useState } from 'react';
import { dayNumber, isIsoDate } from '../../shared/dates';
import type { StockBalance } from '../../shared/ledger';
import type { IsoDate } from '../../shared/model';
import { useLedgerState } from './hooks';
import { callLedger } from '../db/ledgerClient';

export function useStockBalances(asOf: IsoDate): { balances: StockBalance[] | undefined; stale: boolean; error: unknown } {
  const state = useLedgerState();
  const summary = state?.balances;
  const needsReplay = summary !== undefined && isIsoDate(asOf) && dayNumber(asOf) < summary.lastDay;
  const [replayed, setReplayed] = useState<{ key: string; balances: StockBalance[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const replayKey = `${asOf}@${state?.version ?? 0}`;

  useEffect(() => {
    if (!needsReplay) return;
    let live = true;
    callLedger('balancesAt', { asOf }).then(
      (balances) => live && setReplayed({ key: replayKey, balances }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [needsReplay, asOf, replayKey]);

  const fromSummary = useMemo(() => {
    if (!summary) return state === undefined ? undefined : [];
    const b = summary.balances;
    const lines: StockBalance[] = [];
    for (let r = 0; r < b.rows; r++) lines.push({ skuId: b.skuId[r]!, locationId: b.locationId[r]!, qty: b.qty[r]!, valueMinor: b.valueMinor[r]! });
    return lines;
  }, [summary, state]);

  if (needsReplay) return { balances: replayed?.key === replayKey ? replayed.balances : undefined, stale: false, error };
  return { balances: fromSummary, stale: state?.stale ?? false, error: null };
}
