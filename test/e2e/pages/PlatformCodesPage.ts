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
}
