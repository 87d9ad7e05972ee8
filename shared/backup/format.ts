// The backup file: one binary file holding every table and every packed movement block.
//
// Layout (all integers little-endian, offsets in bytes from the start of the file):
//
//   0   18  magic: ASCII "STOCKPILOT-BACKUP" then 0x00
//   18   2  u16 format version (BACKUP_FORMAT_VERSION)
//   20   4  u32 header length H (bytes of UTF-8 JSON)
//   24   8  u64 total file length T (u32 low word, then u32 high word)
//   32   H  header: UTF-8 JSON (FileHeader below): versions, createdAt, appVersion, the per-row
//           tables, and for each block its scalar fields plus { offset, byteLength, type } of each
//           typed-array section; section offsets count from the data area start D
//   ..      zero padding up to D = 32 + H rounded up to a multiple of 8
//   D       data area: the sections, each starting on a multiple of 8 (zero padding between)
//   T-16 4  u32 total length T, low word   ┐ trailer
//   T-12 4  u32 total length T, high word  │
//   T-8  4  u32 CRC-32 of bytes [0, T-8)   │
//   T-4  4  ASCII "SPBE"                   ┘
//
// The frame (magic, version at 18, length at 24, trailer) is fixed for every format version, so a
// reader can always tell "not a backup", "newer format", "cut short" and "damaged" apart.
// Decoding checks, in order: magic → format version → length → trailer and CRC → JSON → schema
// version → structure; it throws a DomainError at the first failure and returns nothing partial.
import { DomainError } from '../errors';
import type { PackedBlock } from '../ledger/blocks';
import { crc32 } from './crc32';
import { ELEMENT_SIZE, readFloat64Section, readInt32Section, readUint8Section, writeSection } from './sections';
import type { SectionArray, SectionType } from './sections';

export const BACKUP_FORMAT_VERSION = 1;

export interface BackupSnapshot {
  /** The Dexie schema version the data was written with. */
  schemaVersion: number;
  /** ISO timestamp. */
  createdAt: string;
  appVersion: string;
  /** Plain JSON-able rows of the per-row tables (no typed arrays, no NaN/Infinity). */
  tables: Record<string, Record<string, unknown>[]>;
  /** Packed movement blocks, stored as binary sections. */
  blocks: PackedBlock[];
}

const MAGIC_TEXT = 'STOCKPILOT-BACKUP';
const MAGIC = Uint8Array.from([...MAGIC_TEXT].map((c) => c.charCodeAt(0)).concat(0));
const VERSION_OFFSET = 18;
const HEADER_LENGTH_OFFSET = 20;
const TOTAL_LENGTH_OFFSET = 24;
const PREFIX_SIZE = 32;
const TRAILER_SIZE = 16;
const END_MARK = Uint8Array.from([...'SPBE'].map((c) => c.charCodeAt(0)));
const ALIGN = 8;
const TWO_POW_32 = 2 ** 32;

/** The typed-array columns of a block, in file order, with their section type. */
const BLOCK_COLUMNS = [
  ['day', 'i32'],
  ['skuId', 'i32'],
  ['locationId', 'i32'],
  ['qty', 'f64'],
  ['unitCostMinor', 'f64'],
  ['ref', 'i32'],
  ['type', 'u8'],
] as const satisfies readonly (readonly [keyof PackedBlock, SectionType])[];

type BlockColumn = (typeof BLOCK_COLUMNS)[number][0];

interface SectionHeader {
  /** From the start of the data area. */
  offset: number;
  byteLength: number;
  type: SectionType;
}

/** firstDay/lastDay of an empty block are ±Infinity, which JSON cannot hold: written as strings. */
type DayValue = number | 'Infinity' | '-Infinity' | 'NaN';

interface BlockHeader {
  id?: number;
  batchId: string;
  count: number;
  firstDay: DayValue;
  lastDay: DayValue;
  seqStart: number;
  refs: string[];
  sections: Record<BlockColumn, SectionHeader>;
}

interface FileHeader {
  formatVersion: number;
  schemaVersion: number;
  createdAt: string;
  appVersion: string;
  tables: Record<string, Record<string, unknown>[]>;
  blocks: BlockHeader[];
}

const align = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

// ---------------------------------------------------------------------------------------------
// Encoding

