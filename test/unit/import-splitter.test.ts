import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Delimiter, Quoting } from '../../shared/import';
import { createRowSplitter, detectDelimiter, detectQuoting, identifyReport, normaliseHeader } from '../../shared/import';
import { fixtureText } from './importTestKit';

function splitAll(text: string, delimiter: Delimiter, quoting: Quoting, cuts: readonly number[] = []) {
  const splitter = createRowSplitter(delimiter, quoting);
  const rows: string[][] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    rows.push(...splitter.push(text.slice(from, cut)));
    from = cut;
  }
  rows.push(...splitter.push(text.slice(from)));
  rows.push(...splitter.end());
  return { rows, ending: splitter.ending, rowsEmitted: splitter.rowsEmitted };
}

describe('createRowSplitter', () => {
  it('literal TSV keeps raw quotes, trailing empty cells and CRLF-free cells', () => {
    const { rows, ending } = splitAll('a\tb\tc\r\n12" Reel\t"Best" mug\t\r\n"x""y"\t""\t"q\n', '\t', 'literal');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['12" Reel', '"Best" mug', ''],
      ['x"y', '', '"q'], // Excel-wrapped cells are unwrapped; a lone quote stays
    ]);
    expect(ending).toBe('newline');
  });

  it('RFC-4180: doubled quotes, embedded delimiters and newlines, CRLF, no final newline', () => {
    const { rows, ending } = splitAll('h1,h2,h3\r\n"a, b","say ""hi""",3\r\n"multi\r\nline",,"x"\r\nlast,row,"end"', ',', 'rfc4180');
    expect(rows).toEqual([
      ['h1', 'h2', 'h3'],
      ['a, b', 'say "hi"', '3'],
      ['multi\r\nline', '', 'x'],
      ['last', 'row', 'end'],
    ]);
    expect(ending).toBe('no-final-newline');
  });

  it('the quoted ledger TSV, blank lines skipped', () => {
    const { rows } = splitAll('"Date"\t"Title"\n\n"05/06/2026"\t"12"" Reel"\n', '\t', 'rfc4180');
    expect(rows).toEqual([
      ['Date', 'Title'],
      ['05/06/2026', '12" Reel'],
    ]);
  });

  it('reports an unterminated quote at the end (truncated file)', () => {
    const result = splitAll('"a"\t"b"\n"c"\t"d is cut', '\t', 'rfc4180');
    expect(result.rows).toEqual([['a', 'b']]);
    expect(result.ending).toBe('unterminated-quote');
    expect(result.rowsEmitted).toBe(1);
  });

  it('an empty text', () => {
    expect(splitAll('', ',', 'rfc4180')).toEqual({ rows: [], ending: 'empty', rowsEmitted: 0 });
    expect(splitAll('', '\t', 'literal')).toEqual({ rows: [], ending: 'empty', rowsEmitted: 0 });
  });

  const samples: readonly (readonly [string, string, Delimiter, Quoting])[] = [
    ['ledger (quoted TSV)', fixtureText('GET_LEDGER_DETAIL_VIEW_DATA.tsv'), '\t', 'rfc4180'],
    ['business report (CSV, CRLF)', fixtureText('BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM.csv'), ',', 'rfc4180'],
    ['MYI (literal TSV)', fixtureText('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv'), '\t', 'literal'],
    ['tricky CSV', 'a,"b\r\n""c""",d\r\n"",x,"y"\r\n"z","",""\r\n', ',', 'rfc4180'],
  ];

  it.each(samples)('%s: any chunking gives exactly the rows of one push', (_name, text, delimiter, quoting) => {
    const whole = splitAll(text, delimiter, quoting);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 40 }), (cuts) => {
        expect(splitAll(text, delimiter, quoting, cuts)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('random RFC-4180 tables round-trip through any chunking', () => {
    const cellArb = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '\t') });
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 10 }), (table, rawCuts) => {
        const text = table.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n') + '\r\n';
        const cuts = rawCuts.map((c) => c % (text.length + 1));
        expect(splitAll(text, ',', 'rfc4180', cuts).rows).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });
});

