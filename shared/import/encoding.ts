// Text encoding and binary sniffing for dropped report files (REPORTS.md §0.2): BOM → strict
// UTF-8 → cp932 when the bytes read as Japanese, GBK when they read as Chinese (what Chinese Excel
// saves as "CSV") → windows-1252. Never decode with silent replacement and hope: a wrong guess is
// caught here, and losses Amazon made upstream are counted.

export interface DetectedEncoding {
  /** A WHATWG label TextDecoder accepts: 'utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'gb18030', 'windows-1252'. */
  encoding: string;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
}

/** Bytes worth sniffing: enough to see past a long English header into the data rows. */
export const SNIFF_BYTES = 256 * 1024;

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0 };
  if (isValidUtf8(head)) return { encoding: 'utf-8', bomLength: 0 };
  const japanese = shiftJisEvidence(head);
  const chinese = looksLikeGbk(head);
  // Japanese text almost always has kana; GBK Chinese read as Shift_JIS yields none (kana lead bytes
  // 0x82/0x83 are rare GBK-extension characters), so kana decides when both readings pass.
  if (japanese !== null && (!chinese || japanese.kana > 0)) return { encoding: 'shift_jis', bomLength: 0 };
  // WHATWG 'gb18030' is a superset of GBK (code page 936), which is what Chinese Windows saves.
  if (chinese) return { encoding: 'gb18030', bomLength: 0 };
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** UTF-16 text saved without a BOM still has a zero byte beside almost every ASCII character. */
function utf16WithoutBom(head: Uint8Array): string | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8 check (no overlongs, no surrogates). A sequence cut off by the end of `head` is
 * accepted: the head is usually a slice of a longer file.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    if (i + need >= n) {
      // Truncated at the end of the head: check what is there.
      for (let k = i + 1; k < n; k++) if (((bytes[k] ?? 0) & 0xc0) !== 0x80) return false;
      return true;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * cp932 heuristic: the bytes decode as Shift_JIS without errors, and what comes out is mostly
 * kana/kanji. German windows-1252 text often decodes too (`ä` + `r` is a kanji pair) but yields
 * private-use or half-width-katakana noise, or fails outright on `–` followed by a space. Returns
 * null when the bytes are not plausibly Japanese, else how many kana they hold.
 */
function shiftJisEvidence(head: Uint8Array): { kana: number } | null {
  // Cut at the last ASCII byte so a double-byte character split by the head's end is not an error.
  let end = head.length;
  while (end > 0 && (head[end - 1] ?? 0) >= 0x80) end--;
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return null;
  }
  let japanese = 0;
  let kana = 0;
  let noise = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x3040 && c <= 0x30ff) {
      kana++;
      japanese++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) japanese++;
    else noise++;
  }
  return japanese > 0 && japanese >= noise * 4 ? { kana } : null;
}

/**
 * GBK heuristic, read from the bytes (no decoding). Chinese text is dominated by the 3,755 common
 * hanzi of GB2312 level 1 (lead 0xB0–0xD7) and its punctuation (lead 0xA1–0xA3), both bytes ≥ 0xA1.
 * windows-1252 text fails it: an accented letter before a space, digit or line end is no valid GBK
 * sequence, one before an ASCII letter is a rare GBK-extension character, and two lowercase accented
 * letters (`ção`, `éé`) land in level 2 (lead ≥ 0xD8). Shift_JIS kana and most kanji have lead
 * bytes 0x81–0x9F, rare extension characters in GBK.
 */
