// Amazon report import: sniff → split → identify → map (PRODUCT §2). `parseReport` is the
// whole-file convenience for previews and tests; the import worker streams the same pieces
// (stream.ts: the splitter and the RowConsumer every row goes through) over large files.
import { decodeBytes, describeBinary, detectEncoding, SNIFF_BYTES } from './encoding';
import { identifyReport } from './headers';
import { mapRow, refineKind } from './mapRow';
import type { ImportProblem, ImportRecord, ReportKind } from './records';
import type { Delimiter } from './splitter';
import { RowConsumer } from './rows';
import { createRowSplitter, detectDelimiter, detectQuoting } from './splitter';

export * from './records';
export { countEncodingLoss, createChunkDecoder, decodeBytes, describeBinary, detectEncoding, isValidUtf8, SNIFF_BYTES } from './encoding';
export type { ChunkDecoder, DetectedEncoding } from './encoding';
export { fieldLabel, identifyReport, normaliseHeader, REPORT_SPECS, reportLabel } from './headers';
export type { ColumnMap, FieldName, Identification, IdentifiedReport } from './headers';
export { mapRow, refineKind, rowWidthProblem } from './mapRow';
export type { MapResult } from './mapRow';
export { createRowSplitter, detectDelimiter, detectQuoting } from './splitter';
export { RowConsumer } from './rows';
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
  return sniffReportHead(bytes, bytes.length);
}

/**
 * sniffReport from the first bytes of a file of `totalBytes` (a file read in slices): only its first
 * SNIFF_BYTES are looked at, so a head of that many bytes gives what the whole file would.
 */
export function sniffReportHead(bytes: Uint8Array, totalBytes: number): SniffResult {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const detected = detectEncoding(head);
  if (totalBytes === 0 || unreadable(head, detected.encoding) !== null) return { kind: null, encoding: detected.encoding, delimiter: '\t', headers: [] };
  let text = decodeBytes(head, detected);
  // Only whole lines of the head: the last one may be cut mid-character or mid-row.
  if (totalBytes > head.length) text = text.slice(0, text.lastIndexOf('\n') + 1);
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
  const problems: ImportProblem[] = [];
  const records: ImportRecord[] = [];
  const consumer = new RowConsumer(
    (record) => records.push(record),
    (problem) => problems.push(problem),
  );
  if (!consumer.consume(rows, true, splitter.ending)) return { kind: null, encoding, rowCount: 0, records: [], problems };
  consumer.finish(splitter.ending);
  return { kind: consumer.kind, encoding, rowCount: consumer.rowCount, records, problems };
}
