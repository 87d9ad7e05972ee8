// The imports screen shows the queue of codes to map a page at a time, filtered by what the seller
// types (renderer/features/imports/codeQueuePage.ts).
import { describe, expect, test } from 'vitest';
import { codeQueuePage } from '../../renderer/features/imports/codeQueuePage';
import type { QueuedCode } from '../../shared/import/unmappedCodes';

function code(n: number, extra: Partial<QueuedCode> = {}): QueuedCode {
  const text = `SKU-${String(n).padStart(4, '0')}`;
  return { key: `sellerSku|${text}|US`, codeType: 'sellerSku', code: text, marketplace: 'US', heldEvents: 0, sources: [{ reportKind: 'orders', rows: 1 }], sellerSku: text, fnsku: '', asin: '', title: '', ...extra };
}
const queue = Array.from({ length: 120 }, (_, i) => code(i + 1));

describe('codeQueuePage', () => {
  test('pages of 50 in the queue\'s order, the last one short', () => {
    expect(codeQueuePage(queue, '', 0)).toMatchObject({ matching: 120, page: 0, pages: 3, first: 1, last: 50 });
    expect(codeQueuePage(queue, '', 0).entries.map((q) => q.code).slice(0, 2)).toEqual(['SKU-0001', 'SKU-0002']);
    const last = codeQueuePage(queue, '', 2);
    expect(last).toMatchObject({ page: 2, first: 101, last: 120 });
    expect(last.entries.map((q) => q.code)).toEqual(queue.slice(100).map((q) => q.code));
  });

  test('a page past the end (the queue shrank after mappings) shows the last page; a negative one the first', () => {
    expect(codeQueuePage(queue.slice(0, 60), '', 2)).toMatchObject({ page: 1, first: 51, last: 60 });
    expect(codeQueuePage(queue, '', -3)).toMatchObject({ page: 0, first: 1, last: 50 });
  });

  test('the filter matches code, seller SKU, FNSKU, ASIN, title or marketplace, ignoring case and spaces around it', () => {
    const mixed = [...queue, code(500, { code: 'X004K7Q2MZ', codeType: 'fnsku', fnsku: 'X004K7Q2MZ', sellerSku: 'BT-EARBUD', title: 'Wireless earbuds', asin: 'B0D3KQ7M2X', marketplace: 'CA' })];
    for (const typed of ['  earbuds ', 'x004k7', 'B0D3KQ', 'bt-earbud', 'ca']) {
      expect(codeQueuePage(mixed, typed, 0).entries.map((q) => q.code), typed).toEqual(['X004K7Q2MZ']);
    }
    expect(codeQueuePage(mixed, 'SKU-01', 0)).toMatchObject({ matching: 21, pages: 1, first: 1, last: 21 });
  });

  test('nothing matching: no entries, one empty page', () => {
    expect(codeQueuePage(queue, 'nothing like it', 4)).toEqual({ entries: [], matching: 0, page: 0, pages: 1, first: 0, last: 0 });
    expect(codeQueuePage([], '', 0)).toEqual({ entries: [], matching: 0, page: 0, pages: 1, first: 0, last: 0 });
  });
});
