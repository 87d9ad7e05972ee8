// A seller defines a bundle listing (PRODUCT §1.2) on the platform codes screen: component rows added
// and removed, from the keyboard too; a mistake is named by row and field; the table lists the components.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openWithCaseAndCable } from './setups';
import type { AppSession } from './browser';
import { PlatformCodesPage } from './pages/PlatformCodesPage';

let app: AppSession;

beforeEach(async () => {
  app = await openWithCaseAndCable();
});

afterEach(async () => {
  await app.close();
});

describe('bundle listings', () => {
  test('a bundle of 1 case + 2 cables: a repeated SKU is refused by row, then saved, listed and edited', async () => {
    const codes = new PlatformCodesPage(app.page);
    await codes.open();
    await codes.mapBundle({
      marketplace: 'US',
      sellerSku: 'CASE-KIT-US',
      asin: 'B0KITKITKI',
      components: [
        { sku: 'CASE-01', units: '1' },
        { sku: 'case-01', units: '2' },
      ],
    });
    await expect.poll(() => codes.errorMessage().textContent()).toBe('Line 2: SKU case-01 is already a component of this bundle. Raise its units instead — nothing was saved.');
    expect(await codes.tableRows('listings')).toHaveLength(0);

    const form = app.page.getByRole('form', { name: 'Map a listing' });
    await form.getByLabel('Component SKU 2', { exact: true }).fill('CABLE-02');
    await form.getByLabel('Units per bundle 2', { exact: true }).fill('two');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => codes.errorMessage().textContent()).toBe('Line 2: Units per bundle: “two” is not a number.');

    // From the keyboard: Enter in a field saves the form.
    await form.getByLabel('Units per bundle 2', { exact: true }).fill('2');
    await form.getByLabel('Units per bundle 2', { exact: true }).press('Enter');
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');
    // The table follows the database: it may show the saved row a moment after the message.
    await expect.poll(() => codes.tableRows('listings')).toEqual([expect.objectContaining({ sku: 'Bundle: CASE-01 × 1 + CABLE-02 × 2', marketplace: 'US', sellerSku: 'CASE-KIT-US', asin: 'B0KITKITKI', fnsku: '', units: '' })]);
    // The form is back to a one-SKU listing.
    expect(await form.getByLabel('Listing kind').inputValue()).toBe('single');

    // Edit: the bundle's rows come back; a third component is added with the keyboard, the cable row removed.
    await app.page.getByTestId('listings-row').getByRole('button', { name: 'Edit' }).click();
    expect(await form.getByLabel('Listing kind').inputValue()).toBe('bundle');
    expect(await form.getByLabel('Component SKU 2', { exact: true }).inputValue()).toBe('CABLE-02');
    await form.getByRole('button', { name: 'Add component' }).press('Enter');
    // The keyboard is in the new row's SKU field.
    const focusedId = () => app.page.evaluate(() => document.activeElement?.id ?? '');
    await expect.poll(focusedId).toBe(await form.getByLabel('Component SKU 3', { exact: true }).getAttribute('id'));
    await form.getByLabel('Component SKU 3', { exact: true }).fill('CABLE-02');
    await form.getByLabel('Units per bundle 3', { exact: true }).fill('3');
    await form.getByRole('button', { name: 'Remove component 2' }).press('Enter');
    // … and after a removal, in the SKU field of the row that moved up into its place.
    await expect.poll(focusedId).toBe(await form.getByLabel('Component SKU 2', { exact: true }).getAttribute('id'));
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await codes.tableRows('listings')).map((row) => row.sku)).toEqual(['Bundle: CASE-01 × 1 + CABLE-02 × 3']);
  });

  test('one component is a multi-pack: saved as a plain listing of that SKU with its units', async () => {
    const codes = new PlatformCodesPage(app.page);
    await codes.open();
    await codes.mapBundle({ marketplace: 'DE', sellerSku: 'CABLE-3PK-DE', components: [{ sku: 'CABLE-02', units: '3' }] });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');
    await expect.poll(() => codes.tableRows('listings')).toEqual([expect.objectContaining({ sku: 'CABLE-02', marketplace: 'DE', sellerSku: 'CABLE-3PK-DE', units: '3' })]);
  });
});
