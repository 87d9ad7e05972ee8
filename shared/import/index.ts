// Amazon report import: sniff → split → identify → map (PRODUCT §2). `parseReport` is the
// whole-file convenience for previews and tests; the import worker streams the same pieces
// (detectEncoding, detectDelimiter, createRowSplitter, identifyReport, mapRow) over large files.
import { countEncodingLoss, decodeBytes, describeBinary, detectEncoding, SNIFF_BYTES } from './encoding';
import { identifyReport } from './headers';
import { mapRow, refineKind, rowWidthProblem } from './mapRow';
import type { ImportProblem, ImportRecord, ReportKind } from './records';
import type { Delimiter } from './splitter';
import { createRowSplitter, detectDelimiter, detectQuoting } from './splitter';

export * from './records';
export { countEncodingLoss, createChunkDecoder, decodeBytes, describeBinary, detectEncoding, isValidUtf8, SNIFF_BYTES } from './encoding';
export type { ChunkDecoder, DetectedEncoding } from './encoding';
export { fieldLabel, identifyReport, normaliseHeader, REPORT_SPECS, reportLabel } from './headers';
export type { ColumnMap, FieldName, Identification, IdentifiedReport } from './headers';
export { mapRow, refineKind, rowWidthProblem } from './mapRow';
export type { MapResult } from './mapRow';
export { createRowSplitter, detectDelimiter, detectQuoting } from './splitter';
export type { Delimiter, Quoting, RowSplitter, TextEnding } from './splitter';
export * from './values';

export interface SniffResult {
  kind: ReportKind | null;
  encoding: string;
  delimiter: string;
  headers: string[];
}

export interface ParseResult {
  kind: ReportKind | null;
  encoding: string;
  /** Data rows read (blank lines and the header not counted), including rows rejected with an error. */
  rowCount: number;
  records: ImportRecord[];
  problems: ImportProblem[];
}

function fileProblem(code: ImportProblem['code'], message: string): ImportProblem {
  return { severity: 'error', code, message };
}

/** A problem that stops the whole file before any row is read, or null when the bytes look like text. */
function unreadable(bytes: Uint8Array, encoding: string): ImportProblem | null {
  if (bytes.length === 0) return fileProblem('empty-file', 'The file is empty (0 bytes). Download the report again from Seller Central.');
  const binary = describeBinary(bytes.subarray(0, SNIFF_BYTES), encoding);
  if (binary !== null) {
    return fileProblem(
      'binary-file',
      `This file is ${binary}, not a report. In Seller Central, download the report as a tab-delimited .txt or a .csv file and import that file.`,
    );
  }
  return null;
}

const EMPTY_TEXT = fileProblem('empty-file', 'The file has no text in it (only blank lines). Download the report again from Seller Central.');

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

/** Report kind, encoding, delimiter and header names, from the head of the file only. */
export function sniffReport(bytes: Uint8Array): SniffResult {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const detected = detectEncoding(head);
  if (unreadable(bytes, detected.encoding) !== null) return { kind: null, encoding: detected.encoding, delimiter: '\t', headers: [] };
  let text = decodeBytes(head, detected);
  // Only whole lines of the head: the last one may be cut mid-character or mid-row.
  if (bytes.length > head.length) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const trimmed = text.replace(/^(?:[ \t]*\r?\n)+/, '');
  const delimiter = detectDelimiter(firstLine(trimmed));
  const splitter = createRowSplitter(delimiter, detectQuoting(delimiter, firstLine(trimmed)));
  const rows = [...splitter.push(trimmed), ...splitter.end()];
  const headers = rows[0] ?? [];
  const identified = identifyReport(headers);
  let kind = identified.kind;
  if (identified.kind !== null) {
    for (let i = 1; i < rows.length && kind === identified.kind; i++) {
      const { record } = mapRow(identified.kind, identified.columns, rows[i] ?? [], i);
      if (record !== undefined) kind = refineKind(identified.kind, record);
    }
  }
  return { kind, encoding: detected.encoding, delimiter, headers };
}

/** Reads a whole report into typed records, with every problem found (nothing is thrown). */
export function parseReport(bytes: Uint8Array): ParseResult {
  const detected = detectEncoding(bytes.subarray(0, SNIFF_BYTES));
  const encoding = detected.encoding;
  const stop = unreadable(bytes, encoding);
  if (stop !== null) return { kind: null, encoding, rowCount: 0, records: [], problems: [stop] };

  // Leading blank lines carry nothing; the header is the first line with text.
  const text = decodeBytes(bytes, detected).replace(/^(?:[ \t]*\r?\n)+/, '');
  if (text.trim() === '') return { kind: null, encoding, rowCount: 0, records: [], problems: [EMPTY_TEXT] };

  const header = firstLine(text);
  const delimiter: Delimiter = detectDelimiter(header);
  const splitter = createRowSplitter(delimiter, detectQuoting(delimiter, header));
  const rows = splitter.push(text);
  for (const row of splitter.end()) rows.push(row);
  const headers = rows[0] ?? [];
  const identified = identifyReport(headers);
  if (identified.kind === null) return { kind: null, encoding, rowCount: 0, records: [], problems: [identified.problem] };

  let kind: ReportKind = identified.kind;
  const problems: ImportProblem[] = [];
  const records: ImportRecord[] = [];
  let rowCount = 0;
  let lostCharacters = 0;
  let firstLossRow = 0;
  const lastIndex = rows.length - 1;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    // A line of empty cells (`,,,,` from a spreadsheet) is not a row.
    if (cells.every((c) => c.trim() === '')) continue;
    rowCount++;
    const widthProblem = rowWidthProblem(cells.length, headers.length, rowCount, i === lastIndex && splitter.ending === 'no-final-newline');
    if (widthProblem !== null) {
      problems.push(widthProblem);
      if (widthProblem.severity === 'error') continue;
    }
    const lost = countLoss(cells);
    if (lost > 0) {
      lostCharacters += lost;
      if (firstLossRow === 0) firstLossRow = rowCount;
    }
    const result = mapRow(identified.kind, identified.columns, cells, rowCount);
    for (const p of result.problems) problems.push(p);
    if (result.record !== undefined) {
      records.push(result.record);
      kind = refineKind(kind, result.record);
    }
  }
  if (splitter.ending === 'unterminated-quote') {
    problems.push({
      row: rowCount + 1,
      severity: 'error',
      code: 'truncated-quote',
      message: `The file ends inside a quoted value that starts on data row ${rowCount + 1}: it looks cut off (an interrupted download?). Download the report again.`,
    });
  }
  if (lostCharacters > 0) {
    problems.push({
      row: firstLossRow,
      severity: 'warning',
      code: 'encoding-loss',
      message: `${lostCharacters} character${lostCharacters === 1 ? ' was' : 's were'} already replaced by "?" or "\uFFFD" in this file (first on data row ${firstLossRow}), so some names may read wrongly. Amazon sends some reports in a Western encoding that cannot hold Polish, Chinese or Japanese letters; download the report from Seller Central as a UTF-8 .txt to keep them.`,
    });
  }
  return { kind, encoding, rowCount, records, problems };
}

function countLoss(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.includes('?') || cell.includes('\uFFFD')) count += countEncodingLoss(cell);
  }
  return count;
}
