// Streaming read of a report: decode a few MB at a time, split rows, map each row and hand the
// record on. A 110 MB ledger never becomes one string or a million retained records, and the caller
// can report progress and stop between chunks.
import { createChunkDecoder, describeBinary, detectEncoding, SNIFF_BYTES } from './encoding';
import { RowConsumer } from './rows';
import type { FastRows } from './rows';
import type { ImportProblem, ImportRecord, ReportKind } from './records';
import { createRowSplitter, detectDelimiter, detectQuoting } from './splitter';
import type { RawRow, RowSplitter } from './splitter';

/** Bytes decoded into one string at a time (see readReportStream). */
const PIECE_BYTES = 64 * 1024;

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
  /** A fast path for rows, taken instead of `onRecord` where it can (see FastRows). */
  fastRows?: FastRows;
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

/**
 * Where a streamed read takes its bytes from: the whole file in memory, or a file read a slice at a
 * time (a dropped File in the worker), so a 110 MB report is never in memory whole. Slices are read
 * in order, each once, and never kept after they are decoded.
 */
export interface ByteSource {
  readonly size: number;
  /** The bytes [start, end); a slice may be a view of a buffer the source owns. */
  read(start: number, end: number): Uint8Array | Promise<Uint8Array>;
}

/** A source over bytes already in memory (views, no copies). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

export interface SourceStreamOptions extends StreamOptions {
  /** Told every slice read, in file order, covering the file from its first byte (a hash of the file is made from them as they pass). */
  onBytes?: (bytes: Uint8Array) => void;
}

