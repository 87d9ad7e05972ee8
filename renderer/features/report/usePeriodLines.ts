// Period lines from the monthly summary when the range is whole months (month, quarter, year), or
// a day-exact replay in the ledger worker for any other custom range.
import { useEffect, useMemo, useState } from 'react';
import { addDays, dayNumber } from '../../../shared/dates';
import type { DateRange } from '../../../shared/dates';
import { useLiveQuery } from 'dexie-react-hooks';
import { monthOfDay, periodReportFromMonths } from '../../../shared/ledger';
import type { PeriodLine } from '../../../shared/ledger';
import { useLedgerState } from '../../app/hooks';
import { db, readMonthParts } from '../../db';
import { callLedger } from '../../db/ledgerClient';

export function isWholeMonths(range: DateRange): boolean {
  return range.from.endsWith('-01') && addDays(range.to, 1).endsWith('-01');
}

export function usePeriodLines(range: DateRange | null): { lines: PeriodLine[] | undefined; error: unknown } {
  const state = useLedgerState();
  const wholeMonths = range !== null && isWholeMonths(range);
  const fromMonth = range ? monthOfDay(dayNumber(range.from)) : 0;
  // Only the months from the period's start on are read: beginning = balance − what happened since.
  const stored = useLiveQuery(() => (wholeMonths ? readMonthParts(db, fromMonth) : Promise.resolve(null)), [wholeMonths, fromMonth]);
  const [replayed, setReplayed] = useState<{ key: string; lines: PeriodLine[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = range ? `${range.from}..${range.to}@${state?.version ?? 0}` : '';

  useEffect(() => {
    if (!range || wholeMonths) return;
    let live = true;
    callLedger('periodReport', { from: range.from, to: range.to }).then(
      (lines) => live && setReplayed({ key, lines }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [range?.from, range?.to, wholeMonths, key]); // eslint-disable-line react-hooks/exhaustive-deps

  const fromSummary = useMemo(() => {
    if (!range || !wholeMonths || stored === undefined) return undefined;
    if (stored === null) return [];
    return periodReportFromMonths(stored.balances.balances, stored.parts, fromMonth, monthOfDay(dayNumber(range.to)));
  }, [range?.to, wholeMonths, stored, fromMonth]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!range) return { lines: [], error: null };
  if (wholeMonths) return { lines: fromSummary, error: null };
  return { lines: replayed?.key === key ? replayed.lines : undefined, error };
}
