// Today's report freshness (shared/dashboard/attention.ts) dates a report by the period its file
// covered (the batch's periodEnd), not by the last movement it posted; imports stored before the
// period was kept fall back to their last movement's day.
import { describe, expect, test } from 'vitest';
import { attentionOf, reportDataEnd, STALE_DATA_DAYS } from '../../shared/dashboard/attention';
import type { AttentionInput, ImportedReport } from '../../shared/dashboard/attention';
import { addDays } from '../../shared/dates';

const TODAY = '2026-11-27';
const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA';
const empty: AttentionInput = { today: TODAY, shipments: [], purchaseOrders: [], plan: null, countPlans: [], imports: [] };
const freshnessOf = (imports: ImportedReport[]) => attentionOf({ ...empty, imports }).freshness;

describe('reportDataEnd', () => {
  test.each([
    { name: 'the period end when the file covers past its last movement', report: { lastDate: '2026-11-10', periodEnd: '2026-11-26' }, end: '2026-11-26' },
    { name: 'the last movement’s day for an import stored without a period end', report: { lastDate: '2026-11-10' }, end: '2026-11-10' },
    { name: 'never earlier than the last day the batch holds', report: { lastDate: '2026-11-20', periodEnd: '2026-11-18' }, end: '2026-11-20' },
  ])('$name', ({ report, end }) => {
    expect(reportDataEnd(report)).toBe(end);
  });
});

describe('report freshness by the period a file covered', () => {
  test('a ledger file that reaches yesterday is fresh though its last posted movement is 12 days old', () => {
    const lastMovement = addDays(TODAY, -12);
    expect(freshnessOf([{ reportKind: LEDGER, lastDate: lastMovement, periodEnd: addDays(TODAY, -1), importedOn: TODAY }])).toEqual([
      { reportKind: LEDGER, lastDataDate: addDays(TODAY, -1), importedOn: TODAY, daysOld: 1, stale: false },
    ]);
  });

  test('the same batch stored before the period end was kept is dated by its last movement, as before', () => {
    const lastMovement = addDays(TODAY, -12);
    expect(freshnessOf([{ reportKind: LEDGER, lastDate: lastMovement, importedOn: TODAY }])).toEqual([
      { reportKind: LEDGER, lastDataDate: lastMovement, importedOn: TODAY, daysOld: 12, stale: true },
    ]);
  });

  test('the newest of several imports of a kind is the one whose file reaches furthest, old batches and new side by side', () => {
    const imports: ImportedReport[] = [
      // An old import (no period end) whose last movement is 5 days old…
      { reportKind: LEDGER, lastDate: addDays(TODAY, -5), importedOn: addDays(TODAY, -5) },
      // …and a newer file with nothing new after 20 days ago but rows up to 2 days ago.
      { reportKind: LEDGER, lastDate: addDays(TODAY, -20), periodEnd: addDays(TODAY, -2), importedOn: addDays(TODAY, -1) },
    ];
    expect(freshnessOf(imports)).toEqual([{ reportKind: LEDGER, lastDataDate: addDays(TODAY, -2), importedOn: addDays(TODAY, -1), daysOld: 2, stale: false }]);
  });

  test('a file whose period itself ended the stale threshold ago is stale', () => {
    const [row] = freshnessOf([{ reportKind: LEDGER, lastDate: addDays(TODAY, -30), periodEnd: addDays(TODAY, -STALE_DATA_DAYS), importedOn: TODAY }]);
    expect(row).toMatchObject({ daysOld: STALE_DATA_DAYS, stale: true });
  });
});