/** Serialises a snapshot. Throws a plain Error for data that is not a valid snapshot (a bug). */
export function encodeBackup(snapshot: BackupSnapshot): Uint8Array {
  if (!Number.isFinite(snapshot.schemaVersion) || snapshot.schemaVersion < 0) throw new Error(`backup: schemaVersion ${snapshot.schemaVersion} is not a non-negative number`);
  if (typeof snapshot.createdAt !== 'string') throw new Error('backup: createdAt must be a string');
  if (typeof snapshot.appVersion !== 'string') throw new Error('backup: appVersion must be a string');
  checkTables(snapshot.tables);

  let dataLength = 0;
  const placed: { block: PackedBlock; header: BlockHeader }[] = [];
  for (let b = 0; b < snapshot.blocks.length; b++) {
    const block = snapshot.blocks[b]!;
    checkBlock(block, b);
    const sections: Partial<Record<BlockColumn, SectionHeader>> = {};
    for (const [column, type] of BLOCK_COLUMNS) {
      const byteLength = block.count * ELEMENT_SIZE[type];
      sections[column] = { offset: dataLength, byteLength, type };
      dataLength = align(dataLength + byteLength);
    }
    const header: BlockHeader = {
      batchId: block.batchId,
      count: block.count,
      firstDay: dayToJson(block.firstDay),
      lastDay: dayToJson(block.lastDay),
      seqStart: block.seqStart,
      refs: block.refs,
      sections: completeSections(sections),
    };
    if (block.id !== undefined) header.id = block.id;
    placed.push({ block, header });
  }

  const fileHeader: FileHeader = {
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: snapshot.schemaVersion,
    createdAt: snapshot.createdAt,
    appVersion: snapshot.appVersion,
    tables: snapshot.tables,
    blocks: placed.map((p) => p.header),
  };
  const json = new TextEncoder().encode(JSON.stringify(fileHeader));
  const dataStart = align(PREFIX_SIZE + json.length);
  const total = dataStart + dataLength + TRAILER_SIZE;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out.set(MAGIC, 0);
  view.setUint16(VERSION_OFFSET, BACKUP_FORMAT_VERSION, true);
  view.setUint32(HEADER_LENGTH_OFFSET, json.length, true);
  writeLength(view, TOTAL_LENGTH_OFFSET, total);
  out.set(json, PREFIX_SIZE);
  for (const { block, header } of placed) {
    for (const [column, type] of BLOCK_COLUMNS) {
      const array: SectionArray = block[column];
      writeSection(out, view, dataStart + header.sections[column].offset, array, type);
    }
  }
  writeLength(view, total - TRAILER_SIZE, total);
  view.setUint32(total - 8, crc32(out, 0, total - 8), true);
  out.set(END_MARK, total - 4);
  return out;
}

function writeLength(view: DataView, offset: number, length: number): void {
  view.setUint32(offset, length % TWO_POW_32, true);
  view.setUint32(offset + 4, Math.floor(length / TWO_POW_32), true);
}

function readLength(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * TWO_POW_32;
}

function completeSections(partial: Partial<Record<BlockColumn, SectionHeader>>): Record<BlockColumn, SectionHeader> {
  const { day, skuId, locationId, qty, unitCostMinor, ref, type } = partial;
  if (!day || !skuId || !locationId || !qty || !unitCostMinor || !ref || !type) throw new Error('backup: internal error, section missing');
  return { day, skuId, locationId, qty, unitCostMinor, ref, type };
}

function dayToJson(day: number): DayValue {
  if (Number.isFinite(day)) return day;
  if (Number.isNaN(day)) return 'NaN';
  return day > 0 ? 'Infinity' : '-Infinity';
}

const EXPECTED_ARRAY: Readonly<Record<SectionType, (value: unknown) => boolean>> = {
  i32: (value) => value instanceof Int32Array,
  f64: (value) => value instanceof Float64Array,
  u8: (value) => value instanceof Uint8Array,
};

function checkBlock(block: PackedBlock, index: number): void {
  const where = `backup: block ${index}`;
  if (!Number.isInteger(block.count) || block.count < 0) throw new Error(`${where}: count ${block.count} is not a non-negative integer`);
  if (typeof block.batchId !== 'string') throw new Error(`${where}: batchId must be a string`);
  if (!Number.isFinite(block.seqStart)) throw new Error(`${where}: seqStart must be a finite number`);
  if (block.id !== undefined && !Number.isFinite(block.id)) throw new Error(`${where}: id must be a finite number`);
  if (typeof block.firstDay !== 'number' || typeof block.lastDay !== 'number') throw new Error(`${where}: firstDay/lastDay must be numbers`);
  if (!Array.isArray(block.refs) || !block.refs.every((r) => typeof r === 'string')) throw new Error(`${where}: refs must be strings`);
  for (const [column, type] of BLOCK_COLUMNS) {
    const array: unknown = block[column];
    if (!EXPECTED_ARRAY[type](array)) throw new Error(`${where}: ${column} has the wrong array type`);
    if (block[column].length !== block.count) throw new Error(`${where}: ${column} has ${block[column].length} elements, count is ${block.count}`);
  }
}

