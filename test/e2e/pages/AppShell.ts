import type { Locator, Page } from 'playwright-core';

export type ScreenName = 'today' | 'stock' | 'imports' | 'skus' | 'listings' | 'locations' | 'movements' | 'ledger' | 'report' | 'reconcile' | 'plan' | 'purchasing' | 'shipments' | 'suppliers' | 'counts' | 'analysis' | 'settings';

/** The navigation and the parts every screen shares. */
export class AppShell {
  constructor(readonly page: Page) {}

  async go(screen: ScreenName): Promise<void> {
    await this.page.locator(`nav [data-screen="${screen}"]`).click();
  }

  heading(): Locator {
    return this.page.locator('main h1');
  }

  errorMessage(): Locator {
    return this.page.getByTestId('status-error');
  }

  okMessage(): Locator {
    return this.page.getByTestId('status-ok');
  }

  /** The text of each cell of a table's rows, keyed by column id. */
  async tableRows(testId: string): Promise<Record<string, string>[]> {
    return this.page.getByTestId(`${testId}-row`).evaluateAll((rows) =>
      rows.map((row) => Object.fromEntries(Array.from(row.querySelectorAll('[data-col]')).map((cell) => [cell.getAttribute('data-col'), (cell.textContent ?? '').trim()]))),
    );
  }

  /** Clicks a button that saves a file (a download in the browser build) and returns the file's name and text. */
  async downloadFrom(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** A table's own Export CSV button (DataTable's `csv`, or a plain table's `<testId>-export`). */
  exportButton(testId: string): Locator {
    return this.page.getByTestId(`${testId}-export`);
  }

  /** Exports a table as CSV through its own button; the file's name and text. */
  async exportTable(testId: string): Promise<{ name: string; text: string }> {
    return this.downloadFrom(this.exportButton(testId));
  }

  async tableTotal(testId: string): Promise<Record<string, string>> {
    return this.page.getByTestId(`${testId}-total`).evaluate((row) =>
      Object.fromEntries(Array.from(row.querySelectorAll('[data-col]')).map((cell) => [cell.getAttribute('data-col'), (cell.textContent ?? '').trim()])),
    );
  }
}
