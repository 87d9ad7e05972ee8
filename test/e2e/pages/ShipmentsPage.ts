import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export interface ShipmentLineInput {
  sku: string;
  qty: string;
  casePack?: string;
  cartons?: string;
}

export interface ShipmentInput {
  from: string;
  to: string;
  mode?: string;
  shipDate?: string;
  eta?: string;
  carrier?: string;
  tracking?: string;
  fbaShipmentId?: string;
  lines: ShipmentLineInput[];
  freight?: string;
  duties?: string;
  fees?: string;
  basis?: 'units' | 'weight' | 'volume';
}

/** Shipments (renderer/features/shipments/Shipments.tsx): the form, in transit, the list and one shipment's detail. */
export class ShipmentsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('shipments');
  }

  form(): Locator {
    return this.page.getByTestId('shipment-form');
  }

  /** Opens the new-shipment form (if it is not open yet) and fills it. */
  async fill(input: ShipmentInput): Promise<void> {
    if (!(await this.form().isVisible())) await this.page.getByRole('button', { name: 'New shipment' }).click();
    const form = this.form();
    await form.locator('select[name="from"]').selectOption({ label: input.from });
    await form.locator('select[name="to"]').selectOption({ label: input.to });
    if (input.mode) await form.locator('select[name="mode"]').selectOption(input.mode);
    if (input.shipDate) await form.locator('input[name="shipDate"]').fill(input.shipDate);
    if (input.eta !== undefined) await form.locator('input[name="eta"]').fill(input.eta);
    if (input.carrier !== undefined) await form.locator('input[name="carrier"]').fill(input.carrier);
    if (input.tracking !== undefined) await form.locator('input[name="trackingNumber"]').fill(input.tracking);
    if (input.fbaShipmentId !== undefined) await form.locator('input[name="fbaShipmentId"]').fill(input.fbaShipmentId);
    const lines = form.getByTestId('shipment-line');
    while ((await lines.count()) < input.lines.length) await form.getByRole('button', { name: 'Add line' }).click();
    for (let i = 0; i < input.lines.length; i++) {
      const line = lines.nth(i);
      await line.locator('input[name="lineSku"]').fill(input.lines[i]!.sku);
      await line.locator('input[name="lineQty"]').fill(input.lines[i]!.qty);
      if (input.lines[i]!.casePack !== undefined) await line.locator('input[name="lineCasePack"]').fill(input.lines[i]!.casePack!);
      if (input.lines[i]!.cartons !== undefined) await line.locator('input[name="lineCartons"]').fill(input.lines[i]!.cartons!);
    }
    if (input.freight !== undefined) await form.locator('input[name="freight"]').fill(input.freight);
    if (input.duties !== undefined) await form.locator('input[name="duties"]').fill(input.duties);
    if (input.fees !== undefined) await form.locator('input[name="fees"]').fill(input.fees);
    if (input.basis) await form.locator('select[name="basis"]').selectOption(input.basis);
  }

  async ship(): Promise<void> {
    await this.form().getByRole('button', { name: 'Ship' }).click();
  }

  async create(input: ShipmentInput): Promise<void> {
    await this.fill(input);
    await this.ship();
  }

  formError(): Locator {
    return this.form().getByTestId('status-error');
  }

  /** What is in transit per SKU and destination: sku, to, units, eta, delay, refs. */
  async inTransit(): Promise<Record<string, string>[]> {
    return this.tableRows('in-transit');
  }

  async inTransitEmptyText(): Promise<string> {
    return ((await this.page.getByTestId('in-transit').locator('.data-table__empty').textContent()) ?? '').trim();
  }

  /** Every shipment: ref, route, mode, shipDate, eta, status, delay, units. */
  async shipments(): Promise<Record<string, string>[]> {
    return this.tableRows('shipments');
  }

  async openShipment(ref: string): Promise<void> {
    await this.page
      .getByTestId('shipments-row')
      .filter({ has: this.page.locator('[data-col="ref"]', { hasText: new RegExp(`^${ref}$`) }) })
      .dblclick();
  }

  detail(): Locator {
    return this.page.getByTestId('shipment-detail');
  }

  async status(): Promise<string> {
    return ((await this.detail().getByTestId('shipment-status').textContent()) ?? '').trim();
  }

  delayed(): Locator {
    return this.detail().getByTestId('shipment-delayed');
  }

  /** The detail's lines: sku, shipped, received, cartons, landedPerUnit. */
  async lines(): Promise<Record<string, string>[]> {
    return this.detail()
      .locator('[data-testid="shipment-lines"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const cells = Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim());
          return { sku: cells[0] ?? '', shipped: cells[1] ?? '', received: cells[2] ?? '', cartons: cells[3] ?? '', landedPerUnit: cells[4] ?? '' };
        }),
      );
  }

  async discrepancies(): Promise<string[]> {
    return (await this.detail().getByTestId('discrepancy').allTextContents()).map((text) => text.trim());
  }

  detailOk(): Locator {
    return this.detail().getByTestId('status-ok').first();
  }

  receiveForm(): Locator {
    return this.page.getByTestId('shipment-receive');
  }

  /** Receives units per SKU code; `close` (ticked by default in the form) closes the shipment, writing off what did not arrive. */
  async receive(input: { date?: string; qty?: Record<string, string>; close?: boolean; allowOver?: boolean }): Promise<void> {
    if (!(await this.receiveForm().isVisible())) await this.detail().getByRole('button', { name: 'Receive', exact: true }).click();
    const form = this.receiveForm();
    if (input.date) await form.locator('input[name="receiptDate"]').fill(input.date);
    for (const [code, qty] of Object.entries(input.qty ?? {})) await form.locator(`input[name="receive-${code}"]`).fill(qty);
    await form.locator('input[name="close"]').setChecked(input.close ?? true);
    await form.locator('input[name="allowOver"]').setChecked(input.allowOver ?? false);
    await form.getByRole('button', { name: 'Receive', exact: true }).click();
  }

  receiveError(): Locator {
    return this.receiveForm().getByTestId('status-error');
  }

  /** The lead-times panel (LeadTimesPanel.tsx). */
  leadTimes(): Locator {
    return this.page.getByRole('region', { name: 'Lead times' });
  }

  /** Handling per origin location: location, yours, planUses. */
  async handlingRows(): Promise<Record<string, string>[]> {
    return this.tableRows('lead-times-handling');
  }

  /** Receiving per destination: location, yours, planUses. */
  async receivingRows(): Promise<Record<string, string>[]> {
    return this.tableRows('lead-times-receiving');
  }

  /** Transport per route and mode: route, mode, learned, yours, planUses. */
  async routeRows(): Promise<Record<string, string>[]> {
    return this.tableRows('lead-times');
  }

  /** The days input of a row, by what it is about ("handling at Domestic warehouse", "Domestic warehouse → FBA US (Sea)"). */
  legInput(what: string, which: 'mean' | 'sd'): Locator {
    return this.leadTimes().getByLabel(which === 'mean' ? `Average days, ${what}` : `Standard deviation (days), ${what}`, { exact: true });
  }

  /** Types a row's days and presses its own Save button. */
  async setLegDays(what: string, mean: string, sd: string): Promise<void> {
    await this.legInput(what, 'mean').fill(mean);
    await this.legInput(what, 'sd').fill(sd);
    await this.leadTimes().getByRole('button', { name: `Save ${what}`, exact: true }).click();
  }

  async clearLegDays(what: string): Promise<void> {
    await this.leadTimes().getByRole('button', { name: `Clear ${what}`, exact: true }).click();
  }

  /** Sets a route's default (with or without a shipment on it) in the "Default for a route" form; `mode` is the label shown ("Sea"). */
  async addRouteDefault(input: { from: string; to: string; mode: string; mean: string; sd: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Default for a route' });
    await form.locator('select[name="newRouteFrom"]').selectOption({ label: input.from });
    await form.locator('select[name="newRouteTo"]').selectOption({ label: input.to });
    await form.locator('select[name="newRouteMode"]').selectOption({ label: input.mode });
    await form.locator('input[name="newRouteMean"]').fill(input.mean);
    await form.locator('input[name="newRouteSd"]').fill(input.sd);
    await form.getByRole('button', { name: `Save ${input.from} → ${input.to} (${input.mode})`, exact: true }).click();
  }

  leadTimesOk(): Locator {
    return this.leadTimes().getByTestId('status-ok');
  }

  leadTimesError(): Locator {
    return this.leadTimes().getByTestId('status-error');
  }

  /** Opens the print preview of the shipment's packing list. */
  async printPackingList(): Promise<void> {
    await this.detail().getByRole('button', { name: 'Packing list', exact: true }).click();
  }
}
