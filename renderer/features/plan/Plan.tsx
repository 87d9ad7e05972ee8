// The replenishment plan: what to ship to each FBA marketplace (sea, and air for the bridge) and
// what to buy from each supplier, with the dates, the projected stockout, every number explained,
// a what-if, PO drafts in one click, and printable / CSV reorder lists and shipment plans.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { dayNumber, isoFromDay } from '../../../shared/dates';
import { toCsv } from '../../../shared/csv';
import type { BuyLine, ShipLine } from '../../../shared/planning/plan';
import { db } from '../../db';
import { callLedger } from '../../db/ledgerClient';
import { requestPlan } from '../../db/planClient';
import type { PlanDetail, PlanRequest, PlanResult } from '../../db/planning';
import { createDraftsFromPlan, PlanDraftError } from '../../db/purchasing';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { PrintHeader, PrintPreview, PrintTable } from '../../components/print/PrintPreview';
import { desktop } from '../../desktop';
import { useById, useLedgerState, useLocations, usePlanInputsKey, useSkus, useSuppliers } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';
import { BuyExplanation, ShipExplanation } from './Explanation';
import { PlanChart } from './PlanChart';
import { parseWhatIf, whatIfChanges } from './whatIf';
import type { WhatIfChanges, WhatIfProblem } from './whatIf';
import { DemandEvents, ForecastOverride, ForecastRates, LineForecastRate, PlanSettingsPanel } from './PlanInputs';
import { Tabs } from '../../components/Tabs';

type Tab = 'ship' | 'buy';
const PLAN_TABS: readonly Tab[] = ['ship', 'buy'];
const dateOf = (day: number) => (Number.isFinite(day) ? isoFromDay(day) : '');

