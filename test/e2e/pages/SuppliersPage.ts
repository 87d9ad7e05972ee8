import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export interface SupplierInput {
  name: string;
  contact?: string;
  currency: string;
  productionDaysMean: string;
  productionDaysSd: string;
  moq: string;
  paymentTerms?: string;
}

/** Column ids of the stock status (VMI) sheet, in the order it prints them. */
const STOCK_STATUS_COLUMNS = ['sku', 'name', 'domestic', 'overseas', 'fba', 'inTransit', 'sold', 'onOrder', 'forecast', 'suggested', 'orderBy'] as const;
export type StockStatusRow = Record<(typeof STOCK_STATUS_COLUMNS)[number], string>;

/** Suppliers (renderer/features/suppliers/Suppliers.tsx) and their stock status sheet. */
export class SuppliersPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('suppliers');
  }

  form(): Locator {
    return this.page.getByRole('form', { name: /^(Add supplier|Edit supplier)$/ });
  }

  async create(supplier: SupplierInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add supplier' });
    await form.locator('input[name="name"]').fill(supplier.name);
    await form.locator('input[name="contact"]').fill(supplier.contact ?? '');
    await form.locator('input[name="currency"]').fill(supplier.currency);
    await form.locator('input[name="productionDaysMean"]').fill(supplier.productionDaysMean);
    await form.locator('input[name="productionDaysSd"]').fill(supplier.productionDaysSd);
    await form.locator('input[name="moq"]').fill(supplier.moq);
    await form.locator('input[name="paymentTerms"]').fill(supplier.paymentTerms ?? '');
    await form.getByRole('button', { name: 'Add supplier' }).click();
  }

  async rows(): Promise<Record<string, string>[]> {
    return this.tableRows('suppliers');
  }

  private row(name: string): Locator {
    return this.page.getByTestId('suppliers-row').filter({ has: this.page.locator('[data-col="name"]', { hasText: name }) });
  }

  /** Opens the stock status sheet of a supplier (a print preview dialog). */
  async openStockStatus(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: 'Stock status' }).click();
  }

  /** The rows of the open stock status sheet, cells keyed by STOCK_STATUS_COLUMNS. */
  async stockStatusRows(): Promise<StockStatusRow[]> {
    const rows = await this.tableRows('vmi');
    // The sheet's PrintTable has no columnIds, so its cells are keyed by position.
    return rows.map((row) => Object.fromEntries(STOCK_STATUS_COLUMNS.map((id, index) => [id, row[String(index)] ?? row[id] ?? ''])) as StockStatusRow);
  }

  async stockStatusRowFor(code: string): Promise<StockStatusRow | undefined> {
    return (await this.stockStatusRows()).find((row) => row.sku === code);
  }

  /** The sheet's note on its forecast and suggested order: where they come from, or why they are blank. */
  stockStatusNote(): Locator {
    return this.page.getByTestId('vmi-plan-note');
  }

  /** Exports the open sheet as CSV (a download in the browser build) and returns its text. */
  async exportStockStatusCsv(): Promise<{ name: string; text: string }> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Export CSV', exact: true }));
  }
}
