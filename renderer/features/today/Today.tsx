// Today: what needs the seller now (PRODUCT §3's delayed shipments, §6's overstock and understock
// lists). A row of counts on top, each a link to its list; each list opens its own screen on Enter,
// and exports to CSV. The plan's lists wait for the plan; the rest show at once.
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { ACTION_WINDOW_DAYS, excessValueMinor, STALE_DATA_DAYS, STOCKOUT_WINDOW_DAYS } from '../../../shared/dashboard/attention';
import type { CountDueItem, DelayedShipment, LatePurchaseOrder, OrderToPlace, ReportFreshness, ShipmentToSend, StockoutAhead } from '../../../shared/dashboard/attention';
import type { AnalysisRow } from '../../../shared/analysis';
import { shipmentRef } from '../../../shared/ledger/postings';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { StatusLine } from '../../components/Form';
import { useById, useLocations, useSettings, useSkus, useSuppliers } from '../../app/hooks';
import { formatValue } from '../../app/format';
import { minorToAmountNumber } from '../../../shared/money';
import { today } from '../../app/clock';
import { useUi } from '../../app/store';
import type { Screen } from '../../app/store';
import { reportKindLabel, useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useToday } from './useToday';

type ListId = 'delayed' | 'latePo' | 'orders' | 'ship' | 'stockouts' | 'counts' | 'understock' | 'overstock' | 'freshness';

