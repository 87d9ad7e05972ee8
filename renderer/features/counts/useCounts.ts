// Live reads of the counts screen. Rows come from IndexedDB; the review, which values the ledger,
// comes from the ledger worker and is asked again whenever the count, its entries or the ledger change.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CountEntry, CountPlan, StockCount } from '../../../shared/counts';
import { db } from '../../db';
import type { CountReview } from '../../db/counts';
import { callLedger } from '../../db/ledgerClient';
import { useLedgerState } from '../../app/hooks';

export function useCountPlans(): CountPlan[] | undefined {
  return useLiveQuery(() => db.countPlans.toArray(), []);
}

/** Every count, newest first. */
export function useCounts(): StockCount[] | undefined {
  return useLiveQuery(async () => (await db.counts.toArray()).sort((a, b) => b.id - a.id), []);
}

export function useCountEntries(countId: number): CountEntry[] | undefined {
  return useLiveQuery(() => db.countEntries.where('countId').equals(countId).sortBy('id'), [countId]);
}

export function useCountReview(count: StockCount, entries: readonly CountEntry[] | undefined): { review: CountReview | null; error: unknown } {
  const state = useLedgerState();
  const [result, setResult] = useState<{ key: string; review: CountReview } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = `${count.id}|${JSON.stringify(count)}|${entries?.length ?? -1}|${entries?.[entries.length - 1]?.id ?? 0}|${state?.version ?? 0}`;
  useEffect(() => {
    if (entries === undefined || state === undefined) return;
    let live = true;
    callLedger('countReview', { countId: count.id }).then(
      (review) => live && setResult({ key, review }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  // The last review stays on screen until the next arrives, so typing never blanks the table.
  return { review: result?.review ?? null, error };
}
