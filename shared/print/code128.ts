// Code 128 barcodes (ISO/IEC 15417) for labels and printed documents: FNSKUs, SKU codes, PO numbers.
// Code set B carries printable ASCII; code set C packs digit pairs and is used where it makes the
// symbol shorter (long digit runs). Quiet zones are the renderer's job (renderer/components/print/Barcode.tsx).
import { DomainError } from '../errors';

/** Bar/space widths in modules for symbol values 0–105, each starting with a bar (the published table). */
const PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213', // 0–9
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132', // 10–19
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211', // 20–29
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313', // 30–39
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331', // 40–49
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111', // 50–59
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214', // 60–69
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111', // 70–79
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141', // 80–89
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141', // 90–99
  '114131', '311141', '411131', '211412', '211214', '211232', // 100–105
];
/** The stop pattern: 7 elements, ending with the final 2-module bar. */
const STOP_PATTERN = '2331112';

const START_B = 104;
const START_C = 105;
/** "Code C" when in set B; "Code B" when in set C. */
const SWITCH_TO_C = 99;
const SWITCH_TO_B = 100;
const STOP = 106;

const FIRST_PRINTABLE = 32; // space
const LAST_PRINTABLE = 126; // ~

export interface Code128 {
  /** Alternating bar and space widths in modules, starting and ending with a bar (start … stop). */
  bars: number[];
  /** Total width of `bars` in modules, without quiet zones. */
  widthModules: number;
  /** Symbol values: start code, data, checksum, stop (106). */
  values: number[];
}

/** Thrown for text a Code 128 scanner could not read back; a DomainError so the UI can explain it. */
export class Code128Error extends DomainError {
  constructor(text: string, detail: string) {
    super('field.badFormat', { field: 'barcode', value: text });
    this.name = 'Code128Error';
    this.message = `Cannot encode ${JSON.stringify(text)} as Code 128: ${detail}`;
  }
}

type Segment = { set: 'B' | 'C'; text: string };

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/**
 * Splits text into set-B and set-C segments. A run of n digits goes to set C only when that takes
 * fewer symbols than set B, counting the switch symbols it needs: in practice a whole-text run of
 * ≥ 2 (even) or ≥ 5 digits, ≥ 4 digits at the start or end, ≥ 6 in the middle.
 */
function segment(text: string): Segment[] {
  const segments: Segment[] = [];
  const pushB = (part: string) => {
    if (part === '') return;
    const last = segments[segments.length - 1];
    if (last?.set === 'B') last.text += part;
    else segments.push({ set: 'B', text: part });
  };
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i]!)) {
      pushB(text[i]!);
      i += 1;
      continue;
    }
    let end = i;
    while (end < text.length && isDigit(text[end]!)) end += 1;
    const run = text.slice(i, end);
    const atStart = i === 0;
    const atEnd = end === text.length;
    const odd = run.length % 2;
    // An odd digit stays in set B: after the pairs when the run opens the text (no switch into C is
    // needed there), otherwise before them (no switch back to B when the run ends the text).
    const oddDigitLast = odd === 1 && atStart && !atEnd;
    const oddDigitFirst = odd === 1 && !oddDigitLast;
    const pairs = run.slice(oddDigitFirst ? 1 : 0, oddDigitLast ? -1 : undefined);
    const switches = (atStart && !oddDigitFirst ? 0 : 1) + (atEnd && !oddDigitLast ? 0 : 1);
    if (pairs.length / 2 + odd + switches < run.length) {
      if (oddDigitFirst) pushB(run[0]!);
      segments.push({ set: 'C', text: pairs });
      if (oddDigitLast) pushB(run[run.length - 1]!);
    } else {
      pushB(run);
    }
    i = end;
  }
  return segments;
}

function checkEncodable(text: string): void {
  if (text.length === 0) throw new Code128Error(text, 'the text is empty.');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < FIRST_PRINTABLE || code > LAST_PRINTABLE) {
      const char = text.codePointAt(i)!;
      const hex = char.toString(16).toUpperCase().padStart(4, '0');
      throw new Code128Error(
        text,
        `character ${JSON.stringify(String.fromCodePoint(char))} (U+${hex}) at position ${i + 1} is not printable ASCII; ` +
          'only letters A–Z and a–z, digits, space and the symbols !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ can be encoded.',
      );
    }
  }
}

/** Encodes printable ASCII (32–126) as a Code 128 symbol: start, data, modulo-103 checksum, stop. */
export function code128(text: string): Code128 {
  checkEncodable(text);
  const segments = segment(text);
  const values: number[] = [segments[0]!.set === 'C' ? START_C : START_B];
  let current = segments[0]!.set;
  for (const part of segments) {
    if (part.set !== current) {
      values.push(part.set === 'C' ? SWITCH_TO_C : SWITCH_TO_B);
      current = part.set;
    }
    if (part.set === 'C') {
      for (let i = 0; i < part.text.length; i += 2) values.push(Number(part.text.slice(i, i + 2)));
    } else {
      for (const char of part.text) values.push(char.charCodeAt(0) - FIRST_PRINTABLE);
    }
  }
  const checksum = values.reduce((sum, value, position) => sum + value * Math.max(position, 1), 0) % 103;
  values.push(checksum, STOP);

  const bars = values.flatMap((value) => Array.from(value === STOP ? STOP_PATTERN : PATTERNS[value]!, Number));
  const widthModules = bars.reduce((sum, width) => sum + width, 0);
  return { bars, widthModules, values };
}
