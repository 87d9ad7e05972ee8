import { describe, expect, it } from 'vitest';
import { isSafeFileName, validateOpenFilesRequest, validatePrintRequest, validateSaveFileRequest } from '../../shared/bridge';

const NOT_OBJECTS: unknown[] = [null, undefined, 'x', 42, true, [], [{ suggestedName: 'a.csv' }]];
const UNSAFE_NAMES: unknown[] = [
  '../x',
  '..',
  '.',
  'a/b',
  '/etc/passwd',
  'C:\\x',
  'C:x',
  'a\\b.csv',
  'bad\u0000name.csv',
  'tab\there.csv',
  'line\nbreak.csv',
  'esc\u001b.csv',
  'what?.csv',
  'star*.csv',
  'pipe|.csv',
  '<tag>.csv',
  'quote".csv',
  '',
  'x'.repeat(256),
  42,
  null,
  undefined,
  ['a.csv'],
];

describe('isSafeFileName', () => {
  it.each(['report.csv', 'StockPilot 2025-03 期末库存.csv', 'a', '..hidden', 'backup.stockpilot.json', 'x'.repeat(255)])('accepts %j', (name) => {
    expect(isSafeFileName(name)).toBe(true);
  });

  it.each(UNSAFE_NAMES.map((name) => [name]))('rejects %j', (name) => {
    expect(isSafeFileName(name)).toBe(false);
  });

  // The doc comment promises "no control characters"; DEL (U+007F) and the C1 range (U+0080–U+009F)
  // are control characters (Unicode Cc) too. Fails today: the regex stops at U+001F.
  it.each([['007F'], ['0085'], ['009B']])('rejects the control character U+%s', (hex) => {
    expect(isSafeFileName(`report${String.fromCharCode(parseInt(hex, 16))}.csv`)).toBe(false);
  });
});

describe('validateOpenFilesRequest', () => {
  it('accepts an empty request and fills in multiple = false', () => {
    expect(validateOpenFilesRequest({})).toEqual({ ok: true, value: { multiple: false } });
  });

  it('accepts a full request and keeps only known fields', () => {
    const result = validateOpenFilesRequest({
      title: 'Import reports',
      multiple: true,
      filters: [
        { name: 'Reports', extensions: ['csv', 'txt', 'TSV'] },
        { name: 'All', extensions: ['*'] },
      ],
      extra: 'dropped',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        title: 'Import reports',
        multiple: true,
        filters: [
          { name: 'Reports', extensions: ['csv', 'txt', 'TSV'] },
          { name: 'All', extensions: ['*'] },
        ],
      },
    });
  });

  it.each(NOT_OBJECTS.map((value) => [value]))('rejects the non-object %j', (value) => {
    expect(validateOpenFilesRequest(value)).toEqual({ ok: false, error: 'request must be an object' });
  });

  it.each([
    { name: 'numeric title', request: { title: 5 } },
    { name: 'huge title', request: { title: 'x'.repeat(201) } },
    { name: 'string multiple', request: { multiple: 'yes' } },
    { name: 'filters not a list', request: { filters: 'csv' } },
    { name: 'too many filters', request: { filters: Array.from({ length: 17 }, () => ({ name: 'f', extensions: ['csv'] })) } },
    { name: 'filter without a name', request: { filters: [{ extensions: ['csv'] }] } },
    { name: 'filter with a long name', request: { filters: [{ name: 'n'.repeat(101), extensions: ['csv'] }] } },
    { name: 'extensions not a list', request: { filters: [{ name: 'f', extensions: 'csv' }] } },
    { name: 'extension with a dot', request: { filters: [{ name: 'f', extensions: ['.csv'] }] } },
    { name: 'extension with a path', request: { filters: [{ name: 'f', extensions: ['../csv'] }] } },
    { name: 'extension with a wildcard pattern', request: { filters: [{ name: 'f', extensions: ['c*'] }] } },
    { name: 'empty extension', request: { filters: [{ name: 'f', extensions: [''] }] } },
    { name: 'long extension', request: { filters: [{ name: 'f', extensions: ['abcdefghijk'] }] } },
    { name: 'numeric extension', request: { filters: [{ name: 'f', extensions: [7] }] } },
    { name: 'filter that is null', request: { filters: [null] } },
  ])('rejects a $name', ({ request }) => {
    const result = validateOpenFilesRequest(request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
  });

  it('names the rejected extension in the error', () => {
    expect(validateOpenFilesRequest({ filters: [{ name: 'f', extensions: ['.csv'] }] })).toEqual({ ok: false, error: 'filter extension ".csv" is not allowed' });
  });
});

