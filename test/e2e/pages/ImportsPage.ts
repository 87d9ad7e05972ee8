import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class ImportsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('imports');
  }

  /** Drops files onto the window as a seller dragging them from the file manager would. */
  async drop(files: { name: string; bytes: Buffer }[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, data: [...f.bytes] }));
    const transfer = await this.page.evaluateHandle((items) => {
      const dt = new DataTransfer();
      for (const item of items) dt.items.add(new File([new Uint8Array(item.data)], item.name));
      return dt;
    }, payload);
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  }

  card(fileName: string): Locator {
    return this.page.locator(`[data-testid="import-file"][data-file="${fileName}"]`).first();
  }

  async fact(fileName: string, testId: string): Promise<string> {
    return ((await this.card(fileName).getByTestId(testId).textContent()) ?? '').trim();
  }

  async apply(fileName: string): Promise<void> {
    await this.card(fileName).getByRole('button', { name: 'Apply' }).click();
  }

  /** The first line of the import history: file name, report kind and outcome. */
  async historyLines(): Promise<string[]> {
    return (await this.page.getByTestId('import-batch').allTextContents()).map((text) => text.trim());
  }

  async cardStatus(fileName: string): Promise<string> {
    return ((await this.card(fileName).getByTestId('status-ok').or(this.card(fileName).getByTestId('status-error')).textContent()) ?? '').trim();
  }

  heldRow(code: string): Locator {
    return this.page.locator(`[data-testid="held-code"][data-code="${code}"]`);
  }

  /** Codes in the unmapped queue, in the order shown. */
  async heldCodes(): Promise<string[]> {
    return this.page.getByTestId('held-code').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
  }

  /** Opens the queue's "Create SKU" form of a held code from the keyboard (Tab to the button, Enter) and returns it. */
  async openCreateSku(code: string): Promise<Locator> {
    const toggle = this.heldRow(code).getByRole('button', { name: `Create SKU for ${code}`, exact: true });
    await toggle.focus();
    await this.page.keyboard.press('Enter');
    return this.heldRow(code).getByRole('form', { name: `New SKU for ${code} (US)` });
  }

  /** The form's fields as the seller sees them, by label. */
  async createSkuFields(form: Locator): Promise<Record<string, string>> {
    const fields: Record<string, string> = {};
    for (const label of ['SKU code', 'Name', 'Unit cost', 'Cost currency']) fields[label] = await form.getByLabel(label, { exact: true }).inputValue();
    return fields;
  }

  /** Where a queued code's rows came from, as shown beside it ("All Orders: 1 rows"). */
  async heldSources(code: string): Promise<string> {
    return ((await this.heldRow(code).getByTestId('held-sources').textContent()) ?? '').trim();
  }

  /** Maps a code only reports name (nothing held to post) to an existing SKU from the queue. */
  async mapReportCode(code: string, skuCode: string): Promise<void> {
    const row = this.heldRow(code);
    await row.locator('input[name="heldSku"]').fill(skuCode);
    await row.getByRole('button', { name: `Map ${code}`, exact: true }).click();
  }

  async mapHeld(code: string, skuCode: string): Promise<void> {
    const row = this.page.locator(`[data-testid="held-code"][data-code="${code}"]`);
    await row.locator('input[name="heldSku"]').fill(skuCode);
    await row.getByRole('button', { name: `Map ${code} and post`, exact: true }).click();
  }
}
