// The Analysis screen's data, and Today's overstock and understock lists (one fetch for both): the
// worker's per-SKU figures for the period (rerun when the period, the ledger or what the plan reads
// changes) and the seller's settings (a live query), turned into rows by shared/analysis. Editing a
// threshold reruns only that last step, on the page.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DateRange } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/model';
import { analysisRows, DEFAULT_ANALYSIS_SETTINGS } from '../../../shared/analysis';
import type { AnalysisRow, AnalysisSettings, AnalysisTotals } from '../../../shared/analysis';
import { db } from '../../db';
import { readAnalysisSettings } from '../../db/analysis';
import type { AnalysisFactsResult } from '../../db/analysis';
import { callLedger } from '../../db/ledgerClient';
import { useLedgerState } from '../../app/hooks';

export interface AnalysisView {
  facts: AnalysisFactsResult;
  rows: AnalysisRow[];
  totals: AnalysisTotals;
  settings: AnalysisSettings;
  /** Wall time of the last request to the worker, ms. */
  ms: number;
}

export function useAnalysisSettings(): AnalysisSettings | undefined {
  return useLiveQuery(() => readAnalysisSettings(db), []);
}

/**
 * A period's analysis as of a day; `range` null asks for nothing (yet). `planInputsKey` is the
 * caller's usePlanInputsKeys().analysis (a screen that also reads the plan's own key reads both in
 * one live query): only the plan's demand and sea lead times are read here, which the ABC settings
 * do not change, so editing them reruns nothing in the worker (and keeps the settings form and its message).
 */
export function useAnalysis(range: DateRange | null, asOf: IsoDate, planInputsKey: string | undefined): { view: AnalysisView | undefined; error: unknown } {
  const state = useLedgerState();
  const settings = useAnalysisSettings();
  const [loaded, setLoaded] = useState<{ key: string; facts: AnalysisFactsResult; ms: number } | null>(null);
  // Kept with the request it answers, so a new request shows no old error.
  const [failed, setFailed] = useState<{ key: string; error: unknown } | null>(null);
  const key = range && state !== undefined && planInputsKey !== undefined ? `${range.from}..${range.to}@${asOf}@${state.version}@${planInputsKey}` : null;

  useEffect(() => {
    if (key === null || range === null || planInputsKey === undefined) return;
    let live = true;
    const started = performance.now();
    callLedger('analysis', { from: range.from, to: range.to, today: asOf, planInputsKey }).then(
      (facts) => live && setLoaded({ key, facts, ms: performance.now() - started }),
      (error: unknown) => live && setFailed({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const current = loaded !== null && loaded.key === key ? loaded : null;
  const view = useMemo(() => {
    if (current === null || settings === undefined) return undefined;
    const { facts } = current;
    const computed = analysisRows({ facts: facts.facts, demand: facts.demand, settings: settings ?? DEFAULT_ANALYSIS_SETTINGS, periodDays: facts.periodDays, reviewDays: facts.reviewDays });
    return { facts, ...computed, settings, ms: current.ms };
  }, [current, settings]);
  return { view, error: failed !== null && failed.key === key ? failed.error : null };
}
