// Backup to one file and restore from one, through DesktopApi (save dialog / download, open dialog / file input).
import { useState } from 'react';
import { backupFileName } from '../../../shared/backup/format';
import type { PickedFile } from '../../../shared/bridge';
import { callLedger } from '../../db/ledgerClient';
import { desktop } from '../../desktop';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { nowIso } from '../../app/clock';
import { useT } from '../../i18n';
import { restoreWithSafetyCopy } from './autoBackups';

/** Restores a backup file (picked, or one of the automatic ones) and says what happened, in the seller's language. */
export function useRestore(): { restore: (file: PickedFile) => Promise<Status> } {
  const { t, language, describe } = useT();
  const restore = async (file: PickedFile): Promise<Status> => {
    try {
      const outcome = await restoreWithSafetyCopy(file, {
        confirmRestore: () => window.confirm(t('settings.restoreConfirm', { file: file.name })),
        confirmWithoutSafetyCopy: (error) => window.confirm(t('settings.safetyCopyFailedConfirm', { reason: describe(error) })),
      });
      if (outcome.kind === 'cancelled') return null;
      if (outcome.kind === 'safetyCopyFailed') return { kind: 'error', text: t('settings.safetyCopyFailed', { reason: describe(outcome.error) }) };
      const { summary, safetyCopy } = outcome;
      const restored = t('settings.restored', { skus: summary.skuCount.toLocaleString(language), movements: summary.movementCount.toLocaleString(language), date: summary.createdAt.slice(0, 10) });
      return { kind: 'ok', text: safetyCopy ? t('settings.restoredWithSafetyCopy', { restored, name: safetyCopy }) : restored };
    } catch (error) {
      return { kind: 'error', text: describe(error) };
    }
  };
  return { restore };
}

export function BackupPanel() {
  const { t, describe } = useT();
  const { restore: restoreFile } = useRestore();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);

  const backup = async () => {
    setBusy('backup');
    setStatus(null);
    try {
      const createdAt = nowIso();
      const bytes = await callLedger('backup', { appVersion: __APP_VERSION__, createdAt });
      const result = await desktop.saveFile({ suggestedName: backupFileName(createdAt), contents: bytes, filters: [{ name: 'StockPilot backup', extensions: ['stockpilot'] }] });
      if (result.saved) setStatus({ kind: 'ok', text: t('settings.backupSaved', { name: result.name }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    setStatus(null);
    let file: PickedFile | undefined;
    try {
      // The desktop refuses a file over the size cap or a folder: a coded error, said in the seller's language.
      [file] = await desktop.openFiles({ multiple: false, filters: [{ name: 'StockPilot backup', extensions: ['stockpilot'] }, { name: 'All files', extensions: ['*'] }] });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
      return;
    }
    if (!file) return;
    setBusy('restore');
    try {
      setStatus(await restoreFile(file));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="panel" data-testid="backup-panel">
      <p className="muted">{t('settings.backupHelp')}</p>
      <div className="toolbar">
        <button type="button" className="btn btn--primary" disabled={busy !== null} onClick={() => void backup()}>
          {t('settings.backup')}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void restore()}>
          {t('settings.restore')}
        </button>
        {busy ? <span role="status">{t(busy === 'backup' ? 'settings.backingUp' : 'settings.restoring')}</span> : null}
      </div>
      <StatusLine status={status} />
    </div>
  );
}
