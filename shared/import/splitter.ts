// Splits report text into rows of cells, fed in chunks so a 110 MB ledger never has to be one
// string. Own code rather than PapaParse: Amazon needs two quoting rules PapaParse cannot mix
// (API TSV where `"` is an ordinary character — `12" Reel` — versus the ledger's "every field
// quoted" TSV and RFC-4180 CSV), the worker needs to know exactly where a truncated file ended,
// and a charCode loop plus indexOf is faster than a general-purpose parser at a million rows.

export type Delimiter = '\t' | ',';

/**
 * - `literal`: Amazon's API TSV. Quotes are ordinary characters and a line is a row. The one
 *   exception is a cell wrapped whole in quotes with every inner quote doubled — how Excel saves
 *   "Unicode text" — which is unwrapped.
 * - `rfc4180`: a field starting with `"` runs to the matching `"` (`""` is a quote) and may span
 *   lines: comma CSV and the quoted Inventory Ledger TSV.
 */
export type Quoting = 'literal' | 'rfc4180';

/** How the text ended, known after `end()`. */
export type TextEnding = 'newline' | 'no-final-newline' | 'unterminated-quote' | 'empty';

export interface RowSplitter {
  /** Complete rows found so far; a row cut by the chunk boundary is kept for the next push. */
  push(text: string): string[][];
  /**
   * As `push`, but hands each complete row to `onRow` as soon as it is split, without collecting
   * them: a million-row file then never holds a chunk's worth of rows at once. The array passed
   * may be reused for the next row, so read it during the call and do not keep it.
   */
  pushEach(text: string, onRow: (cells: string[]) => void): void;
  /**
   * As `pushEach`, but each row comes as field offsets into the text (see RawRow), with no string
   * made per cell: a caller that needs only some cells of a million rows slices just those.
   */
  pushEachRaw(text: string, onRow: (row: RawRow) => void): void;
  /** The last row (if the text did not end with a newline). */
  end(): string[][];
  /** Null until `end()`; `unterminated-quote` means the file stops inside a quoted value (truncated). */
  readonly ending: TextEnding | null;
  /** Rows returned so far, the header line included; a truncated quote started on row `rowsEmitted + 1`. */
  readonly rowsEmitted: number;
  /** Characters of pushed text not yet returned as rows (the start of a row cut by a chunk boundary). */
  readonly carried: number;
}

/**
 * One split row as offsets into the text it came from, valid only during the callback (the same
 * object is filled again for the next row). Cell `k` is `text.slice(start[k], end[k])`, except
 * where `value[k]` is set: a cell whose quotes had to be undone (`""` → `"`, text after a closing
 * quote), which is a new string anyway.
 */
export class RawRow {
  text = '';
  /** The row's own text, text[from, to): its cells, quotes and delimiters, no line end. */
  from = 0;
  to = 0;
  count = 0;
  start = new Int32Array(32);
  end = new Int32Array(32);
  value: (string | undefined)[] = [];

  /** Cell `k` as a string (`''` beyond the row's last cell). */
  cell(k: number): string {
    if (k < 0 || k >= this.count) return '';
    return this.value[k] ?? this.text.slice(this.start[k]!, this.end[k]!);
  }

  /** Every cell, as `pushEach` hands them; into `into` (filled by index, so it keeps its size) when given. */
  cells(into?: string[]): string[] {
    const cells = into ?? new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) {
      if (k < cells.length) cells[k] = this.cell(k);
      else cells.push(this.cell(k));
    }
    if (this.count < cells.length) cells.length = this.count;
    return cells;
  }

  /** Adds cell `count` as the range [from, to) of the text, or as `value` when given. */
  add(from: number, to: number, value: string | undefined): void {
    const k = this.count++;
    if (k === this.start.length) {
      const start = new Int32Array(k * 2);
      start.set(this.start);
      this.start = start;
      const end = new Int32Array(k * 2);
      end.set(this.end);
      this.end = end;
    }
    this.start[k] = from;
    this.end[k] = to;
    this.value[k] = value;
  }
}

