// Starting points several browser tests share.
import { expect } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';

/** The app on 2026-03-15 with two SKUs in the catalog: CASE-01 (phone case, 2.50) and CABLE-02 (cable, 1.00). */
export async function openWithCaseAndCable(): Promise<AppSession> {
  const app = await openApp({ today: '2026-03-15' });
  const skus = new SkuCatalogPage(app.page);
  await skus.open();
  await skus.create({ code: 'CASE-01', name: 'Phone case', unitCost: '2.50' });
  await expect.poll(() => skus.codes()).toEqual(['CASE-01']);
  await skus.create({ code: 'CABLE-02', name: 'Cable', unitCost: '1.00' });
  await expect.poll(() => skus.codes()).toEqual(['CABLE-02', 'CASE-01']);
  return app;
}