export function Today() {
  const { t, language, describe } = useT();
  const go = useUi((s) => s.go);
  const asOf = today();
  const { view, error } = useToday(asOf);
  const skus = useById(useSkus());
  const suppliers = useById(useSuppliers());
  const locations = useById(useLocations());
  const currency = useSettings().baseCurrency;
  const headings = useRef(new Map<ListId, HTMLHeadingElement>());

  const num = (value: number) => value.toLocaleString(language, { maximumFractionDigits: 0 });
  const code = (skuId: number) => skus.get(skuId)?.code ?? `#${skuId}`;
  const place = (locationId: number) => locations.get(locationId)?.name ?? `#${locationId}`;
  const supplier = (id: number | null) => (id === null ? t('plan.noSupplier') : (suppliers.get(id)?.name ?? `#${id}`));
  const stockoutPlace = (r: StockoutAhead) => (r.locationId === null ? t('today.ownWarehouses') : place(r.locationId));
  // What bridges the stockout: air first (it is what the seller pays for), else a 3PL's shipment landing in time.
  const bridgeText = (r: StockoutAhead) => (r.airPlanned ? t('today.airPlannedYes') : r.nearPlanned ? t('today.nearPlannedYes') : '');
  const when = (daysLeft: number) => (daysLeft <= 0 ? t('today.when.today') : t('today.when.inDays', { days: daysLeft }));

  const skuColumn = <Row extends { skuId: number }>(): Column<Row> => ({ id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (r) => code(r.skuId), sortValue: (r) => skus.get(r.skuId)?.codeKey ?? '', csv: (r) => code(r.skuId) });
  const abcColumn = <Row extends { abc: string }>(): Column<Row> => ({ id: 'abc', header: t('plan.abc'), width: '5rem', cell: (r) => r.abc, sortValue: (r) => r.abc, csv: (r) => r.abc });
  const whenColumn = <Row extends { daysLeft: number }>(id: string, header: MessageKey, date: (row: Row) => string): Column<Row> => ({
    id,
    header: t(header),
    width: '12rem',
    cell: (r) => `${date(r)} · ${when(r.daysLeft)}`,
    sortValue: (r) => r.daysLeft,
    csv: (r) => date(r),
  });
  const daysLeftColumn = <Row extends { daysLeft: number }>(): Column<Row> => ({ id: 'daysLeft', header: t('today.daysLeft'), width: '6rem', align: 'end', cell: (r) => num(r.daysLeft), sortValue: (r) => r.daysLeft, csv: (r) => r.daysLeft });

  const delayedColumns: Column<DelayedShipment>[] = [
    { id: 'ref', header: t('shipments.ref'), width: '7rem', cell: (r) => shipmentRef(r.shipmentId), sortValue: (r) => r.shipmentId, csv: (r) => shipmentRef(r.shipmentId) },
    { id: 'route', header: t('shipments.route'), width: 'minmax(12rem, 2fr)', cell: (r) => `${place(r.fromLocationId)} → ${place(r.toLocationId)}`, csv: (r) => `${place(r.fromLocationId)} → ${place(r.toLocationId)}` },
    { id: 'eta', header: t('shipments.eta'), width: '7.5rem', cell: (r) => r.eta, sortValue: (r) => r.eta, csv: (r) => r.eta },
    { id: 'daysLate', header: t('today.daysLate'), width: '6rem', align: 'end', cell: (r) => <span className="status--error">{num(r.daysLate)}</span>, sortValue: (r) => r.daysLate, csv: (r) => r.daysLate },
    { id: 'units', header: t('today.openUnits'), width: '7rem', align: 'end', cell: (r) => num(r.openUnits), sortValue: (r) => r.openUnits, csv: (r) => r.openUnits },
    { id: 'reference', header: t('today.tracking'), width: 'minmax(8rem, 1fr)', cell: (r) => r.reference, csv: (r) => r.reference },
  ];
  const latePoColumns: Column<LatePurchaseOrder>[] = [
    { id: 'number', header: t('po.number'), width: '9rem', cell: (r) => r.number, sortValue: (r) => r.number, csv: (r) => r.number },
    { id: 'supplier', header: t('field.supplier'), width: 'minmax(10rem, 2fr)', cell: (r) => supplier(r.supplierId), sortValue: (r) => supplier(r.supplierId), csv: (r) => supplier(r.supplierId) },
    { id: 'expected', header: t('po.expectedDate'), width: '8rem', cell: (r) => r.expectedDate, sortValue: (r) => r.expectedDate, csv: (r) => r.expectedDate },
    { id: 'daysLate', header: t('today.daysLate'), width: '6rem', align: 'end', cell: (r) => <span className="status--error">{num(r.daysLate)}</span>, sortValue: (r) => r.daysLate, csv: (r) => r.daysLate },
    { id: 'units', header: t('today.openUnits'), width: '7rem', align: 'end', cell: (r) => num(r.openUnits), sortValue: (r) => r.openUnits, csv: (r) => r.openUnits },
  ];
  const orderColumns: Column<OrderToPlace>[] = [
    skuColumn(),
    abcColumn(),
    { id: 'supplier', header: t('field.supplier'), width: 'minmax(10rem, 2fr)', cell: (r) => supplier(r.supplierId), sortValue: (r) => supplier(r.supplierId), csv: (r) => supplier(r.supplierId) },
    { id: 'qty', header: t('plan.buyQty'), width: '6rem', align: 'end', cell: (r) => num(r.buyQty), sortValue: (r) => r.buyQty, csv: (r) => r.buyQty },
    whenColumn('orderBy', 'plan.orderBy', (r) => r.orderBy),
    daysLeftColumn(),
  ];
  const shipColumns: Column<ShipmentToSend>[] = [
    skuColumn(),
    abcColumn(),
    { id: 'to', header: t('plan.destination'), width: 'minmax(8rem, 1fr)', cell: (r) => place(r.locationId), sortValue: (r) => place(r.locationId), csv: (r) => place(r.locationId) },
    { id: 'sea', header: t('plan.shipSea'), width: '5rem', align: 'end', cell: (r) => (r.seaUnits > 0 ? num(r.seaUnits) : ''), sortValue: (r) => r.seaUnits, csv: (r) => r.seaUnits },
    { id: 'air', header: t('plan.shipAir'), width: '5rem', align: 'end', cell: (r) => (r.airUnits > 0 ? num(r.airUnits) : ''), sortValue: (r) => r.airUnits, csv: (r) => r.airUnits },
    // A 3PL's shipment names the 3PL it leaves from; home's (sea, air) leave these blank.
    { id: 'near', header: t('plan.shipNear'), width: '5.5rem', align: 'end', cell: (r) => (r.nearUnits > 0 ? num(r.nearUnits) : ''), sortValue: (r) => r.nearUnits, csv: (r) => r.nearUnits },
    { id: 'from', header: t('plan.nearOrigin'), width: 'minmax(7rem, 1fr)', cell: (r) => (r.fromLocationId === null ? '' : place(r.fromLocationId)), sortValue: (r) => (r.fromLocationId === null ? '' : place(r.fromLocationId)), csv: (r) => (r.fromLocationId === null ? '' : place(r.fromLocationId)) },
    whenColumn('shipBy', 'plan.shipBy', (r) => r.shipBy),
    daysLeftColumn(),
  ];
  const stockoutColumns: Column<StockoutAhead>[] = [
    skuColumn(),
    abcColumn(),
    { id: 'at', header: t('field.location'), width: 'minmax(8rem, 1fr)', cell: (r) => stockoutPlace(r), sortValue: stockoutPlace, csv: stockoutPlace },
    { id: 'onHand', header: t('plan.onHand'), width: '6rem', align: 'end', cell: (r) => num(r.onHand), sortValue: (r) => r.onHand, csv: (r) => r.onHand },
    {
      id: 'stockout',
      header: t('plan.stockout'),
      width: '12rem',
      cell: (r) => (r.outNow ? <span className="status--error">{t('today.outNow')}</span> : `${r.stockout} · ${when(r.daysLeft)}`),
      // An empty shelf first, then the soonest.
      sortValue: (r) => (r.outNow ? -1 : r.daysLeft),
      csv: (r) => (r.outNow ? t('today.outNow') : r.stockout),
    },
    daysLeftColumn(),
    { id: 'air', header: t('today.airPlanned'), width: '8rem', cell: (r) => bridgeText(r), sortValue: (r) => (r.airPlanned ? 2 : r.nearPlanned ? 1 : 0), csv: bridgeText },
  ];
  const countColumns: Column<CountDueItem>[] = [
    { id: 'plan', header: t('field.planName'), width: 'minmax(10rem, 2fr)', cell: (r) => r.name, sortValue: (r) => r.name, csv: (r) => r.name },
    { id: 'at', header: t('field.location'), width: 'minmax(8rem, 1fr)', cell: (r) => place(r.locationId), sortValue: (r) => place(r.locationId), csv: (r) => place(r.locationId) },
    { id: 'dueOn', header: t('counts.dueOn'), width: '8rem', cell: (r) => r.due.dueOn, sortValue: (r) => r.due.dueOn, csv: (r) => r.due.dueOn },
    {
      id: 'status',
      header: t('field.status'),
      width: '9rem',
      cell: (r) => (r.due.status === 'overdue' ? <span className="status--error">{t('counts.due.overdue', { days: r.due.daysOverdue })}</span> : t('counts.due.due')),
      sortValue: (r) => r.due.daysOverdue,
      csv: (r) => (r.due.status === 'overdue' ? t('counts.due.overdue', { days: r.due.daysOverdue }) : t('counts.due.due')),
    },
  ];
  const cover = (r: AnalysisRow) => (r.coverDays === null ? t('analysis.noDemand') : num(r.coverDays));
  const understockColumns: Column<AnalysisRow>[] = [
    skuColumn(),
    abcColumn(),
    { id: 'onHand', header: t('analysis.col.onHand'), width: '6rem', align: 'end', cell: (r) => num(r.onHandQty), sortValue: (r) => r.onHandQty, csv: (r) => r.onHandQty },
    { id: 'cover', header: t('analysis.col.cover'), width: '7rem', align: 'end', cell: cover, sortValue: (r) => r.coverDays ?? Infinity, csv: (r) => (r.coverDays === null ? null : Math.round(r.coverDays)) },
    { id: 'below', header: t('analysis.col.understockDays'), width: '9rem', align: 'end', cell: (r) => num(r.understockDays), sortValue: (r) => r.understockDays, csv: (r) => r.understockDays },
  ];
  const overstockColumns: Column<AnalysisRow>[] = [
    skuColumn(),
    abcColumn(),
    { id: 'onHand', header: t('analysis.col.onHand'), width: '6rem', align: 'end', cell: (r) => num(r.onHandQty), sortValue: (r) => r.onHandQty, csv: (r) => r.onHandQty },
    { id: 'cover', header: t('analysis.col.cover'), width: '7rem', align: 'end', cell: cover, sortValue: (r) => r.coverDays ?? Infinity, csv: (r) => (r.coverDays === null ? null : Math.round(r.coverDays)) },
    { id: 'clear', header: t('analysis.col.clear'), width: '6rem', align: 'end', cell: (r) => num(r.clearUnits), sortValue: (r) => r.clearUnits, csv: (r) => r.clearUnits },
    {
      id: 'excessValue',
      header: t('today.excessValue'),
      width: '9rem',
      align: 'end',
      cell: (r) => formatValue(Math.round(excessValueMinor(r)), currency, language === 'zh-CN' ? 'zh-CN' : 'en'),
      sortValue: excessValueMinor,
      csv: (r) => minorToAmountNumber(Math.round(excessValueMinor(r)), currency),
      csvHeader: t('common.inCurrency', { label: t('today.excessValue'), currency }),
    },
    { id: 'action', header: t('analysis.col.action'), width: '8rem', cell: (r) => (r.action ? t(`analysis.action.${r.action}`) : ''), sortValue: (r) => r.action ?? '', csv: (r) => (r.action ? t(`analysis.action.${r.action}`) : '') },
  ];
  const freshnessColumns: Column<ReportFreshness>[] = [
    { id: 'report', header: t('today.report'), width: 'minmax(12rem, 2fr)', cell: (r) => reportKindLabel(t, r.reportKind), sortValue: (r) => reportKindLabel(t, r.reportKind), csv: (r) => reportKindLabel(t, r.reportKind) },
    { id: 'lastData', header: t('today.lastDataDate'), width: '8rem', cell: (r) => r.lastDataDate, sortValue: (r) => r.lastDataDate, csv: (r) => r.lastDataDate },
    { id: 'imported', header: t('today.importedOn'), width: '8rem', cell: (r) => r.importedOn, sortValue: (r) => r.importedOn, csv: (r) => r.importedOn },
    { id: 'daysOld', header: t('today.daysOld'), width: '6rem', align: 'end', cell: (r) => num(r.daysOld), sortValue: (r) => r.daysOld, csv: (r) => r.daysOld },
    { id: 'state', header: t('field.status'), width: 'minmax(10rem, 1fr)', cell: (r) => (r.stale ? <span className="status--error">{t('today.stale')}</span> : t('today.fresh')), sortValue: (r) => (r.stale ? 1 : 0), csv: (r) => (r.stale ? t('today.stale') : t('today.fresh')) },
  ];

  const attention = view?.attention;
  const planPending = view !== undefined && !view.planReady;
  const staleCount = attention?.freshness.filter((f) => f.stale).length ?? 0;
  // Each count: its list, its number (null while it is being worked out) and whether it is bad news.
  const counts: { id: ListId; label: MessageKey; count: number | null }[] = [
    { id: 'delayed', label: 'today.delayedShipments', count: attention?.delayedShipments.length ?? null },
    { id: 'latePo', label: 'today.latePurchaseOrders', count: attention?.latePurchaseOrders.length ?? null },
    { id: 'orders', label: 'today.ordersToPlace', count: planPending ? null : (attention?.ordersToPlace.length ?? null) },
    { id: 'ship', label: 'today.shipmentsToSend', count: planPending ? null : (attention?.shipmentsToSend.length ?? null) },
    { id: 'stockouts', label: 'today.stockouts', count: planPending ? null : (attention?.stockoutsAhead.length ?? null) },
    { id: 'counts', label: 'today.countsDue', count: attention?.countsDue.length ?? null },
    { id: 'understock', label: 'analysis.understock', count: view?.understock?.length ?? null },
    { id: 'overstock', label: 'analysis.overstock', count: view?.overstock?.length ?? null },
    { id: 'freshness', label: 'today.staleReports', count: attention ? staleCount : null },
  ];
  const jump = (id: ListId) => headings.current.get(id)?.focus();
  const headingRef = (id: ListId) => (element: HTMLHeadingElement | null) => {
    if (element) headings.current.set(id, element);
    else headings.current.delete(id);
  };

  const list = <Row,>(p: { id: ListId; title: MessageKey; how: ReactNode; screen: Screen; rows: readonly Row[] | null; columns: Column<Row>[]; rowKey: (row: Row) => string | number; fileStem: string }) => (
    <section className="today__list" aria-labelledby={`today-${p.id}`} data-testid={`today-${p.id}`}>
      <div className="today__list-head">
        <h2 id={`today-${p.id}`} tabIndex={-1} ref={headingRef(p.id)}>
          {t(p.title)}
        </h2>
        <button type="button" className="btn btn--small" onClick={() => go(p.screen)}>
          {t('today.openScreen', { screen: t(`nav.${p.screen}` satisfies MessageKey) })}
        </button>
      </div>
      <p className="muted">{p.how}</p>
      {p.rows === null ? (
        <p className="muted" role="status">
          {t('plan.running')}
        </p>
      ) : (
        <DataTable
          label={t(p.title)}
          testId={`today-${p.id}-table`}
          rows={p.rows}
          columns={p.columns}
          rowKey={p.rowKey}
          onActivate={() => go(p.screen)}
          emptyText={t('today.nothing')}
          height="30vh"
          csv={{ fileStem: p.fileStem }}
        />
      )}
    </section>
  );

  return (
    <section aria-labelledby="today-title" className="today">
      <h1 id="today-title">{t('today.title')}</h1>
      <p className="muted">{t('today.asOf', { date: asOf })}</p>
      {error ? <StatusLine status={{ kind: 'error', text: describe(error) }} /> : null}
      <ul className="today__counts" aria-label={t('today.summary')}>
        {counts.map((c) => (
          <li key={c.id}>
            <button type="button" className={`today__count${c.count !== null && c.count > 0 ? ' today__count--due' : ''}`} onClick={() => jump(c.id)} data-testid={`today-count-${c.id}`}>
              <span className="today__count-number">{c.count === null ? '…' : num(c.count)}</span>
              <span className="today__count-label">{t(c.label)}</span>
            </button>
          </li>
        ))}
      </ul>
      {attention ? (
        <>
          {list({ id: 'delayed', title: 'today.delayedShipments', how: t('today.delayedShipmentsHow'), screen: 'shipments', rows: attention.delayedShipments, columns: delayedColumns, rowKey: (r) => r.shipmentId, fileStem: 'delayed-shipments' })}
          {list({ id: 'latePo', title: 'today.latePurchaseOrders', how: t('today.latePurchaseOrdersHow'), screen: 'purchasing', rows: attention.latePurchaseOrders, columns: latePoColumns, rowKey: (r) => r.purchaseOrderId, fileStem: 'late-purchase-orders' })}
          {list({ id: 'orders', title: 'today.ordersToPlace', how: t('today.ordersToPlaceHow', { days: ACTION_WINDOW_DAYS }), screen: 'plan', rows: planPending ? null : attention.ordersToPlace, columns: orderColumns, rowKey: (r) => r.skuId, fileStem: 'orders-to-place' })}
          {list({ id: 'ship', title: 'today.shipmentsToSend', how: t('today.shipmentsToSendHow', { days: ACTION_WINDOW_DAYS }), screen: 'plan', rows: planPending ? null : attention.shipmentsToSend, columns: shipColumns, rowKey: (r) => `${r.skuId}|${r.locationId}|${r.fromLocationId ?? 'home'}`, fileStem: 'shipments-to-send' })}
          {list({ id: 'stockouts', title: 'today.stockouts', how: t('today.stockoutsHow', { days: STOCKOUT_WINDOW_DAYS }), screen: 'plan', rows: planPending ? null : attention.stockoutsAhead, columns: stockoutColumns, rowKey: (r) => `${r.skuId}|${r.locationId ?? 'own'}`, fileStem: 'stockouts-ahead' })}
          {list({ id: 'counts', title: 'today.countsDue', how: t('today.countsDueHow'), screen: 'counts', rows: attention.countsDue, columns: countColumns, rowKey: (r) => r.planId, fileStem: 'counts-due' })}
          {list({ id: 'understock', title: 'analysis.understock', how: t('today.understockHow'), screen: 'analysis', rows: view?.understock ?? null, columns: understockColumns, rowKey: (r) => r.skuId, fileStem: 'understock' })}
          {list({ id: 'overstock', title: 'analysis.overstock', how: t('today.overstockHow'), screen: 'analysis', rows: view?.overstock ?? null, columns: overstockColumns, rowKey: (r) => r.skuId, fileStem: 'overstock' })}
          {list({ id: 'freshness', title: 'today.freshness', how: attention.freshness.length === 0 ? t('today.noImports') : t('today.freshnessCoveredHow', { days: STALE_DATA_DAYS }), screen: 'imports', rows: attention.freshness, columns: freshnessColumns, rowKey: (r) => r.reportKind, fileStem: 'report-freshness' })}
        </>
      ) : null}
    </section>
  );
}
