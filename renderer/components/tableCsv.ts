// A table's rows as CSV (PRODUCT §7): each column names its header and a plain value per row, and
// every cell goes through shared/csv's toCsv, so text is neutralised and numbers stay numbers.
// Pure (no DOM, no React): the page hands in how to pause between chunks.
import { toCsv } from '../../shared/csv';
import { safeFileName } from '../../shared/bridge';

/** A cell as written: numbers as numbers (money as a decimal amount), dates as ISO text, blank as null. */
export type CsvCell = string | number | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

/** Rows per chunk: a few milliseconds of work, so a million rows never hold the page for long. */
export const CSV_CHUNK_ROWS = 5_000;

const COPY_BYTES_PER_PAUSE = 4 * 1024 * 1024;

/** `stockpilot-<table>-<date>.csv`, with anything the save dialog refuses (a "/" in a PO number) made "-". */
export function csvFileName(stem: string, date: string): string {
  return safeFileName(`stockpilot-${stem}-${date}`, 'csv');
}

function cellsOf<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], from: number, to: number): CsvCell[][] {
  const cells: CsvCell[][] = [];
  for (let index = from; index < to; index += 1) {
    const row = rows[index]!;
    cells.push(columns.map((column) => column.value(row)));
  }
  return cells;
}

/** The whole CSV at once: for tables of a few thousand rows. */
export function tableCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return toCsv(
    columns.map((c) => c.header),
    cellsOf(columns, rows, 0, rows.length),
  );
}

/** Calls `onChunk` with the file's text in order: the BOM and header, then `chunkRows` rows at a time, awaiting `pause()` between chunks. */
async function eachCsvChunk<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  pause: () => Promise<void>,
  chunkRows: number,
  onChunk: (text: string) => void,
): Promise<void> {
  const header = columns.map((c) => c.header);
  // toCsv writes its BOM and header line first, then one CRLF-ended line per row; a chunk is the
  // text after that prefix, so the neutralising and number rules stay toCsv's own.
  const prefix = toCsv(header, []);
  onChunk(prefix);
  for (let from = 0; from < rows.length; from += chunkRows) {
    if (from > 0) await pause();
    const to = Math.min(rows.length, from + chunkRows);
    onChunk(toCsv(header, cellsOf(columns, rows, from, to)).slice(prefix.length));
  }
}

/**
 * The same text as `tableCsv`, built `chunkRows` rows at a time with `pause()` awaited between
 * chunks, so the page keeps drawing and answering while a million rows are written.
 */
export async function tableCsvInChunks<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  pause: () => Promise<void>,
  chunkRows: number = CSV_CHUNK_ROWS,
): Promise<string> {
  const parts: string[] = [];
  await eachCsvChunk(columns, rows, pause, chunkRows, (text) => parts.push(text));
  return parts.join('');
}

/**
 * `tableCsvInChunks` as UTF-8 bytes, each chunk encoded as it is made: a file of a million rows
 * (~55 MB) handed over as one string was encoded in one go when saved (a Blob of it held the page
 * for ~0.5 s); bytes are only copied.
 */
export async function tableCsvBytesInChunks<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  pause: () => Promise<void>,
  chunkRows: number = CSV_CHUNK_ROWS,
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let totalBytes = 0;
  await eachCsvChunk(columns, rows, pause, chunkRows, (text) => {
    const bytes = encoder.encode(text);
    parts.push(bytes);
    totalBytes += bytes.byteLength;
  });
  // Copied into one buffer a few MB at a time too: 55 MB at once held the page ~50 ms.
  const file = new Uint8Array(totalBytes);
  let offset = 0;
  let sincePauseBytes = 0;
  for (const part of parts) {
    file.set(part, offset);
    offset += part.byteLength;
    sincePauseBytes += part.byteLength;
    if (sincePauseBytes >= COPY_BYTES_PER_PAUSE) {
      sincePauseBytes = 0;
      await pause();
    }
  }
  return file;
}
