import type { Locator, Page } from 'playwright-core';
import { pdfBarcodes, pdfText, renderPdf } from '../pdf';
import type { PageSize, PdfBarcode, PdfText } from '../pdf';

/** The print preview dialog (renderer/components/print/PrintPreview.tsx), opened by a screen's print button. */
export class PrintPreviewPage {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The document as it prints. */
  document(): Locator {
    return this.dialog().getByTestId('print-document');
  }

  async title(): Promise<string> {
    return ((await this.dialog().getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
  }

  async pageSize(): Promise<string> {
    return this.dialog().locator('select[name="pageSize"]').inputValue();
  }

  async choosePageSize(size: PageSize): Promise<void> {
    await this.dialog().locator('select[name="pageSize"]').selectOption(size);
  }

  async print(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Print', exact: true }).click();
  }

  async saveAsPdf(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Save as PDF' }).click();
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close' }).click();
  }

  /** Closes the dialog with the keyboard. */
  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Chooses the page size in the dialog, then prints the page to PDF on that paper (see ../pdf.ts). */
  async pdf(size: PageSize): Promise<Buffer> {
    await this.choosePageSize(size);
    return renderPdf(this.page, size);
  }

  /** What the printed PDF says, page by page, and the barcodes on it. */
  async printed(size: PageSize): Promise<PdfText & { barcodes: PdfBarcode[] }> {
    const pdf = await this.pdf(size);
    return { ...(await pdfText(pdf)), barcodes: await pdfBarcodes(pdf) };
  }
}