/** Tab when the header line has a tab outside quotes, else comma. */
export function detectDelimiter(headerLine: string): Delimiter {
  let inQuotes = false;
  let tabs = 0;
  let commas = 0;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 9) tabs++;
    else if (!inQuotes && c === 44) commas++;
  }
  return tabs > 0 || commas === 0 ? '\t' : ',';
}

/** The quoting a file uses, judged from its delimiter and header line. */
export function detectQuoting(delimiter: Delimiter, headerLine: string): Quoting {
  if (delimiter === ',') return 'rfc4180';
  // The ledger quotes every field, the header included; other API TSVs never quote.
  return headerLine.trimStart().startsWith('"') ? 'rfc4180' : 'literal';
}

export function createRowSplitter(delimiter: Delimiter, quoting: Quoting): RowSplitter {
  return quoting === 'literal' ? new LiteralSplitter(delimiter) : new QuotedSplitter(delimiter);
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

class LiteralSplitter implements RowSplitter {
  ending: TextEnding | null = null;
  rowsEmitted = 0;
  private carry = '';
  private sawText = false;

  constructor(private readonly delimiter: Delimiter) {}

  get carried(): number {
    return this.carry.length;
  }

  push(text: string): string[][] {
    const rows: string[][] = [];
    this.pushEach(text, (cells) => rows.push(cells));
    return rows;
  }

  pushEach(text: string, onRow: (cells: string[]) => void): void {
    if (text.length > 0) this.sawText = true;
    const buf = this.carry.length === 0 ? text : this.carry + text;
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', start)) {
      this.addLine(buf, start, nl, onRow);
      start = nl + 1;
    }
    this.carry = start === 0 ? buf : buf.slice(start);
  }

  pushEachRaw(text: string, onRow: (row: RawRow) => void): void {
    // Lines are split with String#split here anyway: the raw row holds the cells as values.
    const raw = new RawRow();
    this.pushEach(text, (cells) => {
      raw.text = '';
      raw.count = 0;
      for (const cell of cells) raw.add(0, 0, cell);
      onRow(raw);
    });
  }

  end(): string[][] {
    const rows: string[][] = [];
    if (this.carry.length > 0) {
      const hadContent = this.carry.trim().length > 0;
      this.addLine(this.carry, 0, this.carry.length, (cells) => rows.push(cells));
      this.ending = hadContent ? 'no-final-newline' : 'newline';
    } else this.ending = this.sawText ? 'newline' : 'empty';
    this.carry = '';
    return rows;
  }

  private addLine(buf: string, start: number, stop: number, onRow: (cells: string[]) => void): void {
    let end = stop;
    if (end > start && buf.charCodeAt(end - 1) === CR) end--;
    if (end === start) return;
    const cells = buf.slice(start, end).split(this.delimiter);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      if (cell.length >= 2 && cell.charCodeAt(0) === QUOTE && cell.charCodeAt(cell.length - 1) === QUOTE) cells[i] = unwrapExcelCell(cell);
    }
    this.rowsEmitted++;
    onRow(cells);
  }
}

/** `"12"" Reel"` → `12" Reel`; anything else (an Amazon title that merely starts and ends with `"`) stays as is. */
function unwrapExcelCell(cell: string): string {
  const inner = cell.slice(1, -1);
  for (let at = inner.indexOf('"'); at >= 0; at = inner.indexOf('"', at + 2)) {
    if (inner.charCodeAt(at + 1) !== QUOTE) return cell;
  }
  return inner.replaceAll('""', '"');
}

class QuotedSplitter implements RowSplitter {
  ending: TextEnding | null = null;
  rowsEmitted = 0;
  private carry = '';
  private sawText = false;
  private readonly delim: number;
  /** The row `scan` fills again for every row. */
  private readonly raw = new RawRow();
  /** The row array `pushEach` fills again for every row. */
  private readonly cells: string[] = [];

  constructor(delimiter: Delimiter) {
    this.delim = delimiter.charCodeAt(0);
  }

  get carried(): number {
    return this.carry.length;
  }

  push(text: string): string[][] {
    const rows: string[][] = [];
    this.feed(text, (raw) => rows.push(raw.cells()));
    return rows;
  }