export async function readReportStream(input: Uint8Array | ByteSource, options: SourceStreamOptions): Promise<StreamResult> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const size = source.size;
  const chunkBytes = Math.max(1, options.chunkBytes ?? 4 * 1024 * 1024);
  // The file is read in slices of at least the sniffed head (the encoding is told from the first
  // one) and each slice is decoded a chunk at a time; the next slice is on its way meanwhile.
  const sliceBytes = Math.max(chunkBytes, SNIFF_BYTES);
  let nextStart = 0;
  let nextEnd = Math.min(size, sliceBytes);
  let nextRead: Promise<Uint8Array> | null = size === 0 ? null : Promise.resolve(source.read(0, nextEnd));
  const readNext = async (): Promise<{ bytes: Uint8Array; start: number }> => {
    const bytes = await nextRead!;
    const start = nextStart;
    if (bytes.length !== nextEnd - start) throw new RangeError(`The file could not be read from byte ${start} (${bytes.length} of ${nextEnd - start} bytes came).`);
    nextStart = nextEnd;
    nextEnd = Math.min(size, nextStart + sliceBytes);
    nextRead = nextStart < size ? Promise.resolve(source.read(nextStart, nextEnd)) : null;
    // A read stopped early (cancelled, refused) leaves this one unawaited: its failure is not news.
    nextRead?.catch(() => {});
    options.onBytes?.(bytes);
    return { bytes, start };
  };
  let first: { bytes: Uint8Array; start: number } | null = size === 0 ? null : await readNext();
  const head = first?.bytes.subarray(0, SNIFF_BYTES) ?? new Uint8Array(0);
  const detected = detectEncoding(head);
  const result: StreamResult = { kind: null, encoding: detected.encoding, rowCount: 0, problems: [], moreProblems: 0, rejectedRows: 0, cancelled: false };
  const maxProblems = options.maxProblems ?? 1000;
  const addProblem = (problem: ImportProblem) => {
    if (result.problems.length < maxProblems) result.problems.push(problem);
    else result.moreProblems++;
  };
  if (size === 0) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file is empty (0 bytes). Download the report again from Seller Central.' });
    return result;
  }
  const binary = describeBinary(head, detected.encoding);
  if (binary !== null) {
    addProblem({ severity: 'error', code: 'binary-file', message: `This file is ${binary}, not a report. In Seller Central, download the report as a tab-delimited .txt or a .csv file and import that file.` });
    return result;
  }

  // Not TextDecoder directly: Node 20 reads windows-1252 as ISO-8859-1 (see createChunkDecoder).
  const decoder = createChunkDecoder(detected.encoding);
  // Each chunk is decoded in pieces of at most this size: short strings live and die in V8's young
  // generation, where a few MB of text would each be a large object that only a full collection
  // frees (a million-row file then piles up its whole text as garbage before one runs).
  const pieceBytes = Math.min(chunkBytes, PIECE_BYTES);
  let splitter = null as RowSplitter | null;
  let pending = '';
  const rows = new RowConsumer(options.onRecord, addProblem, options.fastRows ?? null);
  const settle = () => {
    result.kind = rows.kind;
    result.rowCount = rows.rowCount;
    result.rejectedRows = rows.rejectedRows;
  };
  // Rows go from the splitter to the consumer one at a time, so a chunk's rows are never all alive
  // at once (at a million rows that is most of the garbage a read makes).
  let ok = true;
  const onRow = (raw: RawRow) => {
    if (ok) ok = rows.consumeRaw(raw);
  };
  // Lost characters (`?`, U+FFFD) are looked for cell by cell only in rows that can hold one: rows
  // made of text from the last one found on. `fed` counts the characters pushed to the splitter.
  let fed = 0;
  let lastMark = -1;
  const noteMarks = (text: string, heldBack: number) => {
    // indexOf first: a forward search is the fast one, and most text has no mark at all.
    if (text.indexOf('?') >= 0 || text.indexOf('\uFFFD') >= 0) lastMark = fed + Math.max(text.lastIndexOf('?'), text.lastIndexOf('\uFFFD'));
    rows.lossPossible = lastMark >= fed - heldBack;
    fed += text.length;
  };
  // Pieces end just after a line feed where the encoding allows (in every one but UTF-16 a 0x0A
  // byte is a line feed and nothing else), so a row is rarely cut in two: the splitter then scans
  // each piece's own text rather than a leftover joined to it, which V8 would first copy flat.
  const cutAtLineFeed = !detected.encoding.startsWith('utf-16');
  const pieceEnd = (bytes: Uint8Array, from: number, size: number) => {
    const end = Math.min(bytes.length, from + size);
    if (!cutAtLineFeed || end >= bytes.length) return end;
    const lineFeed = bytes.lastIndexOf(10, end - 1);
    return lineFeed >= from ? lineFeed + 1 : end;
  };
  const feed = (bytes: Uint8Array, last: boolean) => {
    let text = decoder.decode(bytes, !last);
    if (splitter === null) {
      // Leading blank lines carry nothing; the first line with text is the header.
      pending += text;
      const trimmed = pending.replace(/^(?:[ \t]*\r?\n)+/, '');
      const nl = trimmed.indexOf('\n');
      if (nl < 0 && !last) return;
      const header = nl < 0 ? trimmed : trimmed.slice(0, nl);
      const delimiter = detectDelimiter(header);
      splitter = createRowSplitter(delimiter, detectQuoting(delimiter, header));
      text = trimmed;
      pending = '';
    }
    noteMarks(text, splitter.carried);
    splitter.pushEachRaw(text, onRow);
  };

  for (let slice = first; slice !== null; slice = nextRead === null ? null : await readNext()) {
    first = null;
    const { bytes, start } = slice;
    const sliceEnd = start + bytes.length;
    // The first slice starts with the byte-order mark, which is not text.
    for (let offset = start === 0 ? detected.bomLength : 0, end = offset; offset < bytes.length; offset = end) {
      if (options.shouldStop?.()) {
        result.cancelled = true;
        return result;
      }
      end = pieceEnd(bytes, offset, chunkBytes);
      const lastChunk = sliceEnd >= size && end >= bytes.length;
      for (let at = offset, stop = at; at < end && ok; at = stop) {
        stop = Math.min(end, pieceEnd(bytes, at, pieceBytes));
        feed(bytes.subarray(at, stop), lastChunk && stop >= end);
      }
      if (splitter === null) continue;
      settle();
      if (!ok) return result;
      options.onProgress?.({ bytesRead: start + end, totalBytes: size, rows: rows.rowCount });
      await options.betweenChunks?.();
    }
  }
  if (splitter === null) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file has no text in it (only blank lines). Download the report again from Seller Central.' });
    return result;
  }
  noteMarks('', splitter.carried);
  const last = splitter.end();
  ok = rows.consume(last, true, splitter.ending);
  settle();
  if (!ok) return result;
  if (!rows.hasHeader) {
    addProblem({ severity: 'error', code: 'empty-file', message: 'The file has no text in it (only blank lines). Download the report again from Seller Central.' });
    return result;
  }
  rows.finish(splitter.ending);
  return result;
}

/**
 * About how many rows a file holds, from the line feeds in its first MB scaled to its size: enough
 * to size a million-row import's columns once. An estimate only (rows may vary in length; quoted
 * values may hold line feeds); never below 0. `bytes` may be just the file's head when
 * `totalBytes` gives the whole file's size.
 */
export function estimateRowCount(bytes: Uint8Array, sampleBytes = 1024 * 1024, totalBytes = bytes.length): number {
  const sample = Math.min(bytes.length, sampleBytes);
  if (sample === 0) return 0;
  let lineFeeds = 0;
  for (let i = 0; i < sample; i++) if (bytes[i] === 10) lineFeeds++;
  return Math.round((lineFeeds * totalBytes) / sample);
}
