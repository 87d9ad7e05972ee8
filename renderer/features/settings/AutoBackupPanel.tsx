// Automatic backups in Settings: on (desktop) or not available (browser), the folder, the last one,
// and every one in the folder with a Restore button (through the same checked restore as a picked file).
import { useEffect, useState } from 'react';
import { formatFileSize } from '../../../shared/bridge';
import type { AutoBackupList } from '../../../shared/bridge';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { desktop } from '../../desktop';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { useAutoBackupState } from './autoBackups';
import type { AutoBackupActivity } from './autoBackups';
import { useRestore } from './BackupPanel';

function activityStatus(activity: AutoBackupActivity, t: Translate, describe: (error: unknown) => string): Status {
  switch (activity.kind) {
    case 'idle':
      return null;
    case 'running':
      return { kind: 'ok', text: t('settings.autoBackupsRunning') };
    case 'written':
      return { kind: 'ok', text: t('settings.autoBackupsWritten', { name: activity.backup.name }) };
    case 'failed':
      return { kind: 'error', text: t('settings.autoBackupsFailed', { reason: describe(activity.error) }) };
  }
}

export function AutoBackupPanel() {
  const { t, language, describe } = useT();
  const { restore } = useRestore();
  const { activity, revision } = useAutoBackupState();
  const [list, setList] = useState<AutoBackupList | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    desktop.listAutoBackups().then(
      (next) => {
        if (!live) return;
        setList(next);
        setListError(null);
      },
      (error: unknown) => live && setListError(error),
    );
    return () => {
      live = false;
    };
  }, [revision]);

  const when = (iso: string) => new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

  const restoreBackup = async (name: string) => {
    if (busy) return;
    setStatus(null);
    setBusy(true);
    try {
      const file = await desktop.readAutoBackup({ name });
      setStatus(await restore(file));
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  };

  const showFolder = async () => {
    try {
      await desktop.showAutoBackupsFolder();
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  if (listError !== null) {
    return (
      <div className="panel" data-testid="auto-backups">
        <StatusLine status={{ kind: 'error', text: t('settings.autoBackupsListFailed', { reason: describe(listError) }) }} />
      </div>
    );
  }
  if (!list) return <p className="panel" data-testid="auto-backups">{t('common.loading')}</p>;
  if (!list.available) {
    return (
      <div className="panel" data-testid="auto-backups">
        <p className="muted">{t('settings.autoBackupsBrowser')}</p>
      </div>
    );
  }
  const newestDaily = list.backups.find((b) => b.kind === 'daily');
  return (
    <div className="panel" data-testid="auto-backups">
      <p>{t('settings.autoBackupsOn')}</p>
      <div className="toolbar">
        <span className="muted" data-testid="auto-backups-folder">{t('settings.autoBackupsFolder', { folder: list.folder })}</span>
        <button type="button" className="btn" onClick={() => void showFolder()}>
          {t('settings.autoBackupsShowFolder')}
        </button>
      </div>
      <p data-testid="auto-backups-last">{newestDaily ? t('settings.autoBackupsLast', { date: when(newestDaily.createdAt) }) : t('settings.autoBackupsNone')}</p>
      <StatusLine status={activityStatus(activity, t, describe)} />
      {list.backups.length > 0 ? (
        <table className="data-table--plain" data-testid="auto-backups-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.autoBackupsWhen')}</th>
              <th scope="col">{t('settings.autoBackupsKind')}</th>
              <th scope="col">{t('settings.autoBackupsSize')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.name} data-name={backup.name}>
                <td title={backup.name}>{when(backup.createdAt)}</td>
                <td>{t(backup.kind === 'daily' ? 'settings.autoBackupKind.daily' : 'settings.autoBackupKind.before-restore')}</td>
                <td>{formatFileSize(backup.sizeBytes)}</td>
                <td>
                  <button type="button" className="btn btn--small" aria-disabled={busy} aria-label={t('settings.autoBackupsRestoreLabel', { date: when(backup.createdAt) })} onClick={() => void restoreBackup(backup.name)}>
                    {t('settings.autoBackupsRestore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {/* Always in the page, so a screen reader announces the text when it appears. */}
      <span role="status">{busy ? t('settings.restoring') : ''}</span>
      <div data-testid="auto-backups-status">
        <StatusLine status={status} />
      </div>
    </div>
  );
}
