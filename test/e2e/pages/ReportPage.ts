import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class ReportPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('report');
  }

  async showMonthOf(date: string): Promise<void> {
    await this.page.locator('select[name="period"]').selectOption('month');
    await this.page.locator('input[name="anchor"]').fill(date);
  }

  async groupBy(grouping: 'sku' | 'location'): Promise<void> {
    await this.page.locator('select[name="grouping"]').selectOption(grouping);
  }

  async rows(): Promise<Record<string, string>[]> {
    return this.tableRows('report');
  }

  async total(): Promise<Record<string, string>> {
    return this.tableTotal('report');
  }
}
