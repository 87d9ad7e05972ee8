// Helpers for the import tests: fixture bytes, and the same report re-saved the ways a seller's
// spreadsheet saves it (comma CSV with BOM + CRLF, Excel "Unicode text" = UTF-16LE TSV with BOM).
import { readFileSync } from 'node:fs';
import { createRowSplitter, decodeBytes, detectDelimiter, detectEncoding, detectQuoting } from '../../shared/import';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/amazon/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  const bytes = fixture(name);
  return decodeBytes(bytes, detectEncoding(bytes));
}

/** Header + data rows of a fixture, read with the importer's own splitter. */
export function fixtureRows(name: string): string[][] {
  const text = fixtureText(name);
  const header = text.slice(0, text.indexOf('\n'));
  const delimiter = detectDelimiter(header);
  const splitter = createRowSplitter(delimiter, detectQuoting(delimiter, header));
  return [...splitter.push(text), ...splitter.end()];
}

function quoteWhen(cell: string, special: RegExp): string {
  return special.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Excel "CSV UTF-8": BOM, comma, RFC-4180 quotes only where needed, CRLF. */
export function asCsvWithBom(rows: readonly (readonly string[])[]): Uint8Array {
  const text = rows.map((r) => r.map((c) => quoteWhen(c, /[",\r\n]/)).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode(`\uFEFF${text}`);
}

/** Excel "Unicode text": UTF-16LE with BOM, TAB, cells with quotes/tabs/newlines wrapped in quotes, CRLF. */
export function asUnicodeText(rows: readonly (readonly string[])[]): Uint8Array {
  const text = `\uFEFF${rows.map((r) => r.map((c) => quoteWhen(c, /["\t\r\n]/)).join('\t')).join('\r\n')}\r\n`;
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 * i] = code & 0xff;
    bytes[2 * i + 1] = code >> 8;
  }
  return bytes;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Windows-1252 bytes of Latin-1-range text (enough for German test strings). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}
