// Print a page to PDF the way the app's printing does (print media, 12 mm margins) and read the PDF
// back with pdf.js, so browser tests can assert what lands on paper: text, page count, page size,
// whether text stays inside the margins, and barcodes (SVG prints as vector rectangles, not images).
import type { Page } from 'playwright-core';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PageSize = 'A4' | 'Letter';

export const MARGIN_MM = 12;
export const PT_PER_MM = 72 / 25.4;
/** Nominal page widths. Chromium rounds page sizes to its device grid, so a PDF may be up to ~1 pt off. */
export const PAGE_WIDTH_PT: Record<PageSize, number> = { A4: 595.28, Letter: 612 };

/** The page as printed on `pageSize` paper with 12 mm margins (Chromium's print-to-PDF, print media). */
export async function renderPdf(page: Page, pageSize: PageSize): Promise<Buffer> {
  const margin = `${MARGIN_MM}mm`;
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.pdf({
      format: pageSize,
      preferCSSPageSize: false,
      printBackground: true,
      margin: { top: margin, right: margin, bottom: margin, left: margin },
    });
  } finally {
    await page.emulateMedia({ media: null });
  }
}

/** Opens a PDF with pdf.js in Node: the legacy build, its fake (in-process) worker, no eval. */
async function withPdf<T>(pdf: Buffer, read: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    return await read(doc);
  } finally {
    await doc.destroy();
  }
}

export interface PdfText {
  pageCount: number;
  /** The text of each page, items joined by single spaces. */
  pages: string[];
  /** Size of the first page in points. */
  pageWidthPt: number;
  pageHeightPt: number;
  /** The furthest right edge of any text item on any page (x + width), in points from the left edge. */
  maxTextRightPt: number;
}

export async function pdfText(pdf: Buffer): Promise<PdfText> {
  return withPdf(pdf, async (doc) => {
    const pages: string[] = [];
    let maxTextRightPt = 0;
    let pageWidthPt = 0;
    let pageHeightPt = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      if (n === 1) {
        const [x0, y0, x1, y1] = page.view as [number, number, number, number];
        pageWidthPt = x1 - x0;
        pageHeightPt = y1 - y0;
      }
      const content = await page.getTextContent();
      const strings: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        strings.push(item.str);
        if (item.str.trim() !== '') maxTextRightPt = Math.max(maxTextRightPt, (item.transform[4] as number) + item.width);
      }
      pages.push(strings.join(' ').replace(/\s+/g, ' ').trim());
    }
    return { pageCount: doc.numPages, pages, pageWidthPt, pageHeightPt, maxTextRightPt };
  });
}

/** Every fill colour the PDF paints with, as #rrggbb (a page background shows up here as a fill). */
export async function pdfFillColours(pdf: Buffer): Promise<Set<string>> {
  return withPdf(pdf, async (doc) => {
    const colours = new Set<string>();
    const hex = (channels: ArrayLike<number>, scale: number) => `#${Array.from(channels, (c) => Math.round((c / scale) * 255).toString(16).padStart(2, '0')).join('')}`;
    for (let n = 1; n <= doc.numPages; n++) {
      const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
      fnArray.forEach((fn, i) => {
        const args = argsArray[i] as unknown;
        if (fn === OPS.setFillRGBColor) colours.add(typeof args === 'string' ? args.toLowerCase() : hex(args as ArrayLike<number>, 255));
        if (fn === OPS.setFillGray) colours.add(hex([(args as ArrayLike<number>)[0]!, (args as ArrayLike<number>)[0]!, (args as ArrayLike<number>)[0]!], 1));
      });
    }
    return colours;
  });
}

export interface PdfBarcode {
  /** 1-based page number. */
  page: number;
  /** Alternating bar and space widths in modules (narrowest element = 1), starting with a bar. */
  bars: number[];
}

type Rect = { x: number; y: number; width: number; height: number };

/** The rectangles of a constructPath operation, or null if the path has anything but rectangles. */
function pathRects(args: unknown): Rect[] | null {
  const [ops, coords] = args as [number[], number[]];
  const rects: Rect[] = [];
  let at = 0;
  for (const op of ops) {
    if (op !== OPS.rectangle) return null;
    const [x, y, width, height] = coords.slice(at, at + 4) as [number, number, number, number];
    // Normalise negative sizes (a rectangle may be drawn from any corner).
    rects.push({ x: Math.min(x, x + width), y: Math.min(y, y + height), width: Math.abs(width), height: Math.abs(height) });
    at += 4;
  }
  return rects;
}

function isDark(color: ArrayLike<number>, scale: number): boolean {
  return Array.from(color).every((channel) => channel / scale < 0.3);
}

/** Reads the modules of one run of bars: every bar and gap as a whole multiple of the narrowest one. */
function toModules(bars: Rect[]): number[] | null {
  const elements: number[] = [];
  bars.forEach((bar, i) => {
    if (i > 0) elements.push(bar.x - (bars[i - 1]!.x + bars[i - 1]!.width));
    elements.push(bar.width);
  });
  if (elements.some((width) => width <= 0)) return null;
  const module = Math.min(...elements);
  const modules = elements.map((width) => width / module);
  return modules.every((m) => Math.abs(m - Math.round(m)) < 0.15) ? modules.map(Math.round) : null;
}

/**
 * Finds 1D barcodes in a PDF. An SVG barcode (renderer/components/print/Barcode.tsx) prints as one
 * filled rectangle per bar; pdf.js's operator list shows them as constructPath(rectangle) + fill in
 * a dark fill colour. Dark rectangles drawn under the same transform with the same top and height,
 * at least 10 of them, each taller than wide, are read back as one barcode.
 */
export async function pdfBarcodes(pdf: Buffer): Promise<PdfBarcode[]> {
  return withPdf(pdf, async (doc) => {
    const found: PdfBarcode[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
      // Rectangles are only comparable within one coordinate system: a new group starts at every
      // save, restore or transform.
      const groups = new Map<string, Rect[]>();
      let group = 0;
      let dark = true;
      let pending: Rect[] | null = null;
      fnArray.forEach((fn, i) => {
        const args = argsArray[i] as unknown;
        switch (fn) {
          case OPS.save:
          case OPS.restore:
          case OPS.transform:
            group += 1;
            break;
          case OPS.setFillRGBColor:
            dark = isDark(args as ArrayLike<number>, 255);
            break;
          case OPS.setFillGray:
            dark = isDark(args as ArrayLike<number>, 1);
            break;
          case OPS.constructPath:
            pending = pathRects(args);
            break;
          case OPS.fill:
          case OPS.eoFill:
            if (pending && dark) {
              for (const rect of pending) {
                const key = `${group}:${rect.y.toFixed(3)}:${rect.height.toFixed(3)}`;
                groups.set(key, [...(groups.get(key) ?? []), rect]);
              }
            }
            pending = null;
            break;
          case OPS.endPath:
          case OPS.stroke:
          case OPS.closeStroke:
            pending = null;
            break;
        }
      });
      for (const rects of groups.values()) {
        if (rects.length < 10 || rects.some((r) => r.height <= r.width)) continue;
        const bars = toModules([...rects].sort((a, b) => a.x - b.x));
        if (bars) found.push({ page: n, bars });
      }
    }
    return found;
  });
}
