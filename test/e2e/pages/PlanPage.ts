import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export type PlanTab = 'ship' | 'buy';

/** Column ids of the ship table: sku, fba, abc, method, demand, onHand, inbound, stockout, shipBy, sea, air, amazon. */
export type ShipRow = Record<string, string>;
/** Column ids of the buy table: sku, supplier, abc, position, orderUpTo, buy, orderBy. */
export type BuyRow = Record<string, string>;

/** A number as the plan tables show it ("1,234", "—" or blank → NaN). */
export const planNumber = (text: string | undefined): number => (text === undefined || text.trim() === '' || text.trim() === '—' ? Number.NaN : Number(text.replace(/,/g, '')));

/** The replenishment plan (renderer/features/plan/Plan.tsx): summary, what-if, ship and buy tables, explanation and chart. */
export class PlanPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('plan');
  }

  summary(): Locator {
    return this.page.getByTestId('plan-summary');
  }

  async summaryText(): Promise<string> {
    return ((await this.summary().textContent()) ?? '').trim();
  }

  /**
   * Waits until a plan has been computed ("… (planned in N ms)." or, when the worker kept it from an
   * earlier run under the same inputs, "… (planned in N ms; nothing it reads has changed since).") and
   * returns the summary's counts.
   */
  async waitForPlan(timeout = 30_000): Promise<{ lines: number; ship: number; buy: number; ms: number; kept: boolean }> {
    const pattern = /^([\d,]+) SKU × marketplace lines: ([\d,]+) to ship, ([\d,]+) to buy \(planned in ([\d,]+) ms(; nothing it reads has changed since)?\)\.$/;
    const started = Date.now();
    for (;;) {
      const match = pattern.exec(await this.summaryText());
      if (match) {
        const [lines, ship, buy, ms] = match.slice(1, 5).map((n) => Number(n!.replace(/,/g, ''))) as [number, number, number, number];
        return { lines, ship, buy, ms, kept: match[5] !== undefined };
      }
      if (Date.now() - started > timeout) throw new Error(`no plan after ${timeout} ms; summary: ${await this.summaryText()}`);
      await this.page.waitForTimeout(50);
    }
  }

  async showTab(tab: PlanTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab === 'ship' ? 'Ship to FBA' : 'Buy' }).click();
  }

  table(tab: PlanTab): Locator {
    return this.page.getByTestId(`plan-${tab}`);
  }

  rowLocator(tab: PlanTab): Locator {
    return this.page.getByTestId(`plan-${tab}-row`);
  }

  /** The rows the table has rendered (it is virtualized: the visible ones), cells keyed by column id. */
  async rows(tab: PlanTab): Promise<Record<string, string>[]> {
    await this.rowLocator(tab).first().waitFor();
    return this.tableRows(`plan-${tab}`);
  }

  /** Sorts a table by a column's header button (twice for descending). */
  async sortBy(tab: PlanTab, header: string, descending = false): Promise<void> {
    const button = this.table(tab).getByRole('columnheader', { name: new RegExp(`^${header}`) }).getByRole('button');
    await button.click();
    if (descending) await button.click();
  }

  /** Opens the explanation of the rendered row at `position` (double click, as Enter on the active row does). */
  async explainRow(tab: PlanTab, position: number): Promise<void> {
    await this.rowLocator(tab).nth(position).dblclick();
  }

  detail(): Locator {
    return this.page.getByTestId('plan-detail');
  }

  async detailTitle(): Promise<string> {
    return ((await this.detail().getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
  }

  /** The explanation table: figure → { value, how }. */
  async explanation(): Promise<Record<string, { value: string; how: string }>> {
    return this.detail()
      .getByTestId('plan-explanation')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((row) => [
            (row.querySelector('th')?.textContent ?? '').trim(),
            { value: (row.querySelectorAll('td')[0]?.textContent ?? '').trim(), how: (row.querySelectorAll('td')[1]?.textContent ?? '').trim() },
          ]),
        ),
      );
  }

  chart(): Locator {
    return this.detail().getByTestId('plan-chart');
  }

  demandChart(): Locator {
    return this.detail().getByTestId('plan-demand-chart');
  }

  /** The text a screen reader reads after a chart's name: the element its aria-describedby names. */
  async chartDescription(chart: Locator): Promise<string> {
    const id = await chart.getAttribute('aria-describedby');
    return ((await this.page.locator(`[id="${id}"]`).textContent()) ?? '').trim();
  }

  whatIfForm(): Locator {
    return this.page.getByRole('form', { name: 'What if' });
  }

  /** Fills the what-if form (blank fields stay as they are) and runs it. */
  async runWhatIf(input: { delayDays?: string; upliftPercent?: string; from?: string; to?: string }): Promise<void> {
    const form = this.whatIfForm();
    if (input.delayDays !== undefined) await form.locator('input[name="delayDays"]').fill(input.delayDays);
    if (input.upliftPercent !== undefined) await form.locator('input[name="upliftPercent"]').fill(input.upliftPercent);
    if (input.from !== undefined) await form.locator('input[name="upliftFrom"]').fill(input.from);
    if (input.to !== undefined) await form.locator('input[name="upliftTo"]').fill(input.to);
    await form.getByRole('button', { name: 'Run what-if' }).click();
  }

  async backToPlan(): Promise<void> {
    await this.whatIfForm().getByRole('button', { name: 'Back to the plan' }).click();
  }

  /** The plan's status line (what-if result, drafts created, or an error), '' while there is none; does not wait. */
  async statusText(): Promise<string> {
    return (await this.page.locator('main [data-testid="status-ok"], main [data-testid="status-error"]').allTextContents()).join(' ').trim();
  }

  eventsPanel(): Locator {
    return this.page.getByRole('region', { name: 'Demand events' });
  }

  /** Adds a demand event with the keyboard: types into each field, submits with Enter. */
  async addEvent(input: { name: string; from: string; to: string; upliftPercent: string; marketplace?: string; sku?: string }): Promise<void> {
    const form = this.eventsPanel().getByRole('form', { name: 'Add event' });
    await form.getByLabel('Name').fill(input.name);
    await form.getByLabel('From').fill(input.from);
    await form.getByLabel('To').fill(input.to);
    if (input.marketplace !== undefined) await form.getByLabel('Marketplace').selectOption(input.marketplace);
    if (input.sku !== undefined) await form.getByLabel('SKU').fill(input.sku);
    await form.getByLabel('Demand change (%)').fill(input.upliftPercent);
    await form.getByLabel('Demand change (%)').press('Enter');
  }

  /** The listed events: name, from, to, change, marketplace, SKU. */
  async events(): Promise<string[][]> {
    if ((await this.eventsPanel().getByTestId('plan-events').count()) === 0) return [];
    return this.eventsPanel()
      .getByTestId('plan-events')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 6).map((td) => (td.textContent ?? '').trim())));
  }

  async deleteEvent(name: string): Promise<void> {
    await this.eventsPanel().getByRole('button', { name: `Delete event ${name}` }).click();
  }

  ratesPanel(): Locator {
    return this.page.getByRole('region', { name: 'Your forecasts' });
  }

  /** Saves the seller's own forecast with the keyboard: types into each field, submits with Enter. */
  async setRate(input: { sku: string; marketplace: string; unitsPerDay: string; until?: string }): Promise<void> {
    const form = this.ratesPanel().getByRole('form', { name: 'Save forecast' });
    await form.getByLabel('SKU').fill(input.sku);
    await form.getByLabel('Marketplace').selectOption(input.marketplace);
    await form.getByLabel('Until').fill(input.until ?? '');
    await form.getByLabel('Units per day').fill(input.unitsPerDay);
    await form.getByLabel('Units per day').press('Enter');
  }

  /** The listed forecasts: SKU, marketplace, units per day, until, status. */
  async rates(): Promise<string[][]> {
    if ((await this.ratesPanel().getByTestId('plan-rates').count()) === 0) return [];
    return this.ratesPanel()
      .getByTestId('plan-rates')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 5).map((td) => (td.textContent ?? '').trim())));
  }

  /** Downloads the forecasts list as CSV. */
  async exportRates(): Promise<{ name: string; text: string }> {
    return this.downloadFrom(this.ratesPanel().getByRole('button', { name: 'Export forecasts (CSV)' }));
  }

  /** Picks `file` in the forecasts panel's import dialog. */
  async importRates(file: { name: string; text: string }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.ratesPanel().getByRole('button', { name: 'Import CSV…' }).click();
    await (await chooser).setFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text, 'utf8') });
  }

  settingsForm(): Locator {
    return this.page.getByRole('form', { name: 'Service levels and FBA capacity' });
  }

  /** Fills the plan settings (fields left out stay as they are) and saves with Enter. */
  async saveSettings(input: { A?: string; B?: string; C?: string; floorDays?: string; capacity?: Record<string, string>; cubicFeet?: Record<string, Record<string, string>> }): Promise<void> {
    const form = this.settingsForm();
    if (input.floorDays !== undefined) await form.locator('input[name="fbaFloorDays"]').fill(input.floorDays);
    for (const abc of ['A', 'B', 'C'] as const) {
      const value = input[abc];
      if (value !== undefined) await form.getByLabel(`Service level, class ${abc} (%)`).fill(value);
    }
    for (const [location, units] of Object.entries(input.capacity ?? {})) await form.getByLabel(`Capacity at ${location} (units)`).fill(units);
    // location → storage type as labelled (e.g. Standard-size) → cubic feet
    for (const [location, byType] of Object.entries(input.cubicFeet ?? {})) {
      for (const [type, cubicFeet] of Object.entries(byType)) await form.getByLabel(`Capacity at ${location}, ${type} (cubic feet)`).fill(cubicFeet);
    }
    await form.getByLabel('Service level, class A (%)').press('Enter');
  }

  overrideSelect(): Locator {
    return this.detail().getByLabel('Forecast method');
  }

  async createDrafts(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create PO drafts' }).click();
  }

  async printReorderList(): Promise<void> {
    await this.page.getByRole('button', { name: 'Print reorder list' }).click();
  }

  async printShipmentPlan(): Promise<void> {
    await this.page.getByRole('button', { name: 'Print shipment plan' }).click();
  }

  /** Exports the open tab's list as CSV; its file name and text, as the browser fallback downloads it. */
  async exportCsv(): Promise<{ name: string; text: string }> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Export CSV' }));
  }
}
