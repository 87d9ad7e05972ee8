import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class MovementsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('movements');
  }

  form(name: string): Locator {
    return this.page.getByRole('form', { name });
  }

  async receive(input: { sku: string; location: string; qty: string; unitCost: string; date?: string }): Promise<void> {
    await this.page.getByRole('tab', { name: 'Receipt' }).click();
    const form = this.form('Receipt');
    if (input.date) await form.locator('input[name="date"]').fill(input.date);
    await form.locator('input[name="sku"]').fill(input.sku);
    await form.locator('select[name="location"]').selectOption({ label: input.location });
    await form.locator('input[name="qty"]').fill(input.qty);
    await form.locator('input[name="unitCost"]').fill(input.unitCost);
    await form.getByRole('button', { name: 'Post' }).click();
  }

  async adjust(input: { sku: string; location: string; qty: string; reason: string; date?: string }): Promise<void> {
    await this.page.getByRole('tab', { name: 'Adjustment' }).click();
    const form = this.form('Adjustment');
    if (input.date) await form.locator('input[name="date"]').fill(input.date);
    await form.locator('input[name="sku"]').fill(input.sku);
    await form.locator('select[name="location"]').selectOption({ label: input.location });
    await form.locator('input[name="qty"]').fill(input.qty);
    await form.locator('select[name="reason"]').selectOption(input.reason);
    await form.getByRole('button', { name: 'Post' }).click();
  }

  /** Records a sale, customer return or return to a supplier on its own tab ('Sale', 'Customer return', 'Return to supplier'). */
  async recordSaleOrReturn(tab: 'Sale' | 'Customer return' | 'Return to supplier', input: { sku: string; location: string; qty: string; ref?: string; channel?: string; note?: string; date?: string }): Promise<void> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
    const form = this.form(tab);
    if (input.date) await form.locator('input[name="date"]').fill(input.date);
    await form.locator('input[name="sku"]').fill(input.sku);
    await form.locator('select[name="location"]').selectOption({ label: input.location });
    await form.locator('input[name="qty"]').fill(input.qty);
    if (input.ref !== undefined) await form.locator('input[name="ref"]').fill(input.ref);
    if (input.channel !== undefined) await form.locator('input[name="channel"]').fill(input.channel);
    if (input.note !== undefined) await form.locator('input[name="note"]').fill(input.note);
    await form.getByRole('button', { name: 'Post' }).click();
  }

  /** The names of the locations a form's location list offers (its "Choose…" left out). */
  async locationChoices(tab: string): Promise<string[]> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
    const options = await this.form(tab).locator('select[name="location"] option').allTextContents();
    return options.slice(1);
  }

  async ship(input: { from: string; to: string; lines: { sku: string; qty: string }[]; date?: string }): Promise<void> {
    await this.page.getByRole('tab', { name: 'Transfer' }).click();
    const form = this.form('Transfer');
    if (input.date) await form.locator('input[name="shipDate"]').fill(input.date);
    await form.locator('select[name="from"]').selectOption({ label: input.from });
    await form.locator('select[name="to"]').selectOption({ label: input.to });
    for (let i = 0; i < input.lines.length; i++) {
      if (i > 0) await form.getByRole('button', { name: 'Add line' }).click();
      const line = form.getByTestId('transfer-line').nth(i);
      await line.locator('input[name="lineSku"]').fill(input.lines[i]!.sku);
      await line.locator('input[name="lineQty"]').fill(input.lines[i]!.qty);
    }
    await form.getByRole('button', { name: 'Ship' }).click();
  }

  openShipments(): Locator {
    return this.page.getByTestId('open-shipment');
  }

  async receiveShipment(ref: string, date?: string): Promise<void> {
    const row = this.page.locator(`[data-testid="open-shipment"][data-ref="${ref}"]`);
    if (date) await row.locator('input[type="date"]').fill(date);
    await row.getByRole('button', { name: `Receive ${ref}` }).click();
  }

  /** Reverses the one movement of the list whose row shows these texts, accepting the confirmation. */
  async reverseRowWith(...texts: string[]): Promise<void> {
    const row = texts.reduce((rows, text) => rows.filter({ hasText: text }), this.page.getByTestId('ledger-row'));
    this.page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /^Reverse #/ }).click();
  }

  async ledgerRowCount(): Promise<number> {
    return this.page.getByTestId('ledger-row').count();
  }
}
