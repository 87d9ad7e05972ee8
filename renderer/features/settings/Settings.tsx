import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/bridge';
import { db, writeSetting } from '../../db';
import { CurrencyOptions, Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { useSettings } from '../../app/hooks';
import { desktop } from '../../desktop';
import { useT } from '../../i18n';
import { useStoragePersistence } from './useStoragePersistence';
import { BackupPanel } from './BackupPanel';
import { AutoBackupPanel } from './AutoBackupPanel';
import { ExchangeRatesPanel } from './ExchangeRatesPanel';

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function Settings() {
  const { t, describe } = useT();
  const settings = useSettings();
  const storage = useStoragePersistence();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    void desktop.appInfo().then(setInfo);
  }, []);

  const save = async (run: () => Promise<void>) => {
    try {
      await run();
      setStatus({ kind: 'ok', text: t('common.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="panel form-grid">
        <Field label={t('field.language')}>
          {(id) => (
            <select id={id} name="language" value={settings.language} onChange={(e) => void save(() => writeSetting(db, 'language', e.target.value === 'zh-CN' ? 'zh-CN' : 'en'))}>
              <option value="en">English</option>
              <option value="zh-CN">简体中文</option>
            </select>
          )}
        </Field>
        <Field label={t('field.baseCurrency')} hint={t('settings.baseCurrencyHelp')}>
          {(id, hint) => (
            <select id={id} aria-describedby={hint} name="baseCurrency" value={settings.baseCurrency} onChange={(e) => void save(() => writeSetting(db, 'baseCurrency', e.target.value))}>
              <CurrencyOptions current={settings.baseCurrency} />
            </select>
          )}
        </Field>
      </div>
      <StatusLine status={status} />
      <h2>{t('settings.storage')}</h2>
      <div className="panel" data-testid="storage-status">
        <p>{storage.persisted === null ? t('settings.persistUnknown') : storage.persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
        {storage.estimate ? <p className="muted">{t('settings.usage', { used: formatBytes(storage.estimate.usage), quota: formatBytes(storage.estimate.quota) })}</p> : null}
        {storage.persisted === false ? (
          <button type="button" className="btn" onClick={() => void storage.request()}>
            {t('settings.requestPersist')}
          </button>
        ) : null}
      </div>
      <h2>{t('settings.data')}</h2>
      <ExchangeRatesPanel />
      <BackupPanel />
      <h2>{t('settings.autoBackups')}</h2>
      <AutoBackupPanel />
      <h2>{t('settings.about')}</h2>
      <p className="panel" data-testid="app-info">
        {info ? t('settings.version', { version: info.version, host: t(info.host === 'desktop' ? 'settings.host.desktop' : 'settings.host.browser') }) : t('common.loading')}
      </p>
    </section>
  );
}