function checkTables(tables: BackupSnapshot['tables']): void {
  if (!isRecord(tables)) throw new Error('backup: tables must be an object');
  for (const name of Object.keys(tables)) {
    const rows: unknown = tables[name];
    if (!Array.isArray(rows)) throw new Error(`backup: table ${JSON.stringify(name)} is not an array`);
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      const problem = isRecord(row) ? jsonProblem(row, 0) : ' is not an object';
      if (problem !== null) throw new Error(`backup: table ${JSON.stringify(name)} row ${i}${problem}`);
    }
  }
}

const MAX_DEPTH = 200;

/**
 * Why `value` would not survive JSON unchanged (a path and reason), or null when it would.
 * Undefined object properties are allowed: JSON drops them, which an optional field does not mind.
 */
function jsonProblem(value: unknown, depth: number): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : ` is ${value} (not a finite number)`;
    case 'object':
      break;
    default:
      return ` is ${typeof value}, which JSON cannot hold`;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) return ' is nested too deeply (or cyclic)';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return ' is binary data (a typed array or buffer)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) return `[${i}] is undefined`;
      const problem = jsonProblem(item, depth + 1);
      if (problem !== null) return `[${i}]${problem}`;
    }
    return null;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return ' is not a plain object';
  if (!isRecord(value)) return ' is not a plain object';
  if (typeof value.toJSON === 'function') return ' has a toJSON method';
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    const problem = jsonProblem(item, depth + 1);
    if (problem !== null) return `.${key}${problem}`;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * Reads a backup file. Throws DomainError 'backup.notBackup', 'backup.truncated', 'backup.corrupt'
 * or 'backup.newerSchema'; never returns a partial snapshot. The result shares no memory with `bytes`.
 */
export function decodeBackup(bytes: Uint8Array, options: { maxSchemaVersion: number }): BackupSnapshot {
  const length = bytes.length;
  if (length === 0) throw new DomainError('backup.notBackup');
  for (let i = 0; i < Math.min(length, MAGIC.length); i++) if (bytes[i] !== MAGIC[i]) throw new DomainError('backup.notBackup');
  if (length < VERSION_OFFSET + 2) throw new DomainError('backup.truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const formatVersion = view.getUint16(VERSION_OFFSET, true);
  if (formatVersion === 0) throw corrupt();
  if (formatVersion > BACKUP_FORMAT_VERSION) throw new DomainError('backup.newerSchema', { fileVersion: formatVersion, appVersion: BACKUP_FORMAT_VERSION, kind: 'format' });

  if (length < PREFIX_SIZE) throw new DomainError('backup.truncated');
  const total = readLength(view, TOTAL_LENGTH_OFFSET);
  if (total < PREFIX_SIZE + TRAILER_SIZE) throw corrupt();
  if (length < total) throw new DomainError('backup.truncated');
  if (length > total) throw corrupt();
  if (readLength(view, total - TRAILER_SIZE) !== total) throw corrupt();
  for (let i = 0; i < END_MARK.length; i++) if (bytes[total - 4 + i] !== END_MARK[i]) throw corrupt();
  if (view.getUint32(total - 8, true) !== crc32(bytes, 0, total - 8)) throw corrupt();

  const headerLength = view.getUint32(HEADER_LENGTH_OFFSET, true);
  const dataStart = align(PREFIX_SIZE + headerLength);
  const dataEnd = total - TRAILER_SIZE;
  if (dataStart > dataEnd) throw corrupt();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX_SIZE, PREFIX_SIZE + headerLength)));
  } catch {
    throw corrupt();
  }
  const header = readHeader(parsed);
  if (header.formatVersion !== formatVersion) throw corrupt();
  if (header.schemaVersion > options.maxSchemaVersion) {
    throw new DomainError('backup.newerSchema', { fileVersion: header.schemaVersion, appVersion: options.maxSchemaVersion, kind: 'schema' });
  }

  const blocks = header.blocks.map((blockHeader): PackedBlock => {
    const { count, sections } = blockHeader;
    for (const [column, type] of BLOCK_COLUMNS) {
      const section = sections[column];
      if (section.type !== type || section.byteLength !== count * ELEMENT_SIZE[type]) throw corrupt();
      if (dataStart + section.offset + section.byteLength > dataEnd) throw corrupt();
    }
    const at = (column: BlockColumn): number => dataStart + sections[column].offset;
    const block: PackedBlock = {
      batchId: blockHeader.batchId,
      count,
      firstDay: dayFromJson(blockHeader.firstDay),
      lastDay: dayFromJson(blockHeader.lastDay),
      seqStart: blockHeader.seqStart,
      day: readInt32Section(bytes, view, at('day'), count),
      skuId: readInt32Section(bytes, view, at('skuId'), count),
      locationId: readInt32Section(bytes, view, at('locationId'), count),
      qty: readFloat64Section(bytes, view, at('qty'), count),
      type: readUint8Section(bytes, at('type'), count),
      unitCostMinor: readFloat64Section(bytes, view, at('unitCostMinor'), count),
      ref: readInt32Section(bytes, view, at('ref'), count),
      refs: blockHeader.refs,
    };
    if (blockHeader.id !== undefined) block.id = blockHeader.id;
    return block;
  });

  return {
    schemaVersion: header.schemaVersion,
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    tables: header.tables,
    blocks,
  };
}

