// Code 128 against the published symbol table (ISO/IEC 15417, as reprinted on Wikipedia and in ZXing's
// Code128Reader): expected patterns and checksums are written out by hand here, never taken from code128().
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Code128Error, code128 } from '../../shared/print/code128';
import { isDomainError } from '../../shared/errors';

/** The published table: bar/space widths of symbol values 0–106 (106 = stop, 7 elements). */
const TABLE = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

/** Concatenates published patterns into the bar/space widths code128() should produce. */
function widths(...patterns: string[]): number[] {
  return patterns.join('').split('').map(Number);
}

/** An independent reader: splits bars into symbols, looks each up in the table, checks the checksum. */
function decode(bars: number[]): string {
  const stop = bars.slice(-7).join('');
  if (stop !== TABLE[106]) throw new Error(`no stop pattern: ${stop}`);
  const body = bars.slice(0, -7);
  if (body.length % 6 !== 0) throw new Error('symbols are not 6 elements each');
  const values: number[] = [];
  for (let i = 0; i < body.length; i += 6) {
    const value = TABLE.indexOf(body.slice(i, i + 6).join(''));
    if (value < 0 || value > 105) throw new Error(`unknown symbol at element ${i}`);
    values.push(value);
  }
  const check = values.pop()!;
  const sum = values.reduce((total, value, position) => total + value * (position === 0 ? 1 : position), 0);
  if (sum % 103 !== check) throw new Error(`checksum ${check} should be ${sum % 103}`);
  let set = values[0] === 105 ? 'C' : values[0] === 104 ? 'B' : 'A';
  if (set === 'A') throw new Error('unexpected start code A');
  let text = '';
  for (const value of values.slice(1)) {
    if (set === 'B' && value === 99) set = 'C';
    else if (set === 'C' && value === 100) set = 'B';
    else if (set === 'B' && value < 95) text += String.fromCharCode(value + 32);
    else if (set === 'C' && value < 100) text += String(value).padStart(2, '0');
    else throw new Error(`unexpected value ${value} in set ${set}`);
  }
  return text;
}

describe('the published table this test reads with', () => {
  it('has 11 modules per symbol, an even number of bar modules, and no duplicates', () => {
    for (const pattern of TABLE.slice(0, 106)) {
      const w = pattern.split('').map(Number);
      expect(w.reduce((a, b) => a + b, 0)).toBe(11);
      expect(w[0]! + w[2]! + w[4]!).toSatisfy((n: number) => n % 2 === 0);
    }
    expect(new Set(TABLE).size).toBe(107);
  });
});

describe('code128', () => {
  it('encodes "PJJ123C" in set B with checksum 55 (the textbook example)', () => {
    const result = code128('PJJ123C');
    // Start B=104, P=48, J=42, J=42, 1=17, 2=18, 3=19, C=35;
    // checksum = (104 + 1·48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35) mod 103 = 879 mod 103 = 55.
    expect(result.values).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
    expect(result.bars).toEqual(
      widths('211214', '313121', '112133', '112133', '123221', '223211', '221132', '131321', '311321', '2331112'),
    );
    expect(result.widthModules).toBe(9 * 11 + 13);
  });

  it('encodes an FNSKU, "X004K7Q2MZ", in set B with checksum 85', () => {
    const result = code128('X004K7Q2MZ');
    // X=56, 0=16, 0=16, 4=20, K=43, 7=23, Q=49, 2=18, M=45, Z=58; the digit run "004" is too short for set C.
    // checksum = (104 + 56 + 2·16 + 3·16 + 4·20 + 5·43 + 6·23 + 7·49 + 8·18 + 9·45 + 10·58) mod 103 = 2145 mod 103 = 85.
    expect(result.values).toEqual([104, 56, 16, 16, 20, 43, 23, 49, 18, 45, 58, 85, 106]);
    expect(result.bars).toEqual(
      widths('211214', '331121', '123122', '123122', '221231', '112331', '312131', '211331', '223211', '113123', '312311', '124211', '2331112'),
    );
    expect(result.widthModules).toBe(12 * 11 + 13);
  });

  it('encodes an all-digit text in set C, two digits per symbol', () => {
    const result = code128('12345678');
    // Start C=105, 12, 34, 56, 78; checksum = (105 + 12 + 2·34 + 3·56 + 4·78) mod 103 = 665 mod 103 = 47.
    expect(result.values).toEqual([105, 12, 34, 56, 78, 47, 106]);
    expect(result.bars).toEqual(widths('211232', '112232', '131123', '331121', '241112', '133121', '2331112'));
  });

  it('switches to set C for a trailing run of digits', () => {
    // "PO-" in B, then Code C (99), 20 26 03 15; checksum = 1078 mod 103 = 48.
    expect(code128('PO-20260315').values).toEqual([104, 48, 47, 13, 99, 20, 26, 3, 15, 48, 106]);
  });

  it('starts in set C for a leading odd run and leaves the odd digit to set B', () => {
    // Start C, 12, 34, Code B (100), "5"=21, "A"=33, "B"=34; checksum = 11.
    expect(code128('12345AB').values).toEqual([105, 12, 34, 100, 21, 33, 34, 11, 106]);
  });

  it.each([
    ['AB1234CD', 'a 4-digit run in the middle saves nothing, so it stays in set B'],
    ['123', 'three digits cost the same in either set'],
    ['A1', 'a single digit'],
  ])('keeps %s in set B: %s', (text) => {
    const { values } = code128(text);
    expect(values[0]).toBe(104);
    expect(values).not.toContain(99);
  });

  it('uses set C for a run of 6 digits in the middle', () => {
    expect(code128('AB123456CD').values).toEqual(expect.arrayContaining([99, 12, 34, 56, 100]));
  });

  it('encodes every printable ASCII character and reads back with an independent decoder', () => {
    const all = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    expect(decode(code128(all).bars)).toBe(all);
  });

  it('reads back any printable ASCII text, and starts and ends with a bar', () => {
    const printable = fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });
    const digitsHeavy = fc.string({ unit: fc.constantFrom('0', '1', '7', '9', 'A', '-'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(printable, digitsHeavy), (text) => {
        const { bars, widthModules, values } = code128(text);
        expect(decode(bars)).toBe(text);
        expect(bars.length % 2).toBe(1); // bar, space, …, bar
        expect(widthModules).toBe(bars.reduce((a, b) => a + b, 0));
        expect(widthModules).toBe((values.length - 1) * 11 + 13);
        // Never longer than plain set B (start + one symbol per character + checksum + stop).
        expect(values.length).toBeLessThanOrEqual(text.length + 3);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['', 'empty'],
    ['SKU-é', 'position 5'],
    ['盒子', 'U+76D2'],
    ['A\tB', 'U+0009'],
    ['DEL\u007f', 'U+007F'],
  ])('refuses %j with an error that says why (%s)', (text, detail) => {
    let thrown: unknown;
    try {
      code128(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Code128Error);
    expect((thrown as Error).message).toContain(detail);
    // A DomainError, so the UI shows "Barcode: “…” is not in the right format." in the seller's language.
    expect(isDomainError(thrown) && thrown.code).toBe('field.badFormat');
  });
});
