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
  /** The last row (if the text did not end with a newline). */
  end(): string[][];
  /** Null until `end()`; `unterminated-quote` means the file stops inside a quoted value (truncated). */
  readonly ending: TextEnding | null;
  /** Rows returned so far, the header line included; a truncated quote started on row `rowsEmitted + 1`. */
  readonly rowsEmitted: number;
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

  push(text: string): string[][] {
    if (text.length > 0) this.sawText = true;
    const buf = this.carry.length === 0 ? text : this.carry + text;
    const rows: string[][] = [];
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', start)) {
      this.addLine(buf, start, nl, rows);
      start = nl + 1;
    }
    this.carry = start === 0 ? buf : buf.slice(start);
    return rows;
  }

  end(): string[][] {
    const rows: string[][] = [];
    if (this.carry.length > 0) {
      const hadContent = this.carry.trim().length > 0;
      this.addLine(this.carry, 0, this.carry.length, rows);
      this.ending = hadContent ? 'no-final-newline' : 'newline';
    } else this.ending = this.sawText ? 'newline' : 'empty';
    this.carry = '';
    return rows;
  }

  private addLine(buf: string, start: number, stop: number, rows: string[][]): void {
    let end = stop;
    if (end > start && buf.charCodeAt(end - 1) === CR) end--;
    if (end === start) return;
    const cells = buf.slice(start, end).split(this.delimiter);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      if (cell.length >= 2 && cell.charCodeAt(0) === QUOTE && cell.charCodeAt(cell.length - 1) === QUOTE) cells[i] = unwrapExcelCell(cell);
    }
    rows.push(cells);
    this.rowsEmitted++;
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

  constructor(delimiter: Delimiter) {
    this.delim = delimiter.charCodeAt(0);
  }

  push(text: string): string[][] {
    if (text.length > 0) this.sawText = true;
    const buf = this.carry.length === 0 ? text : this.carry + text;
    const rows: string[][] = [];
    const consumed = this.scan(buf, false, rows);
    this.carry = consumed === 0 ? buf : buf.slice(consumed);
    return rows;
  }

  end(): string[][] {
    const rows: string[][] = [];
    const buf = this.carry;
    this.carry = '';
    if (buf.length === 0) {
      this.ending = this.sawText ? 'newline' : 'empty';
      return rows;
    }
    const consumed = this.scan(buf, true, rows);
    if (consumed < buf.length) this.ending = 'unterminated-quote';
    else this.ending = buf.trim().length > 0 && !endsWithNewline(buf) ? 'no-final-newline' : 'newline';
    return rows;
  }

  /**
   * Emits every complete row of `buf` into `rows` and returns how many characters they used.
   * With `final` the text's end also ends a row; an open quote then stops the scan (truncated file).
   */
  private scan(buf: string, final: boolean, rows: string[][]): number {
    const n = buf.length;
    const delim = this.delim;
    let pos = 0;
    let consumed = 0;
    rowLoop: while (pos < n) {
      const cells: string[] = [];
      for (;;) {
        let value: string;
        if (pos < n && buf.charCodeAt(pos) === QUOTE) {
          let segment = pos + 1;
          let parts: string | null = null;
          for (;;) {
            const q = buf.indexOf('"', segment);
            if (q < 0) break rowLoop;
            if (q + 1 >= n && !final) break rowLoop; // cannot tell `"` from `""` yet
            if (buf.charCodeAt(q + 1) === QUOTE) {
              parts = (parts ?? '') + buf.slice(segment, q + 1);
              segment = q + 2;
              continue;
            }
            value = parts === null ? buf.slice(segment, q) : parts + buf.slice(segment, q);
            pos = q + 1;
            break;
          }
          // Lenient: text between a closing quote and the delimiter is kept (`"a"b` → `ab`).
          if (pos < n) {
            const c = buf.charCodeAt(pos);
            if (c !== delim && c !== LF && c !== CR) {
              const stop = this.fieldEnd(buf, pos);
              value += buf.slice(pos, stop);
              pos = stop;
            }
          }
        } else {
          const stop = this.fieldEnd(buf, pos);
          value = buf.slice(pos, stop);
          pos = stop;
        }
        cells.push(value);
        if (pos >= n) {
          if (!final) break rowLoop;
          break;
        }
        const c = buf.charCodeAt(pos);
        if (c === delim) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= n && !final) break rowLoop; // a CRLF split across chunks
          pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++; // LF
        break;
      }
      consumed = pos;
      // A blank line is one empty cell: skip it, as blank lines carry no row.
      if (!(cells.length === 1 && cells[0] === '')) {
        rows.push(cells);
        this.rowsEmitted++;
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
