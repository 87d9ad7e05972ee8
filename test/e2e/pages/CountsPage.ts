import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

/** The stock counts screen (renderer/features/counts). */
export class CountsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('counts');
  }

  async createAbcPlan(input: { name: string; location: string; abcClass: 'A' | 'B' | 'C' }): Promise<void> {
    await this.page.getByRole('button', { name: 'New plan' }).click();
    const form = this.page.getByRole('form', { name: 'New plan' });
    await form.locator('input[name="planName"]').fill(input.name);
    await form.locator('select[name="planLocation"]').selectOption({ label: input.location });
    await form.locator('select[name="scopeKind"]').selectOption('abc');
    await form.locator('select[name="abcClass"]').selectOption(input.abcClass);
    await form.getByRole('button', { name: 'Save' }).click();
  }

  async editPlanFrequency(plan: string, months: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit: ${plan}` }).click();
    const form = this.page.getByRole('form', { name: `Edit: ${plan}` });
    await form.locator('input[name="frequencyMonths"]').fill(months);
    await form.getByRole('button', { name: 'Save' }).click();
  }

  /** Plan rows, cells keyed by column. */
  async plans(): Promise<Record<string, string>[]> {
    return this.cells(this.page.getByTestId('count-plan'));
  }

  async setBin(input: { location: string; sku: string; bin: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Bins' });
    await form.locator('select[name="binLocation"]').selectOption({ label: input.location });
    await form.locator('input[name="binSku"]').fill(input.sku);
    await form.locator('input[name="bin"]').fill(input.bin);
    await form.getByRole('button', { name: 'Save' }).click();
  }

  async startCount(plan: string, cutoffDate: string): Promise<void> {
    await this.page.locator('input[name="cutoffDate"]').fill(cutoffDate);
    await this.page.getByRole('button', { name: `Start count: ${plan}` }).click();
  }

  detail(): Locator {
    return this.page.getByTestId('count-detail');
  }

  async printSheet(): Promise<void> {
    await this.detail().getByRole('button', { name: 'Print count sheet' }).click();
  }

  private entryForm(): Locator {
    return this.page.getByRole('form', { name: 'Enter counts' });
  }

  /** Types a code and Enter (as a scanner does), then the quantity and Enter — all from the keyboard. */
  async scan(input: { counter: string; code: string; qty: string; recount?: boolean }): Promise<void> {
    const form = this.entryForm();
    const counter = form.locator('input[name="counter"]');
    if ((await counter.inputValue()) !== input.counter) await counter.fill(input.counter);
    if (input.recount) await form.locator('input[name="recount"]').check();
    const code = form.locator('input[name="countCode"]');
    await code.click();
    await this.page.keyboard.type(input.code);
    await this.page.keyboard.press('Enter');
    // Enter on the code moves to the quantity; the next keys land there.
    await form.locator('input[name="countedQty"]:focus').waitFor();
    await this.page.keyboard.type(input.qty);
    await this.page.keyboard.press('Enter');
  }

  entryMessage(): Locator {
    return this.entryForm().getByTestId('status-ok').or(this.entryForm().getByTestId('status-error'));
  }

  async entries(): Promise<string[]> {
    return (await this.page.getByTestId('count-entries-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  hasEntryForm(): Locator {
    return this.entryForm();
  }

  /** Review lines, cells keyed by column. */
  async reviewLines(): Promise<Record<string, string>[]> {
    return this.cells(this.page.getByTestId('count-review-row'));
  }

  async setReason(sku: string, reason: string): Promise<void> {
    await this.page.locator(`select[name="reason-${sku}"]`).selectOption(reason);
  }

  reasonSelects(): Locator {
    return this.detail().locator('select[name^="reason-"]');
  }

  async unknownCodes(): Promise<string[]> {
    return (await this.page.getByTestId('count-unknown').locator('li').allInnerTexts()).map((t) => t.trim());
  }

  async post(): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.detail().getByRole('button', { name: 'Post count' }).click();
  }

  detailMessage(): Locator {
    return this.detail().getByTestId('count-message');
  }

  async status(): Promise<string> {
    return ((await this.page.getByTestId('count-status').textContent()) ?? '').trim();
  }

  async history(): Promise<Record<string, string>[]> {
    return this.cells(this.page.getByTestId('count-history-row'));
  }

  private async cells(rows: Locator): Promise<Record<string, string>[]> {
    return rows.evaluateAll((list) => list.map((row) => Object.fromEntries(Array.from(row.querySelectorAll('[data-col]')).map((cell) => [cell.getAttribute('data-col'), (cell.textContent ?? '').trim()]))));
  }
}
