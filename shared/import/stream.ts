// Streaming read of a report: decode a few MB at a time, split rows, map each row and hand the
// record on. A 110 MB ledger never becomes one string or a million retained records, and the caller
// can report progress and stop between chunks.
import { createChunkDecoder, describeBinary, detectEncoding, SNIFF_BYTES } from './encoding';
import { RowConsumer } from './rows';
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
  let pending = '';
  const rows = new RowConsumer(options.onRecord, addProblem);
  const settle = () => {
    result.kind = rows.kind;
    result.rowCount = rows.rowCount;
    result.rejectedRows = rows.rejectedRows;
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
    const ok = rows.consume(splitter.push(text), false, null);
    settle();
    if (!ok) return result;
    options.onProgress?.({ bytesRead: end, totalBytes: bytes.length, rows: rows.rowCount });
    await options.betweenChunks?.();
  }
  if (splitter === null) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file has no text in it (only blank lines). Download the report again from Seller Central.' });
    return result;
  }
  const last = splitter.end();
  const ok = rows.consume(last, true, splitter.ending);
  settle();
  if (!ok) return result;
  if (!rows.hasHeader) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file has no text in it (only blank lines). Download the report again from Seller Central.' });
    return result;
  }
  rows.finish(splitter.ending);
  return result;
}