describe('validateSaveFileRequest', () => {
  it('accepts text and bytes with a plain name', () => {
    expect(validateSaveFileRequest({ suggestedName: 'stock.csv', contents: 'a,b\r\n' })).toEqual({ ok: true, value: { suggestedName: 'stock.csv', contents: 'a,b\r\n' } });
    const bytes = new Uint8Array([1, 2, 3]);
    const result = validateSaveFileRequest({ suggestedName: 'backup.bin', contents: bytes, filters: [{ name: 'Backup', extensions: ['bin'] }] });
    expect(result).toEqual({ ok: true, value: { suggestedName: 'backup.bin', contents: bytes, filters: [{ name: 'Backup', extensions: ['bin'] }] } });
    expect(validateSaveFileRequest({ suggestedName: 'empty.csv', contents: '' }).ok).toBe(true);
  });

  it.each(NOT_OBJECTS.map((value) => [value]))('rejects the non-object %j', (value) => {
    expect(validateSaveFileRequest(value)).toEqual({ ok: false, error: 'request must be an object' });
  });

  it.each(UNSAFE_NAMES.map((name) => [name]))('rejects the suggested name %j', (name) => {
    expect(validateSaveFileRequest({ suggestedName: name, contents: 'x' })).toEqual({ ok: false, error: 'suggestedName must be a plain file name' });
  });

  it.each([[42], [null], [undefined], [{ length: 3 }], [[1, 2, 3]], [new ArrayBuffer(3)]])('rejects contents %j', (contents) => {
    expect(validateSaveFileRequest({ suggestedName: 'a.csv', contents })).toEqual({ ok: false, error: 'contents must be text or bytes' });
  });

  it('rejects a bad extension filter', () => {
    expect(validateSaveFileRequest({ suggestedName: 'a.csv', contents: 'x', filters: [{ name: 'CSV', extensions: ['c/sv'] }] }).ok).toBe(false);
  });
});

describe('validatePrintRequest', () => {
  it('accepts printer and pdf requests and normalises landscape', () => {
    expect(validatePrintRequest({ target: 'printer', pageSize: 'A4' })).toEqual({ ok: true, value: { target: 'printer', pageSize: 'A4', landscape: false } });
    expect(validatePrintRequest({ target: 'pdf', pageSize: 'Letter', landscape: true, suggestedName: 'plan.pdf' })).toEqual({
      ok: true,
      value: { target: 'pdf', pageSize: 'Letter', landscape: true, suggestedName: 'plan.pdf' },
    });
  });

  it.each(NOT_OBJECTS.map((value) => [value]))('rejects the non-object %j', (value) => {
    expect(validatePrintRequest(value)).toEqual({ ok: false, error: 'request must be an object' });
  });

  it.each([
    { name: 'unknown target', request: { target: 'fax', pageSize: 'A4' }, error: "target must be 'printer' or 'pdf'" },
    { name: 'missing target', request: { pageSize: 'A4' }, error: "target must be 'printer' or 'pdf'" },
    { name: 'unknown page size', request: { target: 'pdf', pageSize: 'A3' }, error: "pageSize must be 'A4' or 'Letter'" },
    { name: 'lower-case page size', request: { target: 'pdf', pageSize: 'a4' }, error: "pageSize must be 'A4' or 'Letter'" },
    { name: 'string landscape', request: { target: 'pdf', pageSize: 'A4', landscape: 'true' }, error: 'landscape must be true or false' },
    { name: 'path as name', request: { target: 'pdf', pageSize: 'A4', suggestedName: '../plan.pdf' }, error: 'suggestedName must be a plain file name' },
    { name: 'drive path as name', request: { target: 'pdf', pageSize: 'A4', suggestedName: 'C:\\plan.pdf' }, error: 'suggestedName must be a plain file name' },
    { name: 'control char in name', request: { target: 'pdf', pageSize: 'A4', suggestedName: 'plan\u0007.pdf' }, error: 'suggestedName must be a plain file name' },
    { name: 'numeric name', request: { target: 'pdf', pageSize: 'A4', suggestedName: 3 }, error: 'suggestedName must be a plain file name' },
  ])('rejects a $name', ({ request, error }) => {
    expect(validatePrintRequest(request)).toEqual({ ok: false, error });
  });
});
