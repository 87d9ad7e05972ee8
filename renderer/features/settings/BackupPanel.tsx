// Backup to one file and restore from one, through DesktopApi (save dialog / download, open dialog / file input).
import { useState } from 'react';
import { backupFileName } from '../../../shared/backup/format';
import { callLedger } from '../../db/ledgerClient';
import { desktop } from '../../desktop';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { nowIso } from '../../app/clock';
import { useT } from '../../i18n';

export function BackupPanel() {
  const { t, language, describe } = useT();
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
    try {
      const [file] = await desktop.openFiles({ multiple: false, filters: [{ name: 'StockPilot backup', extensions: ['stockpilot'] }, { name: 'All files', extensions: ['*'] }] });
      if (!file) return;
      if (!window.confirm(t('settings.restoreConfirm', { file: file.name }))) return;
      setBusy('restore');
      const summary = await callLedger('restore', { bytes: file.bytes, fileName: file.name }, [file.bytes.buffer]);
      setStatus({
        kind: 'ok',
        text: t('settings.restored', { skus: summary.skuCount.toLocaleString(language), movements: summary.movementCount.toLocaleString(language), date: summary.createdAt.slice(0, 10) }),
      });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
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
