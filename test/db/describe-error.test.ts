// describeError turns coded errors into the seller's language, naming the line of a multi-line form.
import { describe, expect, test } from 'vitest';
import { describeError } from '../../renderer/i18n';
import { DomainError } from '../../shared/errors';

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

  test('errors without a line are unchanged', () => {
    expect(describeError('en', new DomainError('sku.duplicateCode', { code: 'A-1' }))).not.toMatch(/^Line /);
  });
});
