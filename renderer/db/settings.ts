import { DEFAULT_SETTINGS } from '../../shared/model';
import type { AppSettings } from '../../shared/model';
import { DomainError } from '../../shared/errors';
import { isCurrencyCode } from '../../shared/money';
import type { StockPilotDatabase } from './schema';
import { withStorageErrors } from './errors';

export async function readSettings(db: StockPilotDatabase): Promise<AppSettings> {
  const rows = await withStorageErrors(() => db.settings.toArray());
  const settings: AppSettings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key === 'language' && (row.value === 'en' || row.value === 'zh-CN')) settings.language = row.value;
    if (row.key === 'baseCurrency' && isCurrencyCode(row.value)) settings.baseCurrency = row.value;
  }
  return settings;
}

export async function writeSetting<K extends keyof AppSettings>(db: StockPilotDatabase, key: K, value: AppSettings[K]): Promise<void> {
  if (key === 'baseCurrency' && !isCurrencyCode(value)) throw new DomainError('field.badCurrency', { field: 'baseCurrency', value: String(value) });
  await withStorageErrors(() => db.settings.put({ key, value }));
}
