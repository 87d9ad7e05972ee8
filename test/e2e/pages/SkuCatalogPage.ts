import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export interface SkuInput {
  code: string;
  name: string;
  unitCost?: string;
  casePack?: string;
  moq?: string;
}

export class SkuCatalogPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('skus');
  }

  async create(sku: SkuInput): Promise<void> {
    await this.page.getByRole('button', { name: 'New SKU' }).click();
    await this.fill(sku);
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  async fill(sku: SkuInput): Promise<void> {
    const form = this.page.locator('form');
    await form.locator('input[name="code"]').fill(sku.code);
    await form.locator('input[name="name"]').fill(sku.name);
    if (sku.unitCost !== undefined) await form.locator('input[name="unitCost"]').fill(sku.unitCost);
    if (sku.casePack !== undefined) await form.locator('input[name="casePack"]').fill(sku.casePack);
    if (sku.moq !== undefined) await form.locator('input[name="moq"]').fill(sku.moq);
  }

  async codes(): Promise<string[]> {
    return (await this.tableRows('skus')).map((row) => row.code ?? '');
  }
}