function corrupt(): DomainError {
  return new DomainError('backup.corrupt');
}

function dayFromJson(day: DayValue): number {
  return typeof day === 'number' ? day : Number(day);
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && typeof v === 'number' && v >= 0;

/** Checks the parsed JSON header's shape; anything off is 'backup.corrupt'. */
function readHeader(parsed: unknown): FileHeader {
  if (!isRecord(parsed)) throw corrupt();
  const { formatVersion, schemaVersion, createdAt, appVersion, tables, blocks } = parsed;
  if (!isCount(formatVersion) || !isFiniteNumber(schemaVersion) || typeof createdAt !== 'string' || typeof appVersion !== 'string') throw corrupt();
  return { formatVersion, schemaVersion, createdAt, appVersion, tables: readTables(tables), blocks: readBlockHeaders(blocks) };
}

function readTables(tables: unknown): FileHeader['tables'] {
  if (!isRecord(tables)) throw corrupt();
  const out: FileHeader['tables'] = {};
  for (const name of Object.keys(tables)) {
    const rows = tables[name];
    if (!Array.isArray(rows)) throw corrupt();
    const checked: Record<string, unknown>[] = [];
    for (const row of rows) {
      if (!isRecord(row)) throw corrupt();
      checked.push(row);
    }
    // defineProperty, not assignment: a table named "__proto__" stays an ordinary key.
    Object.defineProperty(out, name, { value: checked, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function readBlockHeaders(blocks: unknown): BlockHeader[] {
  if (!Array.isArray(blocks)) throw corrupt();
  return blocks.map((value: unknown): BlockHeader => {
    if (!isRecord(value)) throw corrupt();
    const { id, batchId, count, firstDay, lastDay, seqStart, refs, sections } = value;
    if (typeof batchId !== 'string' || !isCount(count) || !isFiniteNumber(seqStart)) throw corrupt();
    if (id !== undefined && !isFiniteNumber(id)) throw corrupt();
    if (!Array.isArray(refs) || !refs.every((r) => typeof r === 'string')) throw corrupt();
    const header: BlockHeader = {
      batchId,
      count,
      firstDay: readDay(firstDay),
      lastDay: readDay(lastDay),
      seqStart,
      refs,
      sections: readSections(sections),
    };
    if (id !== undefined) header.id = id;
    return header;
  });
}

function readDay(value: unknown): DayValue {
  if (isFiniteNumber(value)) return value;
  if (value === 'Infinity' || value === '-Infinity' || value === 'NaN') return value;
  throw corrupt();
}

function readSections(value: unknown): Record<BlockColumn, SectionHeader> {
  if (!isRecord(value)) throw corrupt();
  const out: Partial<Record<BlockColumn, SectionHeader>> = {};
  for (const [column] of BLOCK_COLUMNS) {
    const section = value[column];
    if (!isRecord(section)) throw corrupt();
    const { offset, byteLength, type } = section;
    if (!isCount(offset) || !isCount(byteLength) || (type !== 'i32' && type !== 'f64' && type !== 'u8')) throw corrupt();
    out[column] = { offset, byteLength, type };
  }
  return completeSections(out);
}

// ---------------------------------------------------------------------------------------------

/**
 * File name for a backup made at `createdAt` (an ISO timestamp), using the date and time exactly as
 * written in it: '2026-11-26T08:12:05.000Z' → 'stockpilot-backup-2026-11-26-0812.stockpilot'. Pass
 * a timestamp with the local offset (e.g. '…T16:12:05+08:00') to name the file in local time.
 */
export function backupFileName(createdAt: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(createdAt);
  if (!match) throw new Error(`backup: createdAt ${JSON.stringify(createdAt)} is not an ISO timestamp`);
  const [, year, month, day, hour, minute] = match;
  return `stockpilot-backup-${year}-${month}-${day}-${hour}${minute}.stockpilot`;
}
