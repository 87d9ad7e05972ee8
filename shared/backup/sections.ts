// Typed-array sections of a backup file, always little-endian. On a little-endian host (every
// platform StockPilot ships on) a section is one memcpy; elsewhere it goes element by element through
// a DataView. Both paths are exported so tests can check they write and read identical bytes.

export type SectionType = 'i32' | 'f64' | 'u8';

export const ELEMENT_SIZE: Readonly<Record<SectionType, number>> = { i32: 4, f64: 8, u8: 1 };

export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export type SectionArray = Int32Array | Float64Array | Uint8Array;

/** Writes `array` (of section type `type`) into `out` at byte `offset`. */
export function writeSection(out: Uint8Array, view: DataView, offset: number, array: SectionArray, type: SectionType, littleEndianHost = HOST_LITTLE_ENDIAN): void {
  if (littleEndianHost || type === 'u8') {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    return;
  }
  const n = array.length;
  if (type === 'i32') for (let i = 0; i < n; i++) view.setInt32(offset + 4 * i, array[i]!, true);
  else for (let i = 0; i < n; i++) view.setFloat64(offset + 8 * i, array[i]!, true);
}

// Readers copy: the result owns a fresh buffer and never aliases the file's bytes.

export function readInt32Section(bytes: Uint8Array, view: DataView, offset: number, count: number, littleEndianHost = HOST_LITTLE_ENDIAN): Int32Array {
  if (littleEndianHost) return new Int32Array(bytes.slice(offset, offset + 4 * count).buffer, 0, count);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, true);
  return out;
}

export function readFloat64Section(bytes: Uint8Array, view: DataView, offset: number, count: number, littleEndianHost = HOST_LITTLE_ENDIAN): Float64Array {
  if (littleEndianHost) return new Float64Array(bytes.slice(offset, offset + 8 * count).buffer, 0, count);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, true);
  return out;
}

export function readUint8Section(bytes: Uint8Array, offset: number, count: number): Uint8Array {
  return bytes.slice(offset, offset + count);
}
