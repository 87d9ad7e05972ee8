import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class StockPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('stock');
  }

  /** Row of the stock overview for a SKU code, cells keyed by column id (loc-<id>, transit, total, value). */
  async rowFor(code: string): Promise<Record<string, string> | undefined> {
    return (await this.tableRows('stock')).find((row) => row.sku === code);
  }

  /** Column id of a location's column, found by its header text. */
  async locationColumn(name: string): Promise<string> {
    // The table renders once its rows are read; wait for them before reading the columns.
    await this.page.getByTestId('stock-row').first().waitFor();
    const headers = this.page.locator('[data-testid="stock"] [role="columnheader"]');
    const texts = await headers.allTextContents();
    const index = texts.findIndex((text) => text.trim().startsWith(name));
    if (index < 0) throw new Error(`no stock column for ${name}; columns: ${texts.join(', ')}`);
    const firstRow = this.page.getByTestId('stock-row').first();
    return (await firstRow.locator('[data-col]').nth(index).getAttribute('data-col')) ?? '';
  }
}
