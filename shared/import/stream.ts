// Streaming read of a report: decode a few MB at a time, split rows, map each row and hand the
// record on. A 110 MB ledger never becomes one string or a million retained records, and the caller
// can report progress and stop between chunks.
import { createChunkDecoder, describeBinary, detectEncoding, SNIFF_BYTES } from './encoding';
import { identifyReport } from './headers';
import type { IdentifiedReport } from './headers';
import { mapRow, rowWidthProblem } from './mapRow';
import type { ImportProblem, ImportRecord, ReportKind } from './records';
import { createRowSplitter, detectDelimiter, detectQuoting } from './splitter';
import type { RowSplitter } from './splitter';

export interface StreamProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface StreamOptions {
  onRecord: (record: ImportRecord) => void;
  onProgress?: (progress: StreamProgress) => void;
  /** Checked between chunks; true stops the read (the result then has `cancelled: true`). */
  shouldStop?: () => boolean;
  /** Lets the caller yield between chunks (a worker answers a cancel request meanwhile). */
  betweenChunks?: () => Promise<void>;
  chunkBytes?: number;
  /** Problems kept in the result; more are counted, not kept. */
  maxProblems?: number;
}

export interface StreamResult {
  kind: ReportKind | null;
  encoding: string;
  rowCount: number;
  problems: ImportProblem[];
  /** Problems beyond `maxProblems`. */
  moreProblems: number;
  /** Data rows refused with an error. */
  rejectedRows: number;
  cancelled: boolean;
}

export async function readReportStream(bytes: Uint8Array, options: StreamOptions): Promise<StreamResult> {
  const detected = detectEncoding(bytes.subarray(0, SNIFF_BYTES));
  const result: StreamResult = { kind: null, encoding: detected.encoding, rowCount: 0, problems: [], moreProblems: 0, rejectedRows: 0, cancelled: false };
  const maxProblems = options.maxProblems ?? 1000;
  const addProblem = (problem: ImportProblem) => {
    if (result.problems.length < maxProblems) result.problems.push(problem);
    else result.moreProblems++;
  };
  if (bytes.length === 0) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file is empty (0 bytes). Download the report again from Seller Central.' });
    return result;
  }
  const binary = describeBinary(bytes.subarray(0, SNIFF_BYTES), detected.encoding);
  if (binary !== null) {
    addProblem({ severity: 'error', code: 'binary-file', message: `This file is ${binary}, not a report. In Seller Central, download the report as a tab-delimited .txt or a .csv file and import that file.` });
    return result;
  }

  // Not TextDecoder directly: Node 20 reads windows-1252 as ISO-8859-1 (see createChunkDecoder).
  const decoder = createChunkDecoder(detected.encoding);
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  let splitter: RowSplitter | null = null;
  let identified: IdentifiedReport | null = null;
  let headerCount = 0;
  let pending = '';
  let dataRow = 0;

  const handleRows = (rows: string[][], lastOfFile: boolean) => {
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!;
      if (identified === null) {
        const found = identifyReport(cells);
        if (found.kind === null) {
          addProblem(found.problem);
          return false;
        }
        identified = found;
        headerCount = cells.length;
        result.kind = found.kind;
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      dataRow++;
      const width = rowWidthProblem(cells.length, headerCount, dataRow, lastOfFile && i === rows.length - 1 && splitter?.ending === 'no-final-newline');
      if (width !== null) {
        addProblem(width);
        if (width.severity === 'error') {
          result.rejectedRows++;
          continue;
        }
      }
      const report: IdentifiedReport = identified;
      const mapped = mapRow(report.kind, report.columns, cells, dataRow);
      let rejected = false;
      for (const p of mapped.problems) {
        addProblem(p);
        if (p.severity === 'error') rejected = true;
      }
      if (rejected) result.rejectedRows++;
      if (mapped.record !== undefined) options.onRecord(mapped.record);
    }
    return true;
  };

  for (let offset = detected.bomLength; offset < bytes.length; offset += chunkBytes) {
    if (options.shouldStop?.()) {
      result.cancelled = true;
      return result;
    }
    const end = Math.min(bytes.length, offset + chunkBytes);
    let text = decoder.decode(bytes.subarray(offset, end), end < bytes.length);
    if (splitter === null) {
      // Leading blank lines carry nothing; the first line with text is the header.
      pending += text;
      const trimmed = pending.replace(/^(?:[ \t]*\r?\n)+/, '');
      const nl = trimmed.indexOf('\n');
      if (nl < 0 && end < bytes.length) continue;
      const header = nl < 0 ? trimmed : trimmed.slice(0, nl);
      const delimiter = detectDelimiter(header);
      splitter = createRowSplitter(delimiter, detectQuoting(delimiter, header));
      text = trimmed;
      pending = '';
    }
    if (!handleRows(splitter.push(text), false)) return result;
    result.rowCount = dataRow;
    options.onProgress?.({ bytesRead: end, totalBytes: bytes.length, rows: dataRow });
    await options.betweenChunks?.();
  }
  if (splitter === null) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file has no text in it (only blank lines). Download the report again from Seller Central.' });
    return result;
  }
  const last = splitter.end();
  if (!handleRows(last, true)) return result;
  if (identified === null) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file has no text in it (only blank lines). Download the report again from Seller Central.' });
    return result;
  }
  if (splitter.ending === 'unterminated-quote') {
    addProblem({
      row: dataRow + 1,
      severity: 'error',
      code: 'truncated-quote',
      message: `The file ends inside a quoted value that starts on data row ${dataRow + 1}: it looks cut off (an interrupted download?). Download the report again.`,
    });
  }
  result.rowCount = dataRow;
  return result;
}
