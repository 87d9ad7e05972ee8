// PRODUCT §1.2: a code an import could not map is queued; the seller creates its SKU from the queue
// in one step (prefilled from the import), and the held rows post as that SKU's stock. A refused
// creation (a code already taken) names the field and creates nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { ImportsPage } from './pages/ImportsPage';
import { StockPage } from './pages/StockPage';

const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
const fixture = { name: LEDGER, bytes: readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', LEDGER)) };
const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv';
const orders = { name: ORDERS, bytes: readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', ORDERS)) };

let app: AppSession;

beforeEach(async () => {
  app = await openApp({ today: '2026-05-10' });
});

afterEach(async () => {
  await app.close();
});

describe('creating a SKU from the unmapped queue', () => {
  test('a ledger file with codes the catalog lacks: each SKU is created from the queue and its stock is posted', async () => {
    const { page } = app;
    // The catalog has only the LED strip, under a code of the seller's own; no platform codes.
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'LED-STRIP', name: 'LED strip 5 m', unitCost: '3.00' });
    await expect.poll(() => skus.codes()).toEqual(['LED-STRIP']);

    const imports = new ImportsPage(page);
    await imports.open();
    await imports.drop([fixture]);
    await expect.poll(() => imports.fact(LEDGER, 'import-held')).toBe('11 (X004K7Q2MZ (US), X003ZQ1B7H (US))');
    await imports.apply(LEDGER);
    await expect.poll(() => imports.cardStatus(LEDGER)).toBe('Imported: 0 new movements posted, 0 already there, 11 held, 0 rows rejected.');
    await expect.poll(() => imports.heldCodes()).toEqual(['X004K7Q2MZ', 'X003ZQ1B7H']);

    // The earbuds' form is prefilled from the ledger rows: the seller SKU, the title, the base currency.
    const earbuds = await imports.openCreateSku('X004K7Q2MZ');
    expect(await imports.createSkuFields(earbuds)).toEqual({ 'SKU code': 'BT-EARBUD-BLK', Name: 'Wireless Earbuds Bluetooth 5.3, 40H Playtime, Black', 'Unit cost': '', 'Cost currency': 'USD' });
    expect(await earbuds.textContent()).toContain('B0D3KQ7M2X');
    // The code field has the focus: the seller types the cost and submits with Enter.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('code');
    await earbuds.getByLabel('Unit cost', { exact: true }).fill('8.00');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('held-status').textContent()).toBe('SKU BT-EARBUD-BLK created; X004K7Q2MZ mapped: 8 rows posted.');
    await expect.poll(() => imports.heldCodes()).toEqual(['X003ZQ1B7H']);

    // The LED strip under a code the catalog already has: refused by name, nothing created, the form stays.
    const led = await imports.openCreateSku('X003ZQ1B7H');
    expect(await imports.createSkuFields(led)).toMatchObject({ 'SKU code': 'LED-STRIP-5M-RGB' });
    await led.getByLabel('SKU code', { exact: true }).fill('led-strip');
    await led.getByRole('button', { name: 'Create SKU and post' }).click();
    await expect.poll(async () => (await led.getByTestId('status-error').textContent()) ?? '').toBe('SKU code LED-STRIP already exists. Choose another code — nothing was saved.');
    expect(await imports.heldCodes()).toEqual(['X003ZQ1B7H']);
    // Escape closes the form and gives the focus back to its button, named for its code.
    await page.keyboard.press('Escape');
    await expect.poll(() => led.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Create SKU for X003ZQ1B7H');
    const again = await imports.openCreateSku('X003ZQ1B7H');
    await again.getByLabel('SKU code', { exact: true }).fill('LED-STRIP-RGB');
    await again.getByRole('button', { name: 'Create SKU and post' }).click();
    await expect.poll(() => page.getByTestId('held-status').textContent()).toBe('SKU LED-STRIP-RGB created; X003ZQ1B7H mapped: 3 rows posted.');
    await expect.poll(() => imports.heldCodes()).toEqual([]);

    await skus.open();
    await expect.poll(() => skus.codes()).toEqual(['BT-EARBUD-BLK', 'LED-STRIP', 'LED-STRIP-RGB']);
    const stock = new StockPage(page);
    await stock.open();
    const fbaUs = await stock.locationColumn('FBA US');
    // 240 received, 3 shipped, 1 returned, 12 out and back between centres, 1 lost and found again.
    await expect.poll(() => stock.rowFor('BT-EARBUD-BLK')).toMatchObject({ [fbaUs]: '238' });
    await expect.poll(() => stock.rowFor('LED-STRIP-RGB')).toMatchObject({ [fbaUs]: '-6' });
    expect(app.pageErrors).toEqual([]);
  });

  test('an All Orders file with seller SKUs the catalog lacks: they wait in the queue; one is mapped, another gets its SKU, and each leaves', async () => {
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'CABLE-2M', name: 'USB-C cable 2 m', unitCost: '2.00' });
    await expect.poll(() => skus.codes()).toEqual(['CABLE-2M']);

    const imports = new ImportsPage(page);
    await imports.open();
    await imports.drop([orders]);
    await expect.poll(() => imports.fact(ORDERS, 'import-kind')).toBe('All Orders');
    await imports.apply(ORDERS);
    // Every seller SKU of the file (the earbuds in CA and in the US), sorted by marketplace, then code.
    await expect.poll(() => imports.heldCodes()).toEqual(['BT-EARBUD-BLK', 'BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB', 'USB-C-CBL-2M-WHT', 'YOGA-MAT-6MM-PRP']);
    expect(await imports.heldSources('USB-C-CBL-2M-WHT')).toBe('All Orders: 1 rows');

    // Nothing is held for an order's code: mapping it is all, and its orders count from then on.
    await imports.mapReportCode('USB-C-CBL-2M-WHT', 'CABLE-2M');
    await expect.poll(() => page.getByTestId('held-status').textContent()).toBe('USB-C-CBL-2M-WHT mapped: its 1 report rows now count.');
    await expect.poll(() => imports.heldCodes()).toEqual(['BT-EARBUD-BLK', 'BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB', 'YOGA-MAT-6MM-PRP']);

    // An order line names no product title: the seller types the name.
    const yoga = await imports.openCreateSku('YOGA-MAT-6MM-PRP');
    expect(await imports.createSkuFields(yoga)).toEqual({ 'SKU code': 'YOGA-MAT-6MM-PRP', Name: '', 'Unit cost': '', 'Cost currency': 'USD' });
    await yoga.getByLabel('Name', { exact: true }).fill('Yoga mat purple');
    await yoga.getByLabel('Unit cost', { exact: true }).fill('6.00');
    await yoga.getByRole('button', { name: 'Create SKU and map' }).click();
    await expect.poll(() => page.getByTestId('held-status').textContent()).toBe('SKU YOGA-MAT-6MM-PRP created; YOGA-MAT-6MM-PRP mapped: its 1 report rows now count.');
    await expect.poll(() => imports.heldCodes()).toEqual(['BT-EARBUD-BLK', 'BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB']);
    expect(app.pageErrors).toEqual([]);
  });

  test('an orders file with 120 codes the catalog lacks: the queue shows 50 at a time, finds a code by what is typed, and maps it', async () => {
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'CABLE-2M', name: 'USB-C cable 2 m', unitCost: '2.00' });
    await expect.poll(() => skus.codes()).toEqual(['CABLE-2M']);

    // The fixture's header and first row, the row repeated for 120 seller SKUs of its own.
    const [header, row] = orders.bytes.toString('utf8').split('\n');
    const lines = Array.from({ length: 120 }, (_, i) => row!.replace('111-4829173-5520941', `111-4829173-${String(5_000_000 + i)}`).replace('BT-EARBUD-BLK', `CODE-${String(i + 1).padStart(3, '0')}`));
    const many = { name: 'many-orders.tsv', bytes: Buffer.from([header, ...lines].join('\n') + '\n', 'utf8') };
    const imports = new ImportsPage(page);
    await imports.open();
    await imports.drop([many]);
    await expect.poll(() => imports.fact(many.name, 'import-kind')).toBe('All Orders');
    await imports.apply(many.name);

    // A page of 50, in the queue's order (by code).
    await expect.poll(() => page.getByTestId('held-range').textContent()).toBe('Codes 1–50 of 120');
    expect(await imports.heldCodes()).toEqual(Array.from({ length: 50 }, (_, i) => `CODE-${String(i + 1).padStart(3, '0')}`));
    const paging = page.getByTestId('held-paging');
    await expect.poll(() => paging.getByRole('button', { name: 'Previous codes' }).getAttribute('aria-disabled')).toBe('true');
    // From the keyboard: Enter on Next pages on, and the focus stays on it, at the last page too.
    await paging.getByRole('button', { name: 'Next codes' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('held-range').textContent()).toBe('Codes 51–100 of 120');
    expect((await imports.heldCodes())[0]).toBe('CODE-051');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('held-range').textContent()).toBe('Codes 101–120 of 120');
    await expect.poll(() => paging.getByRole('button', { name: 'Next codes' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('held-range').textContent()).toBe('Codes 101–120 of 120');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next codes');

    // Typing finds a code (from the first page again); mapping it takes it out of the queue.
    await paging.getByLabel('Find a code').fill('code-117');
    await expect.poll(() => imports.heldCodes()).toEqual(['CODE-117']);
    await expect.poll(() => page.getByTestId('held-range').textContent()).toBe('Codes 1–1 of 1');
    await imports.mapReportCode('CODE-117', 'CABLE-2M');
    await expect.poll(() => page.getByTestId('held-status').textContent()).toBe('CODE-117 mapped: its 1 report rows now count.');
    await expect.poll(() => page.getByTestId('held-range').textContent()).toBe('No code in the queue matches.');
    await paging.getByLabel('Find a code').fill('');
    await expect.poll(() => page.getByTestId('held-range').textContent()).toBe('Codes 1–50 of 119');
    expect(app.pageErrors).toEqual([]);
  });
});
