// Automatic backups from the page's side: the start-up backup when one is due, the safety copy before
// a restore, and the state Settings shows. The main process writes, names and rotates the files.
import { create } from 'zustand';
import { isDailyBackupDue } from '../../../shared/backup/autoBackups';
import type { AutoBackupInfo, AutoBackupKind } from '../../../shared/backup/autoBackups';
import type { AutoBackupEntry, PickedFile, WriteAutoBackupResult } from '../../../shared/bridge';
import { db, hasSellerData } from '../../db';
import type { RestoreSummary } from '../../db';
import { callLedger } from '../../db/ledgerClient';
import { desktop, isDesktopHost } from '../../desktop';
import { nowIso } from '../../app/clock';

/** Wait after start-up before the daily backup, so the first screens get the ledger worker first. */
export const STARTUP_BACKUP_DELAY_MS = 3000;

export type AutoBackupActivity =
  | { kind: 'idle' }
  | { kind: 'running'; backup: AutoBackupKind }
  | { kind: 'written'; backup: AutoBackupEntry }
  | { kind: 'failed'; backup: AutoBackupKind; error: unknown };

interface AutoBackupState {
  /** The last automatic backup this session attempted (start-up or safety copy). */
  activity: AutoBackupActivity;
  /** Bumped after every write, so a shown list reads the folder again. */
  revision: number;
}

export const useAutoBackupState = create<AutoBackupState>(() => ({ activity: { kind: 'idle' }, revision: 0 }));

export function toAutoBackupInfo(entry: AutoBackupEntry): AutoBackupInfo {
  return { name: entry.name, kind: entry.kind, createdAtMs: Date.parse(entry.createdAt) };
}

/** Builds a backup of everything in the ledger worker and hands it to the main process. Throws on failure. */
export async function writeAutoBackupNow(kind: AutoBackupKind): Promise<WriteAutoBackupResult> {
  useAutoBackupState.setState({ activity: { kind: 'running', backup: kind } });
  try {
    const bytes = await callLedger('backup', { appVersion: __APP_VERSION__, createdAt: nowIso() });
    const result = await desktop.writeAutoBackup({ kind, bytes });
    useAutoBackupState.setState((s) => ({ activity: { kind: 'written', backup: result.backup }, revision: s.revision + 1 }));
    return result;
  } catch (error) {
    useAutoBackupState.setState({ activity: { kind: 'failed', backup: kind, error } });
    throw error;
  }
}

/** The start-up check: a daily backup when there is data and none from the last 24 hours. Never throws. */
export async function runStartupAutoBackup(): Promise<void> {
  if (!isDesktopHost) return;
  try {
    const list = await desktop.listAutoBackups();
    if (!list.available) return;
    const due = isDailyBackupDue({ backups: list.backups.map(toAutoBackupInfo), nowMs: Date.now(), hasData: await hasSellerData(db) });
    if (due) await writeAutoBackupNow('daily');
  } catch (error) {
    // A full disk or an unwritable folder must never stop the app: Settings shows what happened.
    if (useAutoBackupState.getState().activity.kind !== 'failed') useAutoBackupState.setState({ activity: { kind: 'failed', backup: 'daily', error } });
    console.warn('[StockPilot] automatic backup failed', error);
  }
}

/** How often a running app checks again whether a daily backup is due: a seller may leave it open for days. */
export const AUTO_BACKUP_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export function scheduleStartupAutoBackup(delayMs = STARTUP_BACKUP_DELAY_MS): void {
  if (!isDesktopHost) return;
  setTimeout(() => void runStartupAutoBackup(), delayMs);
  setInterval(() => void runStartupAutoBackup(), AUTO_BACKUP_CHECK_INTERVAL_MS);
}

export type RestoreOutcome =
  | { kind: 'restored'; summary: RestoreSummary; safetyCopy: string | null }
  | { kind: 'cancelled' }
  | { kind: 'safetyCopyFailed'; error: unknown };

/**
 * Replaces all data with a backup file, after the seller confirms. On the desktop a safety copy of the
 * data about to be replaced is written first; when it cannot be, the seller is asked again, since
 * going on would leave no copy of what they had.
 */
export async function restoreWithSafetyCopy(
  file: PickedFile,
  ask: { confirmRestore(): boolean; confirmWithoutSafetyCopy(error: unknown): boolean },
): Promise<RestoreOutcome> {
  if (!ask.confirmRestore()) return { kind: 'cancelled' };
  let safetyCopy: string | null = null;
  if (isDesktopHost && (await hasSellerData(db))) {
    try {
      safetyCopy = (await writeAutoBackupNow('before-restore')).backup.name;
    } catch (error) {
      if (!ask.confirmWithoutSafetyCopy(error)) return { kind: 'safetyCopyFailed', error };
    }
  }
  const summary = await callLedger('restore', { bytes: file.bytes, fileName: file.name }, [file.bytes.buffer]);
  return { kind: 'restored', summary, safetyCopy };
}