export function Plan() {
  const { t, language, describe } = useT();
  const skus = useById(useSkus());
  const suppliers = useById(useSuppliers());
  const locations = useById(useLocations());
  const state = useLedgerState();
  // The plan reruns when what it reads changes.
  const changes = usePlanInputsKey();
  const [result, setResult] = useState<PlanResult | null>(null);
  // The what-if shown, with the request that made it (the line chart asks the worker for the same)
  // and how it differs from the plan (made once per run; a new plan clears the what-if).
  const [whatIfRun, setWhatIfRun] = useState<{ result: PlanResult; request: NonNullable<PlanRequest['whatIf']>; changes: WhatIfChanges } | null>(null);
  const whatIf = whatIfRun?.result ?? null;
  const [status, setStatus] = useState<Status>(null);
  const runWhatIfButton = useRef<HTMLButtonElement>(null);
  const [tab, setTab] = useState<Tab>('ship');
  // The line whose explanation is open, by what it is (a replan can add or drop lines before it, so
  // a position would open another line's explanation without a word).
  const [selected, setSelected] = useState<{ tab: 'ship'; skuId: number; locationId: number } | { tab: 'buy'; skuId: number } | null>(null);
  const [printing, setPrinting] = useState<'reorder' | 'shipments' | null>(null);
  const [whatIfDraft, setWhatIfDraft] = useState({ delayDays: '', percent: '', from: today(), to: today() });
  const [whatIfProblem, setWhatIfProblem] = useState<WhatIfProblem['field'] | null>(null);
  // With a what-if shown: only the lines it makes stock out (its point), or every line.
  const [onlyCaused, setOnlyCaused] = useState(true);
  const asOf = today();

  useEffect(() => {
    if (state === undefined || changes === undefined) return;
    let live = true;
    requestPlan({ today: asOf, planInputsKey: changes }).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setWhatIfRun(null);
      },
      (error: unknown) => live && setStatus({ kind: 'error', text: describe(error) }),
    );
    return () => {
      live = false;
    };
  }, [asOf, state?.version, changes]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = whatIf ?? result;
  const whatIfDiff = whatIfRun?.changes ?? null;
  const shipRows = useMemo(() => {
    const rows = (shown?.plan.ship ?? []).map((line, index) => ({ line, index }));
    return whatIfDiff && onlyCaused ? rows.filter((r) => whatIfDiff.caused.has(r.index)) : rows;
  }, [shown, whatIfDiff, onlyCaused]);
  const buyRows = useMemo(() => (shown?.plan.buy ?? []).map((line, index) => ({ line, index })).filter((r) => r.line.buyQty > 0 || r.line.networkPosition < r.line.reorderPoint), [shown]);

  // Where the selected line is in the plan (lines keep their order in a what-if); −1: gone.
  const selectedIndex = useMemo(() => {
    if (!selected || !result) return -1;
    if (selected.tab === 'ship') return result.plan.ship.findIndex((l) => l.skuId === selected.skuId && l.locationId === selected.locationId);
    return result.plan.buy.findIndex((l) => l.skuId === selected.skuId);
  }, [selected, result]);
  // The chart of the selected ship line, from the plan the worker keeps (under the what-if when one is shown).
  const detailKey = selected?.tab === 'ship' && tab === 'ship' && result && selectedIndex >= 0 ? `${selectedIndex}@${result.today}@${result.timings.computeMs}@${whatIfRun ? JSON.stringify(whatIfRun.request) : ''}` : null;
  const [detailState, setDetailState] = useState<{ key: string; detail: PlanDetail | null } | null>(null);
  useEffect(() => {
    if (!detailKey) return;
    let live = true;
    void callLedger('planDetail', { index: selectedIndex, ...(whatIfRun ? { whatIf: whatIfRun.request } : {}) }).then((d) => live && setDetailState({ key: detailKey, detail: d }));
    return () => {
      live = false;
    };
  }, [detailKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const detail = detailState?.key === detailKey ? detailState.detail : null;

  const code = (skuId: number) => skus.get(skuId)?.code ?? `#${skuId}`;
  const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString(language, { maximumFractionDigits: digits }) : '—');
  const shipColumns: Column<{ line: ShipLine; index: number }>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (r) => code(r.line.skuId), sortValue: (r) => code(r.line.skuId) },
    { id: 'fba', header: t('plan.destination'), width: '7rem', cell: (r) => locations.get(r.line.locationId)?.name ?? r.line.marketplace },
    { id: 'abc', header: t('plan.abc'), width: '3.5rem', cell: (r) => r.line.abc, sortValue: (r) => r.line.abc },
    { id: 'method', header: t('plan.method'), width: '7rem', cell: (r) => (Number.isFinite(r.line.rateOverride) ? t('plan.method.yours') : t(`plan.method.${r.line.method}`)) },
    { id: 'demand', header: t('plan.perDay'), width: '6rem', align: 'end', cell: (r) => num(r.line.dailyDemand, 2), sortValue: (r) => r.line.dailyDemand },
    { id: 'onHand', header: t('plan.onHand'), width: '6rem', align: 'end', cell: (r) => num(r.line.onHand), sortValue: (r) => r.line.onHand },
    { id: 'inbound', header: t('plan.inbound'), width: '6rem', align: 'end', cell: (r) => num(r.line.inboundUnits), sortValue: (r) => r.line.inboundUnits },
    { id: 'stockout', header: t('plan.stockout'), width: '7.5rem', cell: (r) => dateOf(r.line.stockoutDay), sortValue: (r) => (Number.isFinite(r.line.stockoutDay) ? r.line.stockoutDay : Infinity) },
    ...(whatIfDiff
      ? [{ id: 'stockoutInPlan', header: t('plan.stockoutInPlan'), width: '7.5rem', cell: (r: { index: number }) => dateOf(whatIfDiff.planStockoutDay[r.index]!), sortValue: (r: { index: number }) => (Number.isFinite(whatIfDiff.planStockoutDay[r.index]) ? whatIfDiff.planStockoutDay[r.index]! : Infinity) }]
      : []),
    // The first date anything of the line must leave: from home, or from its 3PL.
    { id: 'shipBy', header: t('plan.shipBy'), width: '7.5rem', cell: (r) => dateOf(firstShipBy(r.line)), sortValue: (r) => firstShipBy(r.line) },
    { id: 'sea', header: t('plan.shipSea'), width: '5.5rem', align: 'end', cell: (r) => num(r.line.shipSea), sortValue: (r) => r.line.shipSea },
    { id: 'air', header: t('plan.shipAir'), width: '5.5rem', align: 'end', cell: (r) => num(r.line.shipAir), sortValue: (r) => r.line.shipAir },
    // Only lines a 3PL near their FBA location can ship to show a figure: blank means no such 3PL holds the SKU.
    { id: 'near', header: t('plan.shipNear'), width: '6rem', align: 'end', cell: (r) => (Number.isNaN(r.line.nearLocationId) ? '' : num(r.line.shipNear)), sortValue: (r) => r.line.shipNear },
    { id: 'amazon', header: t('plan.amazon'), width: '6rem', align: 'end', cell: (r) => (r.line.amazonRecommendedUnits === null ? '' : num(r.line.amazonRecommendedUnits)) },
  ];
  const buyColumns: Column<{ line: BuyLine; index: number }>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (r) => code(r.line.skuId), sortValue: (r) => code(r.line.skuId) },
    { id: 'supplier', header: t('po.supplier'), width: 'minmax(8rem, 1fr)', cell: (r) => (r.line.supplierId === null ? t('plan.noSupplier') : (suppliers.get(r.line.supplierId)?.name ?? '')) },
    { id: 'abc', header: t('plan.abc'), width: '3.5rem', cell: (r) => r.line.abc },
    { id: 'position', header: t('plan.position'), width: '7rem', align: 'end', cell: (r) => num(r.line.networkPosition), sortValue: (r) => r.line.networkPosition },
    { id: 'orderUpTo', header: t('plan.orderUpTo'), width: '7rem', align: 'end', cell: (r) => num(r.line.orderUpTo), sortValue: (r) => r.line.orderUpTo },
    { id: 'buy', header: t('plan.buyQty'), width: '6rem', align: 'end', cell: (r) => num(r.line.buyQty), sortValue: (r) => r.line.buyQty },
    { id: 'stockout', header: t('plan.stockout'), width: '7.5rem', cell: (r) => dateOf(r.line.stockoutDay), sortValue: (r) => (Number.isFinite(r.line.stockoutDay) ? r.line.stockoutDay : Infinity) },
    { id: 'orderBy', header: t('plan.orderBy'), width: '7.5rem', cell: (r) => dateOf(r.line.orderByDay), sortValue: (r) => (Number.isFinite(r.line.orderByDay) ? r.line.orderByDay : Infinity) },
  ];

  const runWhatIf = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseWhatIf(whatIfDraft);
    if ('problem' in parsed) {
      const { problem } = parsed;
      setWhatIfProblem(problem.field);
      setStatus({ kind: 'error', text: problem.field === 'delayDays' ? t('plan.whatIfBadDelay', { value: problem.value }) : problem.field === 'percent' ? t('plan.whatIfBadPercent', { value: problem.value }) : t('plan.whatIfBadDates') });
      // The keyboard goes back to the field to correct.
      const input = event.currentTarget instanceof HTMLFormElement ? event.currentTarget.elements.namedItem(problem.field === 'delayDays' ? 'delayDays' : problem.field === 'percent' ? 'upliftPercent' : 'upliftTo') : null;
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    setWhatIfProblem(null);
    try {
      const r = await requestPlan({ today: asOf, whatIf: parsed.request });
      const changes = whatIfChanges(result?.plan.ship ?? [], r.plan.ship, dayNumber(asOf));
      setWhatIfRun({ result: r, request: parsed.request, changes });
      const out = r.plan.ship.filter((l) => Number.isFinite(l.stockoutDay)).length;
      setStatus({ kind: 'ok', text: t('plan.whatIfDone', { caused: changes.caused.size, bridged: changes.bridged, stockouts: out }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  // Per plan, not per render: the groupings below are kept while the plan stays the same. Printed and
  // exported lists are of the plan shown (a what-if's when one is shown, labelled as such); PO drafts
  // are only ever made from the plan itself.
  const toBuy = useMemo(() => (shown?.plan.buy ?? []).filter((l) => l.buyQty > 0), [shown]);
  const planToBuy = useMemo(() => (result?.plan.buy ?? []).filter((l) => l.buyQty > 0), [result]);
  const bySupplier = useMemo(() => {
    const groups = new Map<number | null, BuyLine[]>();
    for (const l of toBuy) groups.set(l.supplierId, [...(groups.get(l.supplierId) ?? []), l]);
    return groups;
  }, [toBuy]);
  const toShip = useMemo(() => (shown?.plan.ship ?? []).filter((l) => l.shipSea + l.shipAir + l.shipNear > 0), [shown]);
  const planToShipCount = useMemo(() => (result?.plan.ship ?? []).filter((l) => l.shipSea + l.shipAir + l.shipNear > 0).length, [result]);
  // What a printed what-if says it is (its delay and its demand change), and an exported one's file name.
  const whatIfMeta: [string, string][] = whatIfRun ? [[t('plan.whatIf'), describeWhatIf(whatIfRun.request, t)]] : [];
  const fileSuffix = whatIfRun ? '-what-if' : '';
  // One shipment plan per origin and destination (each becomes its own inbound shipment): from home by
  // sea and air, from a 3PL near the destination by its own route; most urgent first.
  const byRoute = useMemo(() => shipmentPlans(toShip), [toShip]);
  const supplierName = (supplierId: number | null) => (supplierId === null ? t('plan.noSupplier') : (suppliers.get(supplierId)?.name ?? ''));

  const [drafting, setDrafting] = useState(false);
  // All suppliers' drafts in one transaction, or none. A supplier whose draft from the plan is still
  // open is skipped (the plan does not count drafts as on order, so drafting it again would order
  // twice); one with a SKU that has no price in its currency (no exchange rate, no earlier PO) gets no
  // draft rather than a guessed price, and the message names the SKU and the missing rate.
  const createDrafts = async () => {
    if (!result || drafting) return;
    setDrafting(true);
    try {
      const outcome = await createDraftsFromPlan(db, { planDate: result.today, note: t('plan.draftNote'), lines: planToBuy.map((l) => ({ skuId: l.skuId, supplierId: l.supplierId, qty: l.buyQty })) });
      if (outcome.noWarehouse) {
        setStatus({ kind: 'error', text: t('plan.draftsNoWarehouse') });
        return;
      }
      const unpricedBySupplier = new Map<string, typeof outcome.unpriced>();
      for (const u of outcome.unpriced) unpricedBySupplier.set(u.supplier, [...(unpricedBySupplier.get(u.supplier) ?? []), u]);
      const sentences = [
        t('plan.draftsCreated', { count: outcome.created.length }),
        ...(outcome.skipped.length > 0 ? [t('plan.draftsSkipped', { count: outcome.skipped.length, numbers: outcome.skipped.map((s) => s.number).join(', ') })] : []),
        ...[...unpricedBySupplier].map(([supplier, skus]) =>
          t('plan.draftsUnpriced', { supplier, skus: skus.map((u) => u.sku).join(', '), skuCurrency: [...new Set(skus.map((u) => u.skuCurrency))].join('/'), currency: skus[0]!.currency, date: result.today }),
        ),
        ...(outcome.pricedFromLastOrder.length > 0 ? [t('plan.draftsLastPrice', { count: outcome.pricedFromLastOrder.length, skus: outcome.pricedFromLastOrder.join(', ') })] : []),
        ...(outcome.withoutSupplier > 0 ? [t('plan.draftsNoSupplier', { count: outcome.withoutSupplier })] : []),
      ];
      setStatus({ kind: outcome.unpriced.length > 0 ? 'error' : 'ok', text: sentences.join(' ') });
    } catch (error) {
      if (error instanceof PlanDraftError) {
        const params = { supplier: error.supplier, sku: error.sku ?? '', reason: describe(error.reason) };
        setStatus({ kind: 'error', text: error.sku ? t('plan.draftsFailedSku', params) : t('plan.draftsFailed', params) });
      } else setStatus({ kind: 'error', text: describe(error) });
    } finally {
      setDrafting(false);
    }
  };

  // The open tab's list: the shipment plan (every ship line) or the reorder list (what to buy, by supplier).
  const exportCsv = async () => {
    if (tab === 'buy') {
      const header = [t('po.supplier'), t('field.sku'), t('field.name'), t('plan.buyQty'), t('field.casePack'), t('field.moq'), t('plan.orderBy'), t('plan.stockout')];
      const rows = [...bySupplier].flatMap(([supplierId, lines]) => lines.map((l) => [supplierName(supplierId), code(l.skuId), skus.get(l.skuId)?.name ?? '', l.buyQty, l.casePack, l.moq, dateOf(l.orderByDay), dateOf(l.stockoutDay)]));
      await desktop.saveFile({ suggestedName: `stockpilot-reorder-list-${asOf}${fileSuffix}.csv`, contents: toCsv(header, rows), filters: [{ name: 'CSV', extensions: ['csv'] }] });
      return;
    }
    const header = [t('field.sku'), t('plan.destination'), t('plan.abc'), t('plan.perDay'), t('plan.onHand'), t('plan.inbound'), t('plan.stockout'), t('plan.shipBy'), t('plan.shipSea'), t('plan.shipAir'), t('plan.nearOrigin'), t('plan.shipNear'), t('plan.nearShipBy'), t('plan.amazon')];
    const rows = (shown?.plan.ship ?? []).map((l) => {
      const near = Number.isNaN(l.nearLocationId) ? null : l;
      return [code(l.skuId), locations.get(l.locationId)?.name ?? l.marketplace, l.abc, l.dailyDemand.toFixed(2), l.onHand, l.inboundUnits, dateOf(l.stockoutDay), dateOf(l.shipByDay), l.shipSea, l.shipAir, near ? (locations.get(near.nearLocationId)?.name ?? '') : '', near ? near.shipNear : '', near ? dateOf(near.nearShipByDay) : '', l.amazonRecommendedUnits ?? ''];
    });
    await desktop.saveFile({ suggestedName: `stockpilot-shipment-plan-${asOf}${fileSuffix}.csv`, contents: toCsv(header, rows), filters: [{ name: 'CSV', extensions: ['csv'] }] });
  };

  // A line's explanation shows under its own tab.
  const selectedShip = selected?.tab === 'ship' && tab === 'ship' && selectedIndex >= 0 ? shown?.plan.ship[selectedIndex] : undefined;
  const selectedBuy = selected?.tab === 'buy' && tab === 'buy' && selectedIndex >= 0 ? shown?.plan.buy[selectedIndex] : undefined;
  const detailTitle = selectedShip ? `${code(selectedShip.skuId)} · ${locations.get(selectedShip.locationId)?.name ?? selectedShip.marketplace}` : selectedBuy ? code(selectedBuy.skuId) : null;

  return (
    <section aria-labelledby="plan-title">
      <h1 id="plan-title">{t('plan.title')}</h1>
      <p className="muted" data-testid="plan-summary">
        {result
          ? t(result.kept ? 'plan.summaryKept' : 'plan.summary', { lines: result.plan.ship.length, ship: planToShipCount, buy: planToBuy.length, ms: Math.round(result.timings.readMs + result.timings.historyMs + result.timings.inputsMs + result.timings.computeMs) })
          : t('plan.running')}
      </p>
      <StatusLine status={status} />
      <form className="panel" onSubmit={runWhatIf} aria-label={t('plan.whatIf')}>
        <h2>{t('plan.whatIf')}</h2>
        <div className="form-grid">
          <Field label={t('plan.delayDays')}>{(id) => <input id={id} name="delayDays" inputMode="numeric" aria-invalid={whatIfProblem === 'delayDays'} value={whatIfDraft.delayDays} onChange={(e) => setWhatIfDraft({ ...whatIfDraft, delayDays: e.target.value })} />}</Field>
          <Field label={t('plan.upliftPercent')}>{(id) => <input id={id} name="upliftPercent" inputMode="decimal" aria-invalid={whatIfProblem === 'percent'} value={whatIfDraft.percent} onChange={(e) => setWhatIfDraft({ ...whatIfDraft, percent: e.target.value })} />}</Field>
          <Field label={t('report.from')}>{(id) => <input id={id} name="upliftFrom" type="date" aria-invalid={whatIfProblem === 'dates'} value={whatIfDraft.from} onChange={(e) => setWhatIfDraft({ ...whatIfDraft, from: e.target.value })} />}</Field>
          <Field label={t('report.to')}>{(id) => <input id={id} name="upliftTo" type="date" aria-invalid={whatIfProblem === 'dates'} value={whatIfDraft.to} onChange={(e) => setWhatIfDraft({ ...whatIfDraft, to: e.target.value })} />}</Field>
          <button ref={runWhatIfButton} type="submit" className="btn" disabled={!result}>
            {t('plan.runWhatIf')}
          </button>
          {whatIf ? (
            <>
              <label>
                <input type="checkbox" name="onlyCaused" checked={onlyCaused} onChange={(e) => setOnlyCaused(e.target.checked)} /> {t('plan.whatIfOnlyCaused')}
              </label>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setWhatIfRun(null);
                  // The what-if's message goes with it, and this button: the focus goes to Run what-if.
                  setStatus(null);
                  runWhatIfButton.current?.focus();
                }}
              >
                {t('plan.backToPlan')}
              </button>
            </>
          ) : null}
        </div>
      </form>
      <DemandEvents />
      <ForecastRates />
      <PlanSettingsPanel />
      <div className="toolbar">
        <Tabs label={t('plan.title')} names={PLAN_TABS} selected={tab} onSelect={setTab} text={(name) => t(`plan.tab.${name}`)} idPrefix="plan" />
        <button type="button" className="btn" onClick={() => void createDrafts()} disabled={planToBuy.length === 0 || drafting || whatIf !== null} title={whatIf ? t('plan.draftsNotFromWhatIf') : undefined}>
          {t('plan.createDrafts')}
        </button>
        {whatIf ? <span className="muted">{t('plan.draftsNotFromWhatIf')}</span> : null}
        <button type="button" className="btn" onClick={() => setPrinting('reorder')} disabled={!result}>
          {t('plan.printReorder')}
        </button>
        <button type="button" className="btn" onClick={() => setPrinting('shipments')} disabled={!result}>
          {t('plan.printShipments')}
        </button>
        <button type="button" className="btn" onClick={() => void exportCsv()} disabled={!result}>
          {t('common.exportCsv')}
        </button>
      </div>
      <div role="tabpanel" id={`plan-panel-${tab}`} aria-labelledby={`plan-tab-${tab}`}>
        {tab === 'ship' ? (
          <DataTable label={t('plan.tab.ship')} testId="plan-ship" rows={shipRows} columns={shipColumns} rowKey={(r) => r.index} onActivate={(r) => setSelected({ tab: 'ship', skuId: r.line.skuId, locationId: r.line.locationId })} emptyText={whatIfDiff && onlyCaused ? t('plan.whatIfNoneCaused') : result ? t('plan.nothing') : t('plan.running')} height="45vh" />
        ) : (
          <DataTable label={t('plan.tab.buy')} testId="plan-buy" rows={buyRows} columns={buyColumns} rowKey={(r) => r.index} onActivate={(r) => setSelected({ tab: 'buy', skuId: r.line.skuId })} emptyText={result ? t('plan.nothing') : t('plan.running')} height="45vh" />
        )}
      </div>
      {/* The explanation opens below the table, where the focus is not: a screen reader is told. */}
      <div className="visually-hidden" aria-live="polite" data-testid="plan-detail-announce">
        {detailTitle ? t('plan.explainShown', { line: detailTitle }) : ''}
      </div>
      {selectedShip ? (
        <article className="panel" aria-label={t('plan.explain')} data-testid="plan-detail">
          <h2>{detailTitle}</h2>
          <ShipExplanation line={selectedShip} nearName={locations.get(selectedShip.nearLocationId)?.name ?? ''} {...(detail ? { weekdayIndex: detail.weekdayIndex } : {})} />
          <ForecastOverride skuId={selectedShip.skuId} />
          <LineForecastRate key={`${selectedShip.skuId}|${selectedShip.marketplace}`} skuId={selectedShip.skuId} code={code(selectedShip.skuId)} marketplace={selectedShip.marketplace} planPerDay={result?.plan.ship[selectedIndex]?.dailyDemand ?? selectedShip.dailyDemand} />
          {detail ? <PlanChart detail={detail} line={selectedShip} /> : null}
        </article>
      ) : null}
      {selectedBuy ? (
        <article className="panel" aria-label={t('plan.explain')} data-testid="plan-detail">
          <h2>{detailTitle}</h2>
          <BuyExplanation line={selectedBuy} />
          <ForecastOverride skuId={selectedBuy.skuId} />
        </article>
      ) : null}
      {printing === 'reorder' ? (
        <PrintPreview title={t('plan.reorderList')} fileName={`reorder-list-${asOf}${fileSuffix}.pdf`} onClose={() => setPrinting(null)}>
          {[...bySupplier].map(([supplierId, lines]) => (
            <section key={String(supplierId)} className="print-section">
              <PrintHeader title={`${t('plan.reorderList')} · ${supplierName(supplierId)}`} meta={[[t('vmi.asOf'), asOf], ...whatIfMeta]} />
              <PrintTable
                testId="reorder-list"
                header={[t('field.sku'), t('field.name'), t('plan.buyQty'), t('field.casePack'), t('field.moq'), t('plan.orderBy'), t('plan.stockout')]}
                align={['start', 'start', 'end', 'end', 'end', 'start', 'start']}
                // The name takes what the codes, numbers and dates leave (56 mm of 186).
                widths={['30mm', undefined, '20mm', '16mm', '16mm', '24mm', '24mm']}
                rows={lines.map((l) => [code(l.skuId), skus.get(l.skuId)?.name ?? '', l.buyQty.toLocaleString(language), String(l.casePack), String(l.moq), dateOf(l.orderByDay), dateOf(l.stockoutDay)])}
              />
            </section>
          ))}
        </PrintPreview>
      ) : null}
      {printing === 'shipments' ? (
        <PrintPreview title={t('plan.shipmentPlan')} fileName={`shipment-plan-${asOf}${fileSuffix}.pdf`} onClose={() => setPrinting(null)}>
          {byRoute.map((group) => {
            const name = locations.get(group.locationId)?.name ?? group.lines[0]!.marketplace;
            const title = group.fromNear === null ? `${t('plan.shipmentPlan')} · ${name}` : `${t('plan.shipmentPlan')} · ${locations.get(group.fromNear)?.name ?? ''} → ${name}`;
            if (group.fromNear !== null) {
              const units = group.lines.reduce((sum, l) => sum + l.shipNear, 0);
              return (
                <section key={group.key} className="print-section">
                  <PrintHeader title={title} meta={[[t('vmi.asOf'), asOf], ...whatIfMeta, [t('plan.shipNear'), units.toLocaleString(language)]]} />
                  <PrintTable
                    testId="shipment-plan"
                    header={[t('field.sku'), t('field.name'), t('plan.shipNear'), t('field.casePack'), t('plan.shipBy'), t('plan.stockout')]}
                    align={['start', 'start', 'end', 'end', 'start', 'start']}
                    widths={['30mm', undefined, '20mm', '16mm', '24mm', '24mm']}
                    rows={group.lines.map((l) => [code(l.skuId), skus.get(l.skuId)?.name ?? '', l.shipNear.toLocaleString(language), String(skus.get(l.skuId)?.casePack ?? ''), dateOf(l.nearShipByDay), dateOf(l.stockoutDay)])}
                  />
                </section>
              );
            }
            const sea = group.lines.reduce((sum, l) => sum + l.shipSea, 0);
            const air = group.lines.reduce((sum, l) => sum + l.shipAir, 0);
            return (
              <section key={group.key} className="print-section">
                <PrintHeader
                  title={title}
                  meta={[
                    [t('vmi.asOf'), asOf],
                    ...whatIfMeta,
                    [t('plan.shipSea'), sea.toLocaleString(language)],
                    [t('plan.shipAir'), air.toLocaleString(language)],
                  ]}
                />
                <PrintTable
                  testId="shipment-plan"
                  header={[t('field.sku'), t('field.name'), t('plan.shipSea'), t('plan.shipAir'), t('field.casePack'), t('plan.shipBy'), t('plan.stockout')]}
                  align={['start', 'start', 'end', 'end', 'end', 'start', 'start']}
                  widths={['30mm', undefined, '18mm', '16mm', '16mm', '24mm', '24mm']}
                  rows={group.lines.map((l) => [code(l.skuId), skus.get(l.skuId)?.name ?? '', l.shipSea.toLocaleString(language), l.shipAir.toLocaleString(language), String(skus.get(l.skuId)?.casePack ?? ''), dateOf(l.shipByDay), dateOf(l.stockoutDay)])}
                />
              </section>
            );
          })}
        </PrintPreview>
      ) : null}
    </section>
  );
}

/** The first of a line's ship-by days (home's, its 3PL's); Infinity when it ships nothing. */
function firstShipBy(line: ShipLine): number {
  const home = Number.isFinite(line.shipByDay) ? line.shipByDay : Infinity;
  const near = Number.isFinite(line.nearShipByDay) ? line.nearShipByDay : Infinity;
  return Math.min(home, near);
}

/**
 * The shipment plans the plan's lines make: one per destination from home (lines with sea or air),
 * then one per 3PL and destination (lines with units from that 3PL); each most urgent first.
 */
export function shipmentPlans(lines: readonly ShipLine[]): { key: string; locationId: number; fromNear: number | null; lines: ShipLine[] }[] {
  const groups = new Map<string, { key: string; locationId: number; fromNear: number | null; lines: ShipLine[] }>();
  const add = (key: string, locationId: number, fromNear: number | null, line: ShipLine) => {
    const group = groups.get(key);
    if (group) group.lines.push(line);
    else groups.set(key, { key, locationId, fromNear, lines: [line] });
  };
  for (const l of lines) if (l.shipSea + l.shipAir > 0) add(`home>${l.locationId}`, l.locationId, null, l);
  for (const l of lines) if (l.shipNear > 0) add(`${l.nearLocationId}>${l.locationId}`, l.locationId, l.nearLocationId, l);
  const urgency = (l: ShipLine, near: boolean) => {
    const day = near ? l.nearShipByDay : l.shipByDay;
    return Number.isFinite(day) ? day : Infinity;
  };
  for (const group of groups.values()) group.lines.sort((a, b) => urgency(a, group.fromNear !== null) - urgency(b, group.fromNear !== null));
  return [...groups.values()];
}

/** A what-if in words, for the lists printed or exported under it: its delay, its demand change. */
function describeWhatIf(request: NonNullable<PlanRequest['whatIf']>, t: ReturnType<typeof useT>['t']): string {
  const parts: string[] = [];
  if (request.delayDays) parts.push(t('plan.whatIfDelayed', { days: request.delayDays }));
  if (request.uplift) parts.push(t('plan.whatIfUplifted', { percent: request.uplift.percent, from: request.uplift.from, to: request.uplift.to }));
  return parts.length > 0 ? parts.join('; ') : t('plan.whatIfNoChange');
}
