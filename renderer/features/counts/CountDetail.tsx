// One count: print its sheet, enter the counters' sheets (type or scan a code + Enter, quantity +
// Enter), review the differences with a reason per line and recount requests, and post.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { COUNT_REASONS, reviewCsv } from '../../../shared/counts';
import type { CountEntry, ReviewLine, StockCount } from '../../../shared/counts';
import { formatMoney, minorToAmountText } from '../../../shared/money';
import { db } from '../../db';
import { addCountEntry, deleteCountEntry, prepareCountCodes, setCountThreshold, updateCountLine } from '../../db/counts';
import { callLedger } from '../../db/ledgerClient';
import { desktop } from '../../desktop';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useById, useLocations, useSettings, useSkus } from '../../app/hooks';
import { nowIso } from '../../app/clock';
import { reportKindLabel, useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { CountSheet } from './CountSheet';
import { useCountEntries, useCountReview } from './useCounts';

/** A snapshot count's entries are "counted" by the report they came from: show its name. */
function counterLabel(count: StockCount, counter: string, t: ReturnType<typeof useT>['t']): string {
  return count.source === 'snapshot' ? reportKindLabel(t, counter) : counter;
}

export function percent(fraction: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

export function CountDetail({ count, onClose }: { count: StockCount; onClose: () => void }) {
  const { t, language, describe } = useT();
  const skus = useById(useSkus());
  const locations = useById(useLocations());
  const { baseCurrency } = useSettings();
  const entries = useCountEntries(count.id);
  const { review, error } = useCountReview(count, entries);
  const [status, setStatus] = useState<Status>(null);
  const [printing, setPrinting] = useState(false);
  const [showExpected, setShowExpected] = useState(false);
  const [posting, setPosting] = useState(false);
  const posted = count.status === 'posted';
  const money = (minor: number) => formatMoney(minor, baseCurrency, language);
  const code = (skuId: number) => skus.get(skuId)?.code ?? `#${skuId}`;

  // The code printed as a barcode: an FNSKU (what FBA-bound goods carry), else the catalog barcode, else the SKU code.
  const barcodes = useLiveQuery(async () => {
    const map = new Map<number, string>();
    const ids = count.lines.map((l) => l.skuId);
    for (const listing of await db.listings.where('skuId').anyOf(ids).toArray()) if (listing.fnsku && !map.has(listing.skuId)) map.set(listing.skuId, listing.fnsku);
    for (const id of ids) if (!map.has(id)) map.set(id, skus.get(id)?.barcode || skus.get(id)?.code || '');
    return map;
  }, [count.id, count.lines.length, skus]);

  const post = async () => {
    if (!window.confirm(t('counts.postConfirm', { number: count.number, date: count.cutoffDate }))) return;
    setPosting(true);
    try {
      const result = await callLedger('postCount', { countId: count.id, now: nowIso() });
      const movements = result.lines.filter((l) => l.counted && l.varianceUnits !== 0).length;
      setStatus({ kind: 'ok', text: t('counts.posted', { number: count.number, movements, date: count.cutoffDate }) });
    } catch (e) {
      setStatus({ kind: 'error', text: describe(e) });
    } finally {
      setPosting(false);
    }
  };

  const exportCsv = async () => {
    if (!review) return;
    try {
      const contents = reviewCsv(review.lines, {
        header: [t('field.bin'), t('field.sku'), t('field.name'), t('counts.expected'), t('counts.counted'), t('counts.difference'), t('common.inCurrency', { label: t('counts.differenceValue'), currency: baseCurrency }), t('field.reason')],
        sku: (skuId) => ({ code: code(skuId), name: skus.get(skuId)?.name ?? '' }),
        reason: (line) => (line.reason ? t(`counts.reason.${line.reason}` satisfies MessageKey) : ''),
        currency: baseCurrency,
      });
      await desktop.saveFile({ suggestedName: `${count.number}.csv`, contents, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    } catch (e) {
      setStatus({ kind: 'error', text: describe(e) });
    }
  };

  const expectedById = useMemo(() => new Map((review?.lines ?? []).map((l) => [l.skuId, l])), [review]);

  return (
    <article className="panel" aria-label={count.number} data-testid="count-detail">
      <h2>
        {count.number} · {locations.get(count.locationId)?.name ?? ''} · {count.cutoffDate} · <span data-testid="count-status">{t(`counts.status.${count.status}`)}</span>
      </h2>
      {posted ? <p data-testid="count-read-only">{t('counts.readOnly', { date: (count.postedAt ?? '').slice(0, 10) })}</p> : null}
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" name="showExpected" checked={showExpected} onChange={(e) => setShowExpected(e.target.checked)} /> {t('counts.showExpected')}
        </label>
        <button type="button" className="btn" onClick={() => setPrinting(true)}>
          {t('counts.printSheet')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('counts.close')}
        </button>
      </div>
      <div data-testid="count-message">
        <StatusLine status={status} />
      </div>
      {error ? <StatusLine status={{ kind: 'error', text: describe(error) }} /> : null}
      {!posted ? <EntryForm count={count} /> : null}
      {entries && entries.length > 0 ? <EntryList countNumber={count.number} entries={entries} posted={posted} code={code} counter={(name) => counterLabel(count, name, t)} /> : null}

      <h3>{t('counts.review')}</h3>
      <p className="muted">{t('counts.reviewHelp')}</p>
      <p className="muted" data-testid="count-threshold">
        {t('counts.threshold', { units: count.threshold.units ?? '—', value: count.threshold.valueMinor === null ? '—' : money(count.threshold.valueMinor) })}
      </p>
      {!posted ? <ThresholdForm count={count} baseCurrency={baseCurrency} /> : null}
      {review ? (
        <>
          <ReviewTable count={count} lines={review.lines} code={code} name={(skuId) => skus.get(skuId)?.name ?? ''} money={money} posted={posted} onError={(e) => setStatus({ kind: 'error', text: describe(e) })} />
          <p data-testid="count-accuracy">
            {t('counts.accuracyNow', { exact: review.accuracy.linesExact, counted: review.accuracy.linesCounted, lineAccuracy: percent(review.accuracy.lineAccuracy, language), valueAccuracy: percent(review.accuracy.valueAccuracy, language) })}
          </p>
          {review.unknown.length > 0 ? (
            <div>
              <h4>{t('counts.unknownCodes')}</h4>
              <ul data-testid="count-unknown">
                {review.unknown.map((e) => (
                  <li key={e.id}>
                    {e.code}: {e.qty.toLocaleString(language)} ({counterLabel(count, e.counter, t)})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="toolbar">
            {!posted ? (
              <button type="button" className="btn btn--primary" disabled={posting} onClick={() => void post()}>
                {t('counts.post')}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={() => void exportCsv()}>
              {t('counts.exportAllLines')}
            </button>
          </div>
        </>
      ) : (
        <p>{t('common.loading')}</p>
      )}
      {printing ? (
        <PrintPreview title={`${t('counts.sheet')} ${count.number}`} fileName={`${count.number}.pdf`} onClose={() => setPrinting(false)}>
          <CountSheet count={count} location={locations.get(count.locationId)} skus={skus} barcodes={barcodes ?? new Map()} expected={showExpected ? expectedById : null} />
        </PrintPreview>
      ) : null}
    </article>
  );
}

/** Which review lines are shown: all, those counted with a difference (what needs a reason), or those not counted yet (what the counters missed). */
type ReviewShow = 'all' | 'differences' | 'notCounted';
const REVIEW_SHOWS: readonly ReviewShow[] = ['all', 'differences', 'notCounted'];

/**
 * The review, one line per SKU of the count (in bin order; sortable by difference or its value, so the
 * biggest differences come first): virtualized, so a wall-to-wall count of 10,000 SKUs stays smooth
 * while entries come in. A line with a difference takes a reason and may ask for a recount; from the
 * keyboard, arrows (or Page Down, End) reach the line and Enter goes to its reason.
 */
function ReviewTable({ count, lines, code, name, money, posted, onError }: { count: StockCount; lines: readonly ReviewLine[]; code: (skuId: number) => string; name: (skuId: number) => string; money: (minor: number) => string; posted: boolean; onError: (e: unknown) => void }) {
  const { t, language } = useT();
  const [show, setShow] = useState<ReviewShow>('all');
  const shownLines = useMemo(() => (show === 'all' ? lines : lines.filter((line) => (show === 'differences' ? line.counted && line.varianceUnits !== 0 : !line.counted))), [lines, show]);
  const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toLocaleString(language)}`;
  const change = (line: ReviewLine, c: { reason?: string; recountRequested?: boolean }) => void updateCountLine(db, count.id, line.skuId, c).catch(onError);
  const differs = (line: ReviewLine) => line.counted && line.varianceUnits !== 0;
  const columns: Column<ReviewLine>[] = [
    { id: 'bin', header: t('field.bin'), width: '6rem', cell: (line) => line.bin, sortValue: (line) => line.bin },
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (line) => code(line.skuId), sortValue: (line) => code(line.skuId) },
    { id: 'name', header: t('field.name'), width: 'minmax(10rem, 2fr)', cell: (line) => name(line.skuId) },
    { id: 'expected', header: t('counts.expected'), width: '6rem', align: 'end', cell: (line) => line.expectedQty.toLocaleString(language), sortValue: (line) => line.expectedQty },
    { id: 'counted', header: t('counts.counted'), width: '7rem', align: 'end', cell: (line) => (line.counted ? line.countedQty.toLocaleString(language) : t('counts.notCounted')) },
    { id: 'difference', header: t('counts.difference'), width: '6rem', align: 'end', cell: (line) => (line.counted ? signed(line.varianceUnits) : ''), sortValue: (line) => (line.counted ? line.varianceUnits : 0) },
    { id: 'value', header: t('counts.differenceValue'), width: '8rem', align: 'end', cell: (line) => (line.counted ? money(line.varianceValueMinor) : ''), sortValue: (line) => (line.counted ? line.varianceValueMinor : 0) },
    {
      id: 'reason',
      header: t('field.reason'),
      width: '11rem',
      cell: (line) =>
        posted ? (
          line.reason ? t(`counts.reason.${line.reason}` satisfies MessageKey) : ''
        ) : differs(line) ? (
          <select name={`reason-${code(line.skuId)}`} aria-label={`${t('field.reason')} ${code(line.skuId)}`} value={line.reason ?? ''} onChange={(e) => change(line, { reason: e.target.value })}>
            <option value="">{t('common.choose')}</option>
            {COUNT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`counts.reason.${r}` satisfies MessageKey)}
              </option>
            ))}
          </select>
        ) : null,
    },
    {
      id: 'recount',
      header: t('counts.requestRecount'),
      width: '12rem',
      cell: (line) => (
        <>
          {line.overThreshold ? <span className="badge">{t('counts.overThreshold')}</span> : null}{' '}
          {!posted && differs(line) ? (
            <label className="checkbox">
              <input type="checkbox" name={`recount-${code(line.skuId)}`} checked={line.recountRequested} onChange={(e) => change(line, { recountRequested: e.target.checked })} /> {t('counts.requestRecount')}
            </label>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <>
      <div className="toolbar">
        <label>
          {t('counts.reviewShow')}{' '}
          <select name="reviewShow" value={show} onChange={(e) => setShow(REVIEW_SHOWS.find((x) => x === e.target.value) ?? 'all')}>
            {REVIEW_SHOWS.map((x) => (
              <option key={x} value={x}>
                {t(`counts.reviewShow.${x}` satisfies MessageKey)}
              </option>
            ))}
          </select>
        </label>{' '}
        <span className="muted" data-testid="count-review-shown" aria-live="polite">
          {t('counts.reviewShown', { shown: shownLines.length, count: lines.length })}
        </span>
      </div>
      <DataTable
        label={t('counts.review')}
        rows={shownLines}
        columns={columns}
        rowKey={(line) => line.skuId}
        testId="count-review"
        height="50vh"
        emptyText={t('counts.reviewNone')}
        // Enter on the active line: its reason (or, with none to choose, its recount box), which Tab alone
        // cannot reach for a line far down the table (only the lines in view are drawn).
        onActivate={(line) => document.querySelector<HTMLElement>(`[name="reason-${CSS.escape(code(line.skuId))}"], [name="recount-${CSS.escape(code(line.skuId))}"]`)?.focus()}
        rowClassName={(line) => (line.overThreshold ? 'row--warn' : undefined)}
      />
    </>
  );
}

function EntryForm({ count }: { count: StockCount }) {
  const { t, describe } = useT();
  const skus = useById(useSkus());
  // The code index is read while the counters get ready, not on their first scan; a failure here
  // shows on that scan, which reads it again.
  useEffect(() => {
    prepareCountCodes(db).catch(() => undefined);
  }, []);
  const [counter, setCounter] = useState('');
  const [code, setCode] = useState('');
  const [qty, setQty] = useState('');
  const [recount, setRecount] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const qtyRef = useRef<HTMLInputElement>(null);

  // A scanner types the code and presses Enter: go on to the quantity instead of submitting.
  const onCodeKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (code.trim() !== '') qtyRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await addCountEntry(db, count.id, { counter, code, qty, recount }, nowIso());
      const sku = result.skuId === null ? null : (skus.get(result.skuId)?.code ?? '');
      const n = qty.trim();
      setStatus(
        sku === null
          ? { kind: 'error', text: t('counts.enteredUnknown', { code: code.trim(), qty: n }) }
          : { kind: 'ok', text: t(recount ? 'counts.enteredRecount' : 'counts.entered', { code: code.trim(), qty: n, sku }) },
      );
      setCode('');
      setQty('');
      setRecount(false);
      codeRef.current?.focus();
    } catch (e) {
      setStatus({ kind: 'error', text: describe(e) });
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label={t('counts.entry')} data-testid="count-entry">
      <h3>{t('counts.entry')}</h3>
      <p className="muted">{t('counts.entryHelp')}</p>
      <div className="form-grid">
        <Field label={t('field.counter')}>{(id) => <input id={id} name="counter" value={counter} onChange={(e) => setCounter(e.target.value)} autoComplete="off" />}</Field>
        <Field label={t('field.countCode')}>{(id) => <input id={id} ref={codeRef} name="countCode" value={code} onChange={(e) => setCode(e.target.value)} onKeyDown={onCodeKey} autoComplete="off" />}</Field>
        <Field label={t('field.countedQty')}>{(id) => <input id={id} ref={qtyRef} name="countedQty" inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value)} autoComplete="off" />}</Field>
        <label className="checkbox">
          <input type="checkbox" name="recount" checked={recount} onChange={(e) => setRecount(e.target.checked)} /> {t('counts.recount')}
        </label>
      </div>
      <StatusLine status={status} />
      <button type="submit" className="btn btn--primary">
        {t('counts.add')}
      </button>
    </form>
  );
}

function EntryList({ countNumber, entries, posted, code, counter }: { countNumber: string; entries: readonly CountEntry[]; posted: boolean; code: (skuId: number) => string; counter: (name: string) => string }) {
  const { t, language, describe } = useT();
  const [status, setStatus] = useState<Status>(null);
  // Newest first, as the counters see them.
  const shown = [...entries].reverse();
  const yesNo = (flag: boolean) => (flag ? t('common.yes') : t('common.no'));
  const entryColumns: Column<CountEntry>[] = [
    { id: 'counter', header: t('field.counter'), width: 'minmax(6rem, 1fr)', cell: (e) => counter(e.counter), csv: (e) => counter(e.counter) },
    { id: 'code', header: t('field.countCode'), width: 'minmax(8rem, 1fr)', cell: (e) => e.code, csv: (e) => e.code },
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (e) => (e.skuId === null ? <span className="badge badge--warn">{t('counts.unknownFlag')}</span> : code(e.skuId)), csv: (e) => (e.skuId === null ? '' : code(e.skuId)) },
    {
      id: 'qty',
      header: t('field.countedQty'),
      width: '6rem',
      align: 'end',
      cell: (e) => e.qty.toLocaleString(language),
      csv: (e) => e.qty,
      csvMore: [{ header: t('counts.unknownFlag'), value: (e) => yesNo(e.skuId === null) }],
    },
    {
      id: 'recount',
      header: t('counts.recountFlag'),
      width: '6rem',
      cell: (e) => (e.recount ? <span className="badge">{t('counts.recountFlag')}</span> : null),
      csv: (e) => yesNo(e.recount),
      csvMore: [{ header: t('counts.enteredAt'), value: (e) => e.enteredAt }],
    },
    {
      id: 'actions',
      header: posted ? '' : t('common.actions'),
      width: '6rem',
      cell: (e) =>
        posted ? null : (
          <button type="button" className="btn btn--small" aria-label={t('counts.deleteEntry', { code: e.code })} onClick={() => void deleteCountEntry(db, e.id).catch((error: unknown) => setStatus({ kind: 'error', text: describe(error) }))}>
            {t('common.delete')}
          </button>
        ),
    },
  ];
  return (
    <details open>
      <summary>{t('counts.entries', { count: entries.length })}</summary>
      <StatusLine status={status} />
      <DataTable
        label={t('counts.entryTable')}
        rows={shown}
        columns={entryColumns}
        rowKey={(e) => e.id}
        testId="count-entries"
        height="40vh"
        csv={{ fileStem: `count-entries-${countNumber}`, onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }}
      />
    </details>
  );
}

function ThresholdForm({ count, baseCurrency }: { count: StockCount; baseCurrency: string }) {
  const { t, describe } = useT();
  const [units, setUnits] = useState(count.threshold.units === null ? '' : String(count.threshold.units));
  const [value, setValue] = useState(count.threshold.valueMinor === null ? '' : minorToAmountText(count.threshold.valueMinor, baseCurrency));
  const [status, setStatus] = useState<Status>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await setCountThreshold(db, count.id, { units, value }, baseCurrency);
      setStatus({ kind: 'ok', text: t('common.saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: describe(e) });
    }
  };
  return (
    <form className="toolbar" aria-label={t('counts.thresholdForm')} onSubmit={(e) => void submit(e)}>
      <Field label={t('field.thresholdUnits')}>{(id) => <input id={id} name="thresholdUnits" inputMode="numeric" value={units} onChange={(e) => setUnits(e.target.value)} />}</Field>
      <Field label={t('common.inCurrency', { label: t('field.thresholdValue'), currency: baseCurrency })}>{(id) => <input id={id} name="thresholdValue" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}</Field>
      <button type="submit" className="btn">
        {t('common.save')}
      </button>
      <StatusLine status={status} />
    </form>
  );
}