function looksLikeGbk(head: Uint8Array): boolean {
  const n = head.length;
  let common = 0;
  let other = 0;
  // Consecutive common characters: Chinese words are mostly two or more hanzi, while 1252 text
  // almost never has four high bytes in a row (`AÇÃO` has two).
  let run = 0;
  let word = false;
  let i = 0;
  while (i < n) {
    const lead = head[i] ?? 0;
    if (lead < 0x80) {
      run = 0;
      i++;
      continue;
    }
    if (lead === 0xff) return false;
    if (lead === 0x80) {
      // cp936 writes `€` as the single byte 0x80.
      other++;
      run = 0;
      i++;
      continue;
    }
    if (i + 1 >= n) break; // cut by the head's end
    const trail = head[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      // A GB18030 four-byte sequence: Excel's GBK never writes one, so it counts against.
      if (i + 3 >= n) break;
      const third = head[i + 2] ?? 0;
      const fourth = head[i + 3] ?? 0;
      if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return false;
      other++;
      run = 0;
      i += 4;
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) return false;
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xd7) || (lead >= 0xa1 && lead <= 0xa3))) {
      common++;
      if (++run >= 2) word = true;
    } else {
      other++;
      run = 0;
    }
    i += 2;
  }
  return word && common >= other;
}

/** Decodes a whole file (or a head) with the detected encoding; malformed bytes become U+FFFD and are counted later. */
export function decodeBytes(bytes: Uint8Array, detected: DetectedEncoding): string {
  return createChunkDecoder(detected.encoding).decode(bytes.subarray(detected.bomLength), false);
}

export interface ChunkDecoder {
  /** Text of `bytes`; with `stream` a character split across chunks waits for the next call. */
  decode(bytes: Uint8Array, stream: boolean): string;
}

/**
 * A decoder for chunks of a file (skip `bomLength` bytes of the first chunk yourself); with `stream`
 * a GBK or Shift_JIS pair split across chunks waits for the next one. windows-1252 is decoded here because Node 20's TextDecoder reads it as ISO-8859-1, turning `–` `€` `„` into C1
 * control characters — the very mistake REPORTS.md §0.2 warns about.
 */
export function createChunkDecoder(encoding: string): ChunkDecoder {
  if (encoding === 'windows-1252') return { decode: (bytes) => decodeWindows1252(bytes) };
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return { decode: (bytes, stream) => decoder.decode(bytes, { stream }) };
}

// Code points of bytes 0x80–0x9F in windows-1252 (the five undefined bytes map to themselves, as WHATWG does).
const CP1252_80_9F = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_80_9F.charCodeAt(b - 0x80) : b;
  }
  const parts: string[] = [];
  // fromCharCode takes arguments: stay well under the engine's argument limit.
  for (let at = 0; at < codes.length; at += 8192) parts.push(String.fromCharCode(...codes.subarray(at, at + 8192)));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Binary files

const MAGIC: readonly (readonly [readonly number[], string])[] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive or an Excel workbook (.xlsx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls)'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
];

/**
 * Why `head` is not a text report, or null when it looks like text. UTF-16 files (which contain
 * zero bytes by design) must be recognised by `detectEncoding` first.
 */
export function describeBinary(head: Uint8Array, encoding: string): string | null {
  for (const [magic, what] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) return what;
  }
  if (encoding.startsWith('utf-16')) return null;
  const n = Math.min(head.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return 'a binary file';
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) control++;
  }
  return control > n * 0.01 ? 'a binary file' : null;
}

// ---------------------------------------------------------------------------------------------
// Characters lost before the file reached us

/**
 * Counts characters that were replaced before StockPilot read them: U+FFFD (bytes that were not
 * valid in the encoding) and `?` standing inside a word (`Gr??e`, `Pi?ka`) or in a run of three or
 * more — how Amazon's windows-1252 listing reports write Polish or Chinese letters.
 */
export function countEncodingLoss(text: string): number {
  let count = 0;
  let at = text.indexOf('\uFFFD');
  while (at >= 0) {
    count++;
    at = text.indexOf('\uFFFD', at + 1);
  }
  at = text.indexOf('?');
  while (at >= 0) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) === 63) end++;
    const run = end - at;
    if (run >= 3 || (isLetter(text.charCodeAt(at - 1)) && isLetter(text.charCodeAt(end)))) count += run;
    at = text.indexOf('?', end);
  }
  return count;
}

function isLetter(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f);
}
