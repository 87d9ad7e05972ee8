// Lead-time defaults before the first shipment (PRODUCT §3): a new seller sets the handling days at
// the domestic warehouse and a sea route to FBA US, sees both listed with the figure the plan uses,
// is told exactly which field a bad entry is in (nothing saved), and clears a default again.
import { afterEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { LocationsPage } from './pages/LocationsPage';
import { ShipmentsPage } from './pages/ShipmentsPage';

const HANDLING = 'handling at Domestic warehouse';
const SEA_TO_US = 'Domestic warehouse → FBA US (Sea)';

let app: AppSession;

afterEach(async () => {
  await app?.close();
});

describe('lead-time defaults', () => {
  test('a route default before any shipment and a handling default are listed with the figure the plan uses', async () => {
    app = await openApp({ today: '2026-03-15' });
    const locations = new LocationsPage(app.page);
    await locations.open();
    await locations.createFba('FBA US', 'US');
    await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');

    const shipments = new ShipmentsPage(app.page);
    await shipments.open();
    expect(await shipments.shipments()).toEqual([]);
    await expect.poll(() => shipments.leadTimes().getByTestId('lead-times-none').textContent()).toBe('No route yet. Set a sea or air default below before your first shipment.');
    // Nothing set: the standard figures, told apart from the seller's.
    await expect.poll(() => shipments.handlingRows()).toEqual([expect.objectContaining({ location: 'Domestic warehouse', yours: '—', planUses: '2 ± 1 days, standard figure' })]);
    await expect.poll(() => shipments.receivingRows()).toEqual([expect.objectContaining({ location: 'FBA US', yours: '—', planUses: '7 ± 3 days, standard figure' })]);

    // A slip of the keyboard: refused, naming the field and the value; the field is marked and focused; nothing saved.
    await shipments.setLegDays(HANDLING, '300', '800');
    await expect.poll(() => shipments.leadTimesError().textContent()).toBe(`Standard deviation (days), ${HANDLING}: “800” must be from 0 to 730.`);
    expect(await shipments.legInput(HANDLING, 'sd').getAttribute('aria-invalid')).toBe('true');
    expect(await shipments.legInput(HANDLING, 'mean').getAttribute('aria-invalid')).toBe('false');
    expect(await shipments.legInput(HANDLING, 'sd').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await shipments.handlingRows()).toEqual([expect.objectContaining({ yours: '—', planUses: '2 ± 1 days, standard figure' })]);

    await shipments.setLegDays(HANDLING, '3', '1');
    await expect.poll(() => shipments.leadTimesOk().textContent()).toBe(`Saved ${HANDLING}: 3 ± 1 days.`);
    await expect.poll(() => shipments.handlingRows()).toEqual([expect.objectContaining({ location: 'Domestic warehouse', yours: '3 ± 1 days', planUses: '3 ± 1 days, set by you' })]);
    expect(await shipments.legInput(HANDLING, 'sd').getAttribute('aria-invalid')).toBe('false');

    // A sea route to FBA US with no shipment on it yet.
    await shipments.addRouteDefault({ from: 'Domestic warehouse', to: 'FBA US', mode: 'Sea', mean: '30', sd: '4' });
    await expect.poll(() => shipments.leadTimesOk().textContent()).toBe(`Saved ${SEA_TO_US}: 30 ± 4 days.`);
    await expect.poll(() => shipments.routeRows()).toEqual([
      expect.objectContaining({ route: 'Domestic warehouse → FBA US', mode: 'Sea', learned: '—', yours: '30 ± 4 days', planUses: '30 ± 4 days, set by you' }),
    ]);
    // Its row has its own Save, named after the route.
    expect(await app.page.getByTestId('lead-times-row').getByRole('button', { name: `Save ${SEA_TO_US}`, exact: true }).count()).toBe(1);

    // Saved in the database: still there after a reload.
    await app.page.reload();
    await shipments.open();
    await expect.poll(() => shipments.routeRows()).toEqual([expect.objectContaining({ route: 'Domestic warehouse → FBA US', mode: 'Sea', yours: '30 ± 4 days' })]);
    await expect.poll(() => shipments.handlingRows()).toEqual([expect.objectContaining({ yours: '3 ± 1 days', planUses: '3 ± 1 days, set by you' })]);

    // Cleared: the standard figure again.
    await shipments.clearLegDays(HANDLING);
    await expect.poll(() => shipments.leadTimesOk().textContent()).toBe(`Cleared ${HANDLING}.`);
    await expect.poll(() => shipments.handlingRows()).toEqual([expect.objectContaining({ yours: '—', planUses: '2 ± 1 days, standard figure' })]);
  });
});
