import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class LocationsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('locations');
  }

  async createFba(name: string, marketplace: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New location' });
    await form.locator('input[name="name"]').fill(name);
    await form.locator('select[name="kind"]').selectOption('fba');
    await form.locator('select[name="marketplace"]').selectOption(marketplace);
    await form.getByRole('button', { name: 'New location' }).click();
  }
}
