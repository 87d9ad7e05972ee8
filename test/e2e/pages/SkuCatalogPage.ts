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

  /** Opens a SKU's form (found by search), enters its package size and storage type, and saves. */
  async setPackage(code: string, size: { length: string; width: string; height: string; unit: 'cm' | 'in'; storageType: string }): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(code);
    await this.page.getByRole('button', { name: `Edit ${code}`, exact: true }).click();
    const form = this.page.getByRole('form', { name: `Edit SKU ${code}` });
    await form.getByLabel('Package length').fill(size.length);
    await form.getByLabel('Package width').fill(size.width);
    await form.getByLabel('Package height').fill(size.height);
    await form.getByLabel('Size in').selectOption(size.unit);
    await form.getByLabel('FBA storage type').selectOption(size.storageType);
    await form.getByLabel('Package height').press('Enter');
  }

  async codes(): Promise<string[]> {
    return (await this.tableRows('skus')).map((row) => row.code ?? '');
  }
}
