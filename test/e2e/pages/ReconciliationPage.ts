import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class ReconciliationPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('reconcile');
  }

  /** The comparison row of a SKU code, cells keyed by column id (sku, snapshot, ledger, difference, status, explained). */
  async rowFor(code: string): Promise<Record<string, string> | undefined> {
    return (await this.tableRows('reconcile-table')).find((row) => row.sku === code);
  }

  async chosenSnapshot(): Promise<string> {
    return ((await this.page.locator('select[name="snapshot"] option:checked').textContent()) ?? '').trim();
  }

  async claimable(): Promise<string[]> {
    return this.page.getByTestId('claimable').allTextContents();
  }
}
