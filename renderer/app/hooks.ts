// Live reads shared by several screens. Each re-runs when the tables it reads change.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { DEFAULT_SETTINGS } from '../../shared/model';
import type { AppSettings, Location } from '../../shared/model';
import { db, loadLedger, readSettings } from '../db';
import type { LedgerView, SkuRecord } from '../db';

export function useSettings(): AppSettings {
  return useLiveQuery(() => readSettings(db), [], DEFAULT_SETTINGS);
}

export function useSkus(): SkuRecord[] | undefined {
  return useLiveQuery(() => db.skus.orderBy('codeKey').toArray(), []);
}

export function useLocations(): Location[] | undefined {
  return useLiveQuery(() => db.locations.toArray(), []);
}

export function useLedger(): LedgerView | undefined {
  return useLiveQuery(() => loadLedger(db), []);
}

export function useById<T extends { id: number }>(rows: readonly T[] | undefined): Map<number, T> {
  return useMemo(() => new Map((rows ?? []).map((row) => [row.id, row])), [rows]);
}
