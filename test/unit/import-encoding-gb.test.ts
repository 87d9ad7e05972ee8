// GB18030/GBK detection: what Chinese Excel saves as "CSV (comma delimited)", told apart from
// Amazon Japan's Shift_JIS and Western windows-1252 files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChunkDecoder, decodeBytes, detectEncoding, parseReport, sniffReport } from '../../shared/import';
import { fixture, latin1 } from './importTestKit';

function warehouseFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/warehouse/${name}`, import.meta.url)));
}

/**
 * An encoder for a double-byte code page, built by decoding every lead/trail pair with Node's
 * TextDecoder (full ICU): no iconv needed. The lowest code wins where a character has two.
 */
function encoderFor(label: string): (text: string) => Uint8Array {
  const decoder = new TextDecoder(label, { fatal: true });
  const table = new Map<string, number[]>();
  const learn = (bytes: number[]): void => {
    let ch: string;
    try {
      ch = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if (ch.length === 1 && ch.charCodeAt(0) >= 0x80 && !table.has(ch)) table.set(ch, bytes);
  };
  for (let b = 0x80; b <= 0xff; b++) learn([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) learn([lead, trail]);
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else {
        const bytes = table.get(ch);
        if (bytes === undefined) throw new Error(`${label} cannot hold ${ch}`);
        out.push(...bytes);
      }
    }
    return Uint8Array.from(out);
  };
}

const gbk = encoderFor('gb18030');
const shiftJis = encoderFor('shift_jis');

describe('GB18030 (GBK) from Chinese Excel', () => {
  it('the Chinese domestic warehouse export is detected as gb18030 and decodes cleanly', () => {
    const bytes = warehouseFixture('domestic-stock.zh-CN.gbk.csv');
    // The header bytes as Chinese Windows writes them: 货号 = BB F5 BA C5, then a comma.
    expect([...bytes.subarray(0, 5)]).toEqual([0xbb, 0xf5, 0xba, 0xc5, 0x2c]);
    const detected = detectEncoding(bytes);
    expect(detected).toEqual({ encoding: 'gb18030', bomLength: 0 });
    const text = decodeBytes(bytes, detected);
    expect(text.split('\r\n')[0]).toBe('货号,商品名称,仓库,库存数量,成本价,日期');
    expect(text).toContain('无线蓝牙耳机 黑色');
    expect(text).not.toContain('\uFFFD');
  });

  it('the hand-written GBK codes of the usual header words decode as expected', () => {
    const words: [number[], string][] = [
      [[0xbb, 0xf5, 0xba, 0xc5], '货号'],
      [[0xca, 0xfd, 0xc1, 0xbf], '数量'],
      [[0xbf, 0xe2, 0xb4, 0xe6], '库存'],
      [[0xb2, 0xd6, 0xbf, 0xe2], '仓库'],
      [[0xc8, 0xd5, 0xc6, 0xda], '日期'],
      [[0xb3, 0xc9, 0xb1, 0xbe], '成本'],
    ];
    for (const [bytes, word] of words) {
      expect(new TextDecoder('gb18030').decode(Uint8Array.from(bytes))).toBe(word);
      expect([...gbk(word)]).toEqual(bytes);
    }
    const header = Uint8Array.from(words.flatMap(([bytes], i) => (i === 0 ? bytes : [0x2c, ...bytes])));
    expect(detectEncoding(header).encoding).toBe('gb18030');
  });

  it.each([
    ['a two-word header only', '货号,数量\r\n'],
    ['a header with fullwidth brackets and units', 'SKU编码,库存数量（件）,成本价（元）\r\nA-1,12,3.50\r\n'],
    ['product names with less common characters', '货号,商品名称,可用库存\r\nYOGA-1,瑜伽垫 紫色,40\r\nDESK-2,竹制桌面收纳盒,12\r\n'],
    ['a cost in euros (cp936 writes € as the byte 0x80)', '货号,成本\r\nA-1,€12.50\r\nA-2,€3.00\r\n'],
    ['a Chinese Amazon All Listings saved from Excel', '商品名称\t商品编码\t卖家 SKU\t价格\t数量\r\n无线蓝牙耳机\t0412K7QX2MA\tBT-EARBUD-BLK\t199.00\t5\r\n'],
  ])('%s is gb18030', (_name, text) => {
    const bytes = gbk(text);
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
  });

  it('a head cut in the middle of a double-byte character is still gb18030', () => {
    const bytes = gbk('货号,库存数量,仓库\r\nA-1,5,深圳仓\r\n');
    const cut = bytes.subarray(0, bytes.length - 3); // ends with the lead byte of 仓
    expect(cut[cut.length - 1]).toBe(0xb2);
    expect(detectEncoding(cut).encoding).toBe('gb18030');
  });

  it('createChunkDecoder streams gb18030 with characters split across chunks', () => {
    const text = '货号,商品名称,库存数量\r\nBT-1,无线蓝牙耳机,1200\r\n';
    const bytes = gbk(text);
    for (const size of [1, 3, 7]) {
      const decoder = createChunkDecoder('gb18030');
      let out = '';
      for (let at = 0; at < bytes.length; at += size) out += decoder.decode(bytes.subarray(at, at + size), true);
      out += decoder.decode(new Uint8Array(0), false);
      expect(out).toBe(text);
    }
  });

  it('a GBK Amazon report is read with its Chinese text intact', () => {
    const text = '商品名称\t商品编码\t卖家 SKU\t价格\t数量\t开售日期\tasin1\t配送渠道\t状态\r\n无线蓝牙耳机 黑色\t0412K7QX2MA\tBT-EARBUD-BLK\t199.00\t5\t2024-04-12 09:17:45 PDT\tB0D3KQ7M2X\tDEFAULT\tActive\r\n';
    const result = parseReport(gbk(text));
    expect(result).toMatchObject({ kind: 'GET_MERCHANT_LISTINGS_ALL_DATA', encoding: 'gb18030', rowCount: 1 });
    expect(result.records[0]).toMatchObject({ sellerSku: 'BT-EARBUD-BLK', title: '无线蓝牙耳机 黑色' });
  });
});

describe('Shift_JIS and windows-1252 are detected exactly as before', () => {
  it('the Amazon Japan cp932 orders and the German cp1252 listings keep their encodings', () => {
    const jp = fixture('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.JP.cp932.tsv');
    const de = fixture('GET_MERCHANT_LISTINGS_ALL_DATA.DE.cp1252.tsv');
    expect(detectEncoding(jp)).toEqual({ encoding: 'shift_jis', bomLength: 0 });
    expect(detectEncoding(de)).toEqual({ encoding: 'windows-1252', bomLength: 0 });
    expect(sniffReport(jp).encoding).toBe('shift_jis');
    expect(sniffReport(de).encoding).toBe('windows-1252');
    // The Japanese file is also valid GBK byte for byte: kana and kanji lead bytes are rare GBK characters.
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(jp)).not.toThrow();
  });

  it.each([
    ['kana and kanji', '商品名\t数量\r\nワイヤレスイヤホン ブラック\t1\r\n'],
    ['an address in kanji with kana', '東京都渋谷区の倉庫\t在庫\r\n'],
    ['fullwidth brackets', '竹製 デスクオーガナイザー【卓上収納】\r\n'],
  ])('Japanese %s stays shift_jis', (_name, text) => {
    expect(detectEncoding(shiftJis(text)).encoding).toBe('shift_jis');
  });

  it.each([
    'K\u00e4se\tGr\u00f6\u00dfe\n',
    'Größe für Fächer – Weiß\n',
    'AÇÃO ÄÖ\n',
    'INFORMAÇÕES ÇÃ\tCréée\n',
    'Temperatur 25°C, ½ Stück, 183×61 cm\n',
    '\u00c0\u00c9 et \u00c7\u00c0\n',
  ])('%j stays windows-1252', (text) => {
    expect(detectEncoding(latin1(text)).encoding).toBe('windows-1252');
  });

  it('one stray pair of high bytes is not enough to call a file Chinese', () => {
    // 0xC0 0xAF is a common hanzi in GBK, but also the classic overlong UTF-8 `/`.
    expect(detectEncoding(Uint8Array.from([0x41, 0xc0, 0xaf, 0x41])).encoding).toBe('windows-1252');
    expect(detectEncoding(Uint8Array.from([0x41, 0xed, 0xa0, 0x80, 0x41])).encoding).toBe('windows-1252');
  });

  it('UTF-8 Chinese and a BOM still win over every guess', () => {
    expect(detectEncoding(new TextEncoder().encode('货号,库存数量\r\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...gbk('货号')])).encoding).toBe('utf-8');
  });
});
