// describeError turns coded errors into the seller's language, naming the line of a multi-line form.
import { afterEach, describe, expect, test } from 'vitest';
import { describeError } from '../../renderer/i18n';
import { setLeadTime } from '../../renderer/db/purchasing';
import { DomainError } from '../../shared/errors';
import { transportKey } from '../../shared/purchasing/routeLeadTimes';
import { disposeDatabases, freshDb } from './helpers';

afterEach(disposeDatabases);

describe('describeError', () => {
  test('an error on one line of a form says which line, in English and Chinese', () => {
    const error = new DomainError('field.notPositive', { field: 'qty', value: '-5', line: 2 });
    expect(describeError('en', error)).toMatch(/^Line 2: Quantity: /);
    expect(describeError('zh-CN', error)).toMatch(/^第 2 行：/);
  });

  test('a message that already names the line is not prefixed twice', () => {
    const error = new DomainError('purchase.lineNoSku', { line: 3 });
    expect(describeError('en', error)).toBe('Line 3: choose a SKU.');
  });

  test("a bundle's component errors name the row and the field, in English and Chinese", () => {
    const units = new DomainError('field.notPositive', { field: 'componentUnits', value: '0', line: 2 });
    expect(describeError('en', units)).toBe('Line 2: Units per bundle: “0” must be greater than zero.');
    expect(describeError('zh-CN', units)).toBe('第 2 行：每个组合件数：“0”必须大于零。');
    const unknown = new DomainError('listing.unknownComponent', { sku: 'NOPE', line: 3 });
    expect(describeError('en', unknown)).toBe('Line 3: component SKU “NOPE” is not in your catalog — nothing was saved.');
    expect(describeError('zh-CN', unknown)).toMatch(/^第 3 行：组件 SKU“NOPE”/);
  });

  test('an error on one row of a file names the file and the row, once, in English and Chinese', () => {
    const units = new DomainError('field.negative', { field: 'unitsPerDay', value: '-3', file: 'forecasts.csv', row: 2 });
    expect(describeError('en', units)).toBe('forecasts.csv, row 2: Units per day: “-3” cannot be negative.');
    expect(describeError('zh-CN', units)).toBe('forecasts.csv 第 2 行：每日件数：“-3”不能为负数。');
    const unknown = new DomainError('rates.unknownSku', { file: 'forecasts.csv', row: 4, code: 'NO-SUCH' });
    expect(describeError('en', unknown)).toBe('forecasts.csv, row 4: no SKU with the code NO-SUCH. Add it to the SKU list first, or correct the code. Nothing was changed.');
    expect(describeError('en', new DomainError('rates.missingColumn', { file: 'f.csv', field: 'unitsPerDay' }))).toBe('f.csv has no “Units per day” column. The header row needs SKU, Marketplace and Units per day (Until may be left out). Nothing was changed.');
  });

  test('a demand change of −100% or less says what it must be above, in English and Chinese', () => {
    const error = new DomainError('field.notAbove', { field: 'uplift', value: '-100', min: '−100%' });
    expect(describeError('en', error)).toMatch(/: “-100” must be more than −100%\.$/);
    expect(describeError('zh-CN', error)).toMatch(/：“-100”必须大于 −100%。$/);
  });

  test('errors without a line are unchanged', () => {
    expect(describeError('en', new DomainError('sku.duplicateCode', { code: 'A-1' }))).not.toMatch(/^Line /);
  });

  test('a refused lead time names its field and the days given, in English and Chinese, and the saved lead time stays', async () => {
    const db = await freshDb();
    const key = transportKey(1, 3, 'sea');
    await setLeadTime(db, key, { meanDays: 40, sdDays: 5 });
    let refusal: unknown;
    await setLeadTime(db, key, { meanDays: -3, sdDays: 0 }).catch((error: unknown) => (refusal = error));
    expect(describeError('en', refusal)).toBe('Lead time, average days: “-3” cannot be negative.');
    expect(describeError('zh-CN', refusal)).toBe('提前期平均天数：“-3”不能为负数。');
    expect(await db.leadTimes.toArray()).toEqual([{ key, meanDays: 40, sdDays: 5 }]);
  });
});
