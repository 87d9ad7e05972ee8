import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class LedgerPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('ledger');
  }

  async countText(): Promise<string> {
    return ((await this.page.getByTestId('ledger-count').textContent()) ?? '').trim();
  }

  async filterType(type: string): Promise<void> {
    await this.page.locator('select[name="type"]').selectOption(type);
  }

  async filterBatch(batchId: string): Promise<void> {
    await this.page.locator('select[name="batchId"]').selectOption(batchId);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }

  /** Removes a batch, accepting the confirmation. */
  async removeBatch(batchId: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.locator(`[data-testid="batch"][data-batch="${batchId}"]`).getByRole('button', { name: 'Remove batch' }).click();
  }

  batches() {
    return this.page.getByTestId('batch');
  }
}
