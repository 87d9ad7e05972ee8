import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export interface PurchaseOrderLineInput {
  sku: string;
  qty: string;
  unitCost: string;
}

export interface PurchaseOrderInput {
  /** Blank for the next number. */
  number?: string;
  orderDate?: string;
  expectedDate?: string;
  lines: PurchaseOrderLineInput[];
}

/** Purchase orders (renderer/features/purchasing/PurchaseOrders.tsx): the list, the form, one PO's detail and its receipt form. */
export class PurchaseOrdersPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('purchasing');
  }

  form(): Locator {
    return this.page.getByTestId('po-form');
  }

  /** Opens the new-PO form (if it is not open yet) and fills it; the form keeps one line row per input line. */
  async fill(order: PurchaseOrderInput): Promise<void> {
    if (!(await this.form().isVisible())) await this.page.getByRole('button', { name: 'New purchase order' }).click();
    const form = this.form();
    if (order.number !== undefined) await form.locator('input[name="number"]').fill(order.number);
    if (order.orderDate) await form.locator('input[name="orderDate"]').fill(order.orderDate);
    if (order.expectedDate) await form.locator('input[name="expectedDate"]').fill(order.expectedDate);
    const lines = form.getByTestId('po-line');
    while ((await lines.count()) < order.lines.length) await form.getByRole('button', { name: 'Add line' }).click();
    while ((await lines.count()) > order.lines.length) await lines.last().getByRole('button', { name: 'Remove line' }).click();
    for (let i = 0; i < order.lines.length; i++) {
      const line = lines.nth(i);
      await line.locator('input[name="lineSku"]').fill(order.lines[i]!.sku);
      await line.locator('input[name="lineQty"]').fill(order.lines[i]!.qty);
      await line.locator('input[name="lineCost"]').fill(order.lines[i]!.unitCost);
    }
  }

  async saveDraft(): Promise<void> {
    await this.form().getByRole('button', { name: 'Save draft' }).click();
  }

  async create(order: PurchaseOrderInput): Promise<void> {
    await this.fill(order);
    await this.saveDraft();
  }

  formError(): Locator {
    return this.form().getByTestId('status-error');
  }

  /** The list of POs, cells keyed by column id (number, supplier, status, orderDate, expectedDate, units, total). */
  async rows(): Promise<Record<string, string>[]> {
    return this.tableRows('pos');
  }

  /** Opens a PO's detail from the list (double click, as Enter on the active row does). */
  async openOrder(number: string): Promise<void> {
    await this.page
      .getByTestId('pos-row')
      .filter({ has: this.page.locator('[data-col="number"]', { hasText: number }) })
      .dblclick();
  }

  detail(): Locator {
    return this.page.getByTestId('po-detail');
  }

  async status(): Promise<string> {
    return ((await this.detail().getByTestId('po-status').textContent()) ?? '').trim();
  }

  /** The detail's lines: sku, qty, received, open, unitPrice. */
  async lines(): Promise<Record<string, string>[]> {
    return this.detail()
      .locator('[data-testid="po-lines"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const cells = Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim());
          return { sku: cells[0] ?? '', qty: cells[1] ?? '', received: cells[2] ?? '', open: cells[3] ?? '', unitPrice: cells[4] ?? '' };
        }),
      );
  }

  async receipts(): Promise<string[]> {
    return (await this.detail().getByTestId('po-receipts').locator('li').allTextContents()).map((text) => text.trim());
  }

  detailOk(): Locator {
    return this.detail().getByTestId('status-ok').first();
  }

  async markSent(): Promise<void> {
    await this.detail().getByRole('button', { name: 'Mark as sent' }).click();
  }

  receiveForm(): Locator {
    return this.page.getByTestId('po-receive');
  }

  /** Receives units per SKU code (codes not given keep the open quantity the form proposes). */
  async receive(input: { date?: string; qty?: Record<string, string>; allowOver?: boolean }): Promise<void> {
    if (!(await this.receiveForm().isVisible())) await this.detail().getByRole('button', { name: 'Receive', exact: true }).click();
    const form = this.receiveForm();
    if (input.date) await form.locator('input[name="receiptDate"]').fill(input.date);
    for (const [code, qty] of Object.entries(input.qty ?? {})) await form.locator(`input[name="receive-${code}"]`).fill(qty);
    await form.locator('input[name="allowOver"]').setChecked(input.allowOver ?? false);
    await form.getByRole('button', { name: /^Receive [\d,]+ units$/ }).click();
  }

  receiveError(): Locator {
    return this.receiveForm().getByTestId('status-error');
  }

  /** Opens the print preview of the PO in English. */
  async printEnglish(): Promise<void> {
    await this.detail().getByRole('button', { name: 'Print (English)' }).click();
  }
}