  pushEach(text: string, onRow: (cells: string[]) => void): void {
    this.feed(text, (raw) => onRow(raw.cells(this.cells)));
  }

  pushEachRaw(text: string, onRow: (row: RawRow) => void): void {
    this.feed(text, onRow);
  }

  private feed(text: string, onRow: (row: RawRow) => void): void {
    if (text.length > 0) this.sawText = true;
    const buf = this.carry.length === 0 ? text : this.carry + text;
    const consumed = this.scan(buf, false, onRow);
    this.carry = consumed === 0 ? buf : buf.slice(consumed);
  }

  end(): string[][] {
    const rows: string[][] = [];
    const buf = this.carry;
    this.carry = '';
    if (buf.length === 0) {
      this.ending = this.sawText ? 'newline' : 'empty';
      return rows;
    }
    const consumed = this.scan(buf, true, (raw) => rows.push(raw.cells()));
    if (consumed < buf.length) this.ending = 'unterminated-quote';
    else this.ending = buf.trim().length > 0 && !endsWithNewline(buf) ? 'no-final-newline' : 'newline';
    return rows;
  }

  /**
   * Hands every complete row of `buf` to `onRow` and returns how many characters they used. With
   * `final` the text's end also ends a row; an open quote then stops the scan (truncated file).
   * Cells are recorded as offsets; only a cell whose quoting must be undone becomes a string here.
   */
  private scan(buf: string, final: boolean, onRow: (row: RawRow) => void): number {
    const n = buf.length;
    const delim = this.delim;
    const raw = this.raw;
    raw.text = buf;
    let pos = 0;
    let consumed = 0;
    rowLoop: while (pos < n) {
      raw.count = 0;
      raw.from = pos;
      for (;;) {
        // The character after the field: a delimiter, CR, LF, or NaN at the end of the text.
        let c: number;
        if (pos < n && buf.charCodeAt(pos) === QUOTE) {
          let segment = pos + 1;
          let parts: string | null = null;
          let from = segment;
          let to: number;
          for (;;) {
            const q = buf.indexOf('"', segment);
            if (q < 0) break rowLoop;
            if (q + 1 >= n && !final) break rowLoop; // cannot tell `"` from `""` yet
            c = buf.charCodeAt(q + 1);
            if (c === QUOTE) {
              parts = (parts ?? '') + buf.slice(segment, q + 1);
              segment = q + 2;
              continue;
            }
            if (parts !== null) parts += buf.slice(segment, q);
            to = q;
            pos = q + 1;
            break;
          }
          // Lenient: text between a closing quote and the delimiter is kept (`"a"b` → `ab`).
          if (c !== delim && c !== LF && c !== CR && pos < n) {
            const stop = this.fieldEnd(buf, pos);
            parts = (parts ?? buf.slice(from, to)) + buf.slice(pos, stop);
            pos = stop;
            c = buf.charCodeAt(pos);
          }
          if (parts === null) raw.add(from, to, undefined);
          else {
            from = to = 0;
            raw.add(from, to, parts);
          }
        } else {
          const stop = this.fieldEnd(buf, pos);
          raw.add(pos, stop, undefined);
          pos = stop;
          c = buf.charCodeAt(pos);
        }
        if (c === delim) {
          pos++;
          continue;
        }
        raw.to = pos;
        if (pos >= n) {
          if (!final) break rowLoop;
          break;
        }
        if (c === CR) {
          if (pos + 1 >= n && !final) break rowLoop; // a CRLF split across chunks
          pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++; // LF
        break;
      }
      consumed = pos;
      // A blank line is one empty cell: skip it, as blank lines carry no row.
      if (!(raw.count === 1 && raw.start[0] === raw.end[0] && (raw.value[0] ?? '') === '')) {
        this.rowsEmitted++;
        onRow(raw);
      }
    }
    return final && pos >= n ? n : consumed;
  }

  private fieldEnd(buf: string, from: number): number {
    const delim = this.delim;
    let i = from;
    const n = buf.length;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === delim || c === LF || c === CR) break;
      i++;
    }
    return i;
  }
}

function endsWithNewline(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === LF || c === CR;
}
