import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export interface ListingInput {
  sku: string;
  marketplace: string;
  sellerSku: string;
  asin?: string;
  fnsku?: string;
  unitsPerListing?: string;
}

export interface BundleInput {
  marketplace: string;
  sellerSku: string;
  asin?: string;
  /** SKU code and units per bundle, one row each. */
  components: { sku: string; units: string }[];
}

export class PlatformCodesPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('listings');
  }

  async map(listing: ListingInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Map a listing' });
    await form.locator('input[name="sku"]').fill(listing.sku);
    await form.locator('select[name="marketplace"]').selectOption(listing.marketplace);
    await form.locator('input[name="sellerSku"]').fill(listing.sellerSku);
    await form.locator('input[name="asin"]').fill(listing.asin ?? '');
    await form.locator('input[name="fnsku"]').fill(listing.fnsku ?? '');
    await form.locator('input[name="unitsPerListing"]').fill(listing.unitsPerListing ?? '1');
    await form.getByRole('button', { name: 'Save' }).click();
  }

  /** Defines a bundle: its kind chosen, then the rows filled (rows added as needed, extra rows removed). */
  async mapBundle(bundle: BundleInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Map a listing' });
    await form.getByLabel('Listing kind').selectOption('bundle');
    await form.locator('select[name="marketplace"]').selectOption(bundle.marketplace);
    await form.locator('input[name="sellerSku"]').fill(bundle.sellerSku);
    await form.locator('input[name="asin"]').fill(bundle.asin ?? '');
    const rows = form.getByTestId('bundle-component');
    while ((await rows.count()) < bundle.components.length) await form.getByRole('button', { name: 'Add component' }).click();
    while ((await rows.count()) > bundle.components.length) await form.getByRole('button', { name: `Remove component ${await rows.count()}` }).click();
    for (const [index, component] of bundle.components.entries()) {
      await form.getByLabel(`Component SKU ${index + 1}`, { exact: true }).fill(component.sku);
      await form.getByLabel(`Units per bundle ${index + 1}`, { exact: true }).fill(component.units);
    }
    await form.getByRole('button', { name: 'Save' }).click();
  }
}
