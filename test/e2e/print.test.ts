// What lands on paper. A screen printed on A4 and on Letter keeps its text inside the 12 mm margins;
// the print document building blocks (renderer/components/print) print as a document should: header
// row on every page, "Page n of m" in the footer, totals once, long text wrapped inside the page, and
// a Code 128 barcode as vector bars that read back as the same code.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { MARGIN_MM, PAGE_WIDTH_PT, PT_PER_MM, pdfBarcodes, pdfFillColours, pdfText, renderPdf } from './pdf';
import type { PageSize } from './pdf';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { code128 } from '../../shared/print/code128';
import { Barcode } from '../../renderer/components/print/Barcode';
import { PrintDocument, PrintHeader, PrintTable } from '../../renderer/components/print/PrintDocument';
import { pageFooterCss } from '../../renderer/components/print/pageFooter';
import { en } from '../../renderer/i18n/en';

const SIZES: PageSize[] = ['A4', 'Letter'];

/**
 * Right edge of the printable area of the PDF's page: text beyond it runs into the margin. Half a point
 * of slack for text set flush right against the edge (page numbers, amounts), whose advance widths
 * pdf.js sums with rounding.
 */
const rightLimitPt = (pageWidthPt: number) => pageWidthPt - MARGIN_MM * PT_PER_MM + 0.5;

let app: AppSession;

beforeEach(async () => {
  app = await openApp({ today: '2026-03-15' });
});

afterEach(async () => {
  expect(app.pageErrors).toEqual([]);
  await app.close();
});

/** The app's page colour on screen (renderer/app/styles.css --bg). */
const SCREEN_BACKGROUND = '#f6f7f9';

describe('printing a screen', () => {
  test('the SKU catalog prints on A4 and Letter with every code inside the margins', async () => {
    const skus = new SkuCatalogPage(app.page);
    await skus.open();
    await skus.create({ code: 'CASE-01', name: 'Phone case, black, with a long name that has to wrap somewhere on paper', unitCost: '2.50' });
    await expect.poll(() => skus.okMessage().textContent()).toBe('SKU CASE-01 created.');
    await skus.create({ code: 'CABLE-02', name: 'USB-C cable 1 m', unitCost: '1.20' });
    await expect.poll(() => skus.codes()).toEqual(['CABLE-02', 'CASE-01']);

    for (const size of SIZES) {
      const pdf = await renderPdf(app.page, size);
      const printed = await pdfText(pdf);
      // White paper: the screen's page colour (--bg on the root element) is not painted behind it.
      expect(await pdfFillColours(pdf), size).not.toContain(SCREEN_BACKGROUND);
      expect(printed.pageWidthPt, size).toBeGreaterThan(PAGE_WIDTH_PT[size] - 1.5);
      expect(printed.pageWidthPt, size).toBeLessThan(PAGE_WIDTH_PT[size] + 1.5);
      expect(printed.pages.join(' ')).toContain('CASE-01');
      expect(printed.pages.join(' ')).toContain('CABLE-02');
      expect(printed.maxTextRightPt, size).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
    }
    // Printing leaves the screen as it was.
    expect(await app.page.evaluate(() => matchMedia('print').matches)).toBe(false);
  });
});

/** The app's built stylesheet, so the document prints with the same rules as in the app. */
function builtCss(): string {
  const assets = path.resolve(import.meta.dirname, '../../dist/assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.css'))
    .map((name) => readFileSync(path.join(assets, name), 'utf8'))
    .join('\n');
}

const FNSKU = 'X004K7Q2MZ';
const TITLE = 'Packing list SHP-12';
const LONG_NAME = 'Silicone phone case with reinforced corners and a lanyard hole, midnight blue, fits 6.1-inch models';
/** No space or hyphen to break at: it must still wrap inside its column rather than run off the page. */
const UNBROKEN = 'ONEWORDWITHOUTANYBREAKFARLONGERTHANITSCOLUMN0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function sampleDocument(): string {
  const rows = Array.from({ length: 90 }, (_, i) => [
    `CASE-${String(i + 1).padStart(3, '0')}`,
    i === 0 ? UNBROKEN : `${LONG_NAME} #${i + 1}`,
    (1000 * (i + 1)).toLocaleString('en-US'),
  ]);
  return renderToStaticMarkup(
    createElement(
      PrintDocument,
      null,
      createElement(PrintHeader, {
        title: TITLE,
        letterhead: ['Acme Trading Ltd', '1 Harbour Road, Shenzhen'],
        meta: [
          ['From', 'Domestic warehouse'],
          ['To', 'FBA US'],
          ['ETA', ''],
        ],
        aside: createElement(Barcode, { value: FNSKU, height: 36 }),
      }),
      createElement(PrintTable, {
        testId: 'lines',
        header: ['SKU', 'Name', 'Units'],
        align: ['start', 'start', 'end'],
        widths: ['26%', undefined, '18%'],
        rows,
        footer: ['', 'Total units', (1000 * 45 * 91).toLocaleString('en-US')],
      }),
    ),
  );
}

describe('a printed document', () => {
  test('repeats the header row, numbers the pages, wraps long text and carries a readable barcode', async () => {
    const { page } = app;
    await page.setContent(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${builtCss()}</style>` +
        `<style>${pageFooterCss(TITLE, en['print.pageOf'])}</style></head><body>${sampleDocument()}</body></html>`,
    );
    // The document is laid out at most 186 mm wide (A4 minus two 12 mm margins) on screen too.
    const widthMm = await page.getByTestId('print-document').evaluate((el) => el.getBoundingClientRect().width / (96 / 25.4));
    expect(widthMm).toBeLessThanOrEqual(186.01);

    for (const size of SIZES) {
      const pdf = await renderPdf(page, size);
      const printed = await pdfText(pdf);
      expect(printed.pageCount, size).toBeGreaterThan(1);
      expect(printed.maxTextRightPt, size).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
      printed.pages.forEach((text, i) => {
        // Column headings on every page, and the footer from @page margin boxes.
        expect(text, `${size} page ${i + 1}`).toContain('SKU Name Units');
        expect(text, `${size} page ${i + 1}`).toContain(`Page ${i + 1} of ${printed.pageCount}`);
        expect(text, `${size} page ${i + 1}`).toContain(TITLE);
      });
      const all = printed.pages.join(' ');
      // The unbreakable name printed whole, over more than one line (pdf.js puts a space between lines).
      expect(printed.pages[0]!.replace(/ /g, '')).toContain(UNBROKEN);
      expect(printed.pages[0]).not.toContain(UNBROKEN);
      // Every row printed once, in order; the total once, after the last row.
      expect(all.match(/CASE-\d{3}/g)).toEqual(Array.from({ length: 90 }, (_, i) => `CASE-${String(i + 1).padStart(3, '0')}`));
      expect(all.match(/Total units/g)).toHaveLength(1);
      expect(printed.pages.at(-1)).toContain('Total units 4,095,000');
      // An empty fact is left out rather than printed as a bare label.
      expect(all).not.toContain('ETA');
      // The barcode: vector bars that decode to the same modules as the encoding, with its text under it.
      expect(await pdfBarcodes(pdf)).toEqual([{ page: 1, bars: code128(FNSKU).bars }]);
      expect(printed.pages[0]).toContain(FNSKU);
    }
  });
});