describe('detection helpers', () => {
  it('detectDelimiter and detectQuoting', () => {
    expect(detectDelimiter('sku\tfnsku\tasin')).toBe('\t');
    expect(detectDelimiter('(Parent) ASIN,(Child) ASIN,Title')).toBe(',');
    expect(detectDelimiter('"a,b"\t"c"')).toBe('\t');
    expect(detectQuoting('\t', '"Date"\t"FNSKU"')).toBe('rfc4180');
    expect(detectQuoting('\t', 'sku\tfnsku')).toBe('literal');
    expect(detectQuoting(',', 'sku,fnsku')).toBe('rfc4180');
  });

  it('normaliseHeader folds case, dashes, underscores, NBSP, quotes, full-width brackets and trailing spaces', () => {
    const same = ['Event Type', 'event-type', 'EVENT_TYPE', 'Event\u00a0Type ', '"Event Type"', 'EventType', '\uFEFFEvent Type'];
    expect(new Set(same.map(normaliseHeader)).size).toBe(1);
    expect(normaliseHeader('Sessions – Total')).toBe(normaliseHeader('Sessions - Total'));
    expect(normaliseHeader('Sessions - Total')).not.toBe(normaliseHeader('Sessions - Total - B2B'));
    expect(normaliseHeader('（父）ASIN')).toBe(normaliseHeader('(父)ASIN'));
    expect(normaliseHeader('页面浏览量 - 总计 ')).toBe(normaliseHeader('页面浏览量 - 总计'));
  });

  it('columns are found by name in any order, extra columns tolerated', () => {
    const identified = identifyReport(['new-column', 'Quantity', 'FNSKU', 'Reference ID', 'date', 'event type', 'whatever']);
    expect(identified.kind).toBe('GET_LEDGER_DETAIL_VIEW_DATA');
    if (identified.kind !== 'GET_LEDGER_DETAIL_VIEW_DATA') return;
    expect(identified.columns).toMatchObject({ quantity: 1, fnsku: 2, referenceId: 3, date: 4, eventType: 5, title: -1, dateTime: -1 });
  });

  it('duplicate Chinese header names: the first 商品编码 is the listing id', () => {
    const header = fixtureText('GET_MERCHANT_LISTINGS_ALL_DATA.zh-CN.tsv').split('\n')[0]?.split('\t') ?? [];
    expect(header.filter((h) => h === '商品编码')).toHaveLength(2);
    // README.md says ×10; the verbatim header (REPORTS.md §5) and the fixture have it 9 times.
    expect(header.filter((h) => h === '不适用项目')).toHaveLength(9);
    const identified = identifyReport(header);
    expect(identified.kind).toBe('GET_MERCHANT_LISTINGS_ALL_DATA');
    if (identified.kind !== 'GET_MERCHANT_LISTINGS_ALL_DATA') return;
    expect(identified.columns).toMatchObject({ title: 0, listingId: 2, sellerSku: 3, price: 4, quantity: 5, openDate: 6, asin: 16, fulfillmentChannel: 26, status: 28 });
  });

  it('the German "Deprecated column" layout with fulfilment-channel', () => {
    const header = ['item-name', 'listing-id', 'seller-sku', 'price', 'Deprecated column', 'asin1', 'Deprecated column', 'fulfilment-channel', 'status', 'Minimum order quantity'];
    const identified = identifyReport(header);
    expect(identified.kind).toBe('GET_MERCHANT_LISTINGS_ALL_DATA');
    if (identified.kind === 'GET_MERCHANT_LISTINGS_ALL_DATA') expect(identified.columns.fulfillmentChannel).toBe(7);
  });

  it.each([
    ['Chinese', ['（父）ASIN', '（子）ASIN', '标题', 'SKU', '会话数 - 总计', '页面浏览量 - 总计 ', '已订购商品数量', '已订购商品销售额', '订单商品总数']],
    ['Japanese', ['（親）ASIN', '（子）ASIN', 'タイトル', 'セッション数 - 合計', '注文された商品点数', '注文商品の売上額', '注文品目総数']],
    ['German', ['(Übergeordnete) ASIN', '(Untergeordnete) ASIN', 'Titel', 'Sitzungen – Summe', 'Seitenaufrufe – Summe', 'Bestellte Einheiten', 'Durch bestellte Produkte erzielter Umsatz', 'Zahl der Bestellposten']],
    ['UK English', ['(Parent) ASIN', '(Child) ASIN', 'Title', 'Sessions – Total', 'Sessions – Total – B2B', 'Page views – Total', 'Units ordered', 'Ordered Product Sales', 'Total order items']],
  ])('%s Business Report headers are recognised', (_lang, header) => {
    const identified = identifyReport(header);
    expect(identified.kind).toBe('BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM');
    if (identified.kind !== 'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM') return;
    expect(identified.columns.childAsin).toBe(1);
    expect(identified.columns.unitsOrdered).toBeGreaterThan(2);
    expect(identified.columns.sessions).toBe(header.findIndex((h) => /会话|セッション|Sitzungen|Sessions/.test(h)));
  });
});
