// Settings through renderer/db/settings.ts, on a fresh database per test.
import { afterEach, describe, expect, it } from 'vitest';
import { readSettings, writeSetting } from '../../renderer/db/settings';
import { StockPilotDatabase } from '../../renderer/db/schema';
import type { AppSettings } from '../../shared/model';
import { disposeDatabases, expectRefusedUnchanged, freshDb, track } from './helpers';

afterEach(disposeDatabases);

describe('settings', () => {
  it('a new database reads the defaults: English, USD', async () => {
    const db = await freshDb();
    expect(await readSettings(db)).toEqual({ language: 'en', baseCurrency: 'USD' });
  });

  it('language zh-CN and base currency CNY round-trip, also after reopening the database', async () => {
    const db = await freshDb();
    await writeSetting(db, 'language', 'zh-CN');
    await writeSetting(db, 'baseCurrency', 'CNY');
    expect(await readSettings(db)).toEqual({ language: 'zh-CN', baseCurrency: 'CNY' });
    expect(await db.settings.toArray()).toEqual(
      expect.arrayContaining([
        { key: 'language', value: 'zh-CN' },
        { key: 'baseCurrency', value: 'CNY' },
      ]),
    );
    db.close();
    const reopened = track(new StockPilotDatabase(db.name));
    expect(await readSettings(reopened)).toEqual({ language: 'zh-CN', baseCurrency: 'CNY' });
  });

  it('writing a setting again replaces it (one row per key)', async () => {
    const db = await freshDb();
    await writeSetting(db, 'baseCurrency', 'CNY');
    await writeSetting(db, 'baseCurrency', 'EUR');
    await writeSetting(db, 'language', 'zh-CN');
    await writeSetting(db, 'language', 'en');
    expect(await readSettings(db)).toEqual({ language: 'en', baseCurrency: 'EUR' });
    expect(await db.settings.count()).toBe(2);
  });

  it.each(['usd', 'US', 'DOLLARS', '', ' USD', 'U5D'])('a bad currency %j is refused with field.badCurrency and nothing is written', async (bad) => {
    const db = await freshDb();
    await writeSetting(db, 'baseCurrency', 'CNY');
    await expectRefusedUnchanged(db, ['settings'], () => writeSetting(db, 'baseCurrency', bad), 'field.badCurrency', { field: 'baseCurrency', value: bad });
    expect((await readSettings(db)).baseCurrency).toBe('CNY');
  });

  it('readSettings ignores stored values it does not recognise, falling back to the defaults', async () => {
    const db = await freshDb();
    await db.settings.bulkPut([
      { key: 'language', value: 'fr' as AppSettings['language'] },
      { key: 'baseCurrency', value: 'dollars' },
    ]);
    expect(await readSettings(db)).toEqual({ language: 'en', baseCurrency: 'USD' });
  });
});
