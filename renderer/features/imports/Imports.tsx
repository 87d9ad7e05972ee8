// Import Seller Central reports: drop or pick files, see what each will do, apply it in one step,
// map the codes StockPilot does not know, and undo a whole import from the history.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import type { ImportBatch } from '../../db';
import { LEDGER_DETAIL_KIND } from '../../../shared/import/unmappedCodes';
import type { QueuedCode } from '../../../shared/import/unmappedCodes';
import type { ImportFile, ImportOptions, ImportPreview, ImportResult } from '../../db/imports';
import { APPLIED_KINDS } from '../../db/imports';
import type { GenericMapping } from '../../../shared/import/generic';
import { GenericMappingForm } from './GenericMappingForm';
import type { StreamProgress } from '../../../shared/import/stream';
import { MARKETPLACES } from '../../../shared/model';
import { shipmentRef } from '../../../shared/ledger/postings';
import { isMarketplace } from '../../../shared/catalog/catalog';
import type { SkuDraft } from '../../../shared/catalog/catalog';
import { skuDraftForHeldCode } from '../../../shared/catalog/heldCode';
import type { Marketplace } from '../../../shared/model';
import type { ImportProblem } from '../../../shared/import/records';
import { callLedger } from '../../db/ledgerClient';
import { openFilesToImport } from '../../desktop';
import { CurrencyOptions, Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { useSettings, useSkus } from '../../app/hooks';
import { nowIso, today } from '../../app/clock';
import { reportKindLabel, useT } from '../../i18n';
import { takeDroppedFiles, useDroppedFiles } from './droppedFiles';
import { useCodeQueue } from './useCodeQueue';
import { CODE_QUEUE_PAGE_SIZE, codeQueuePage } from './codeQueuePage';

interface PendingFile {
  key: number;
  name: string;
  /** The worker holds the bytes after the preview; this names them for Apply. */
  token: string | null;
  preview: ImportPreview | null;
  result: ImportResult | null;
  status: Status;
  busy: boolean;
  progress: StreamProgress | null;
  /** What the seller chose for this file: marketplace, column mapping; the stock date is today's. */
  options: ImportOptions;
}

/** Running reads, by file key, so Cancel can stop them (not UI state: nothing renders from it). */
/** An English problem text that starts with its row ("Row 4: …", "Data row 4: …"). */
const ROW_NAMED = /^(data )?row \d+\b/i;

const running = new Map<number, AbortController>();

let nextKey = 1;

export function Imports() {
  const { t, language, describe } = useT();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [pickStatus, setPickStatus] = useState<Status>(null);
  const dropped = useDroppedFiles();

  const patch = (key: number, change: Partial<PendingFile>) => setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const addFiles = async (picked: { name: string; file: ImportFile }[]) => {
    const options: ImportOptions = { asOf: today() };
    const added: PendingFile[] = picked.map((file) => ({ key: nextKey++, name: file.name, token: null, preview: null, result: null, status: null, busy: true, progress: null, options }));
    setFiles((all) => [...added, ...all]);
    for (const [index, file] of added.entries()) {
      const chosen = picked[index]!.file;
      const controller = new AbortController();
      running.set(file.key, controller);
      try {
        // Bytes move to the worker (no copy on this thread); a dropped File goes as a handle the
        // worker reads in slices. The worker keeps either for Apply.
        const preview = await callLedger('previewImport', { fileName: file.name, file: chosen, options }, chosen instanceof Uint8Array ? [chosen.buffer] : [], {
          signal: controller.signal,
          onProgress: (progress) => patch(file.key, { progress }),
        });
        patch(file.key, { preview, token: preview.token, busy: false, progress: null });
      } catch (error) {
        patch(file.key, { status: { kind: 'error', text: describe(error) }, busy: false, progress: null });
      } finally {
        running.delete(file.key);
      }
    }
  };

  useEffect(() => {
    if (dropped === 0) return;
    void (async () => {
      const handles = takeDroppedFiles();
      await addFiles(handles.map((f) => ({ name: f.name, file: f })));
    })();
  }, [dropped]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Previews a file again with changed options (its marketplace, its column mapping). */
  const repreview = async (file: PendingFile, change: Partial<ImportOptions>) => {
    if (!file.token) return;
    const options = { ...file.options, ...change };
    patch(file.key, { busy: true, status: null, options });
    try {
      const preview = await callLedger('repreviewImport', { token: file.token, options });
      patch(file.key, { preview, busy: false });
    } catch (error) {
      patch(file.key, { status: { kind: 'error', text: describe(error) }, busy: false });
    }
  };

  const pick = async () => {
    setPickStatus(null);
    let picked: { name: string; file: ImportFile }[];
    try {
      picked = await openFilesToImport({ multiple: true, filters: [{ name: 'Reports', extensions: ['txt', 'tsv', 'csv'] }, { name: 'All files', extensions: ['*'] }] });
    } catch (error) {
      // The desktop refuses a file over the size cap or a folder before reading any: say which, in the seller's language.
      setPickStatus({ kind: 'error', text: describe(error) });
      return;
    }
    await addFiles(picked);
  };

  const apply = async (file: PendingFile) => {
    patch(file.key, { busy: true, status: null });
    const controller = new AbortController();
    running.set(file.key, controller);
    try {
      if (!file.token) return;
      const result = await callLedger('applyImport', { token: file.token, now: nowIso(), options: file.options }, [], {
        signal: controller.signal,
        onProgress: (progress) => patch(file.key, { progress }),
      });
      const p = result.preview;
      const listings = p.listings;
      const text = listings
        ? t('imports.listingsSaved', {
            count: listings.proposals.filter((x) => x.status === 'new').length,
            marketplace: listings.marketplace,
            unmatched: listings.proposals.filter((x) => x.status === 'unmatched').length,
          })
        : p.stored && result.batch
        ? t('imports.storedApplied', { added: p.stored.added.toLocaleString(language), changed: p.stored.changed.toLocaleString(language), unchanged: p.stored.unchanged.toLocaleString(language), rejected: p.rejectedRows })
        : result.batch
        ? t('imports.applied', { added: p.newMovements.toLocaleString(language), duplicates: p.duplicates.toLocaleString(language), held: p.held, rejected: p.rejectedRows })
        : t('imports.nothingNew', { duplicates: p.duplicates.toLocaleString(language) });
      patch(file.key, { result, busy: false, progress: null, status: { kind: 'ok', text } });
    } catch (error) {
      patch(file.key, { busy: false, progress: null, status: { kind: 'error', text: describe(error) } });
    } finally {
      running.delete(file.key);
    }
  };

  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{t('imports.title')}</h1>
      <div className="panel drop-zone" data-testid="drop-zone">
        <p>{t('imports.dropHere')}</p>
        <button type="button" className="btn btn--primary" onClick={() => void pick()}>
          {t('imports.choose')}
        </button>
        <StatusLine status={pickStatus} />
      </div>
      {files.map((file) => (
        <FileCard
          key={file.key}
          file={file}
          onApply={() => void apply(file)}
          onMarketplace={(marketplace) => void repreview(file, { marketplace })}
          onMapping={(mapping, locationId) => void repreview(file, { generic: { mapping, locationId } })}
          onDiscard={() => setFiles((all) => all.filter((f) => f.key !== file.key))}
        />
      ))}
      <HeldCodes />
      <ImportHistory />
    </section>
  );
}

function FileCard({
  file,
  onApply,
  onMarketplace,
  onMapping,
  onDiscard,
}: {
  file: PendingFile;
  onApply: () => void;
  onMarketplace: (m: Marketplace) => void;
  onMapping: (mapping: GenericMapping, locationId: number | null) => void;
  onDiscard: () => void;
}) {
  const { t, language } = useT();
  // The import core writes detailed English; other languages get the translated gist by code.
  const problemText = (problem: ImportProblem) => (language === 'en' ? problem.message : t(`importProblem.${problem.code}`, { column: problem.column ?? '', value: problem.value ?? '' }));
  // The row goes first, with the language's own colon; the English text often names its row already.
  const problemLine = (problem: ImportProblem) => {
    const text = problemText(problem);
    if (problem.row === undefined || (language === 'en' && ROW_NAMED.test(text))) return text;
    return t('common.labelled', { label: t('imports.row', { row: problem.row }), value: text });
  };
  const p = file.preview;
  const ledgerLike = p !== null && p.kind === 'GET_LEDGER_DETAIL_VIEW_DATA';
  const applicable = p !== null && ((p.kind !== null && APPLIED_KINDS.includes(p.kind)) || p.stored !== undefined);
  return (
    <article className="panel" data-testid="import-file" data-file={file.name} aria-label={file.name}>
      <h2>{file.name}</h2>
      {file.busy ? (
        <div className="progress" role="status" data-testid="import-progress">
          <progress max={file.progress?.totalBytes ?? 1} value={file.progress?.bytesRead ?? 0} />{' '}
          {file.progress
            ? t('imports.progress', {
                rows: file.progress.rows.toLocaleString(language),
                read: (file.progress.bytesRead / 1048576).toFixed(1),
                total: (file.progress.totalBytes / 1048576).toFixed(1),
              })
            : t('imports.reading')}{' '}
          <button type="button" className="btn btn--small" onClick={() => running.get(file.key)?.abort()}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      {p ? (
        <dl className="facts">
          <dt>{t('imports.kind')}</dt>
          <dd data-testid="import-kind" data-kind={p.kind ?? ''}>
            {p.kind ? reportKindLabel(t, p.kind) : t('imports.unknownKind')}
          </dd>
          <dt>{t('imports.encoding')}</dt>
          <dd>{p.encoding}</dd>
          <dt>{t('imports.rows')}</dt>
          <dd>{p.rowCount.toLocaleString(language)}</dd>
          {p.marketplaces.length > 0 ? (
            <>
              <dt>{t('field.marketplace')}</dt>
              <dd>{p.marketplaces.join(', ')}</dd>
            </>
          ) : null}
          {p.firstDate ? (
            <>
              <dt>{t('report.period')}</dt>
              <dd>
                {p.firstDate} – {p.lastDate}
              </dd>
            </>
          ) : null}
          {p.stored ? (
            <>
              {p.stored.date ? (
                <>
                  <dt>{t('imports.stockDate')}</dt>
                  <dd data-testid="import-date">{p.stored.date}</dd>
                </>
              ) : null}
              {p.stored.locations.length > 0 ? (
                <>
                  <dt>{t('field.location')}</dt>
                  <dd data-testid="import-locations">{p.stored.locations.join(', ')}</dd>
                </>
              ) : null}
              <dt>{t('imports.storedNew')}</dt>
              <dd data-testid="import-new">{(p.stored.added + p.stored.changed).toLocaleString(language)}</dd>
              <dt>{t('imports.duplicates')}</dt>
              <dd data-testid="import-duplicates">{p.stored.unchanged.toLocaleString(language)}</dd>
              {p.stored.unmappedCodes.length > 0 ? (
                <>
                  <dt>{t('imports.unmappedCodes')}</dt>
                  <dd data-testid="import-unmapped">
                    {p.stored.unmappedCodes.slice(0, 20).join(', ')}
                    {p.stored.unmappedCodes.length > 20 ? ` (+${p.stored.unmappedCodes.length - 20})` : ''}
                  </dd>
                </>
              ) : null}
            </>
          ) : null}
          {ledgerLike ? (
            <>
              <dt>{t('imports.willAdd')}</dt>
              <dd data-testid="import-new">{p.newMovements.toLocaleString(language)}</dd>
              <dt>{t('imports.duplicates')}</dt>
              <dd data-testid="import-duplicates">{p.duplicates.toLocaleString(language)}</dd>
              <dt>{t('imports.held')}</dt>
              <dd data-testid="import-held">
                {p.held.toLocaleString(language)}
                {p.heldCodes.length > 0 ? ` (${p.heldCodes.join(', ')})` : ''}
              </dd>
            </>
          ) : null}
          {p.shipmentReceipts && p.shipmentReceipts.length > 0 ? (
            <>
              <dt>{t('imports.shipmentReceipts')}</dt>
              <dd data-testid="import-shipment-receipts">
                {p.shipmentReceipts.map((r) => t('imports.shipmentReceipt', { fba: r.fbaShipmentId, ref: shipmentRef(r.shipmentId), units: r.units.toLocaleString(language), date: r.date })).join('; ')}
              </dd>
            </>
          ) : null}
          {p.newLocations.length > 0 ? (
            <>
              <dt>{t('imports.newLocations')}</dt>
              <dd>{p.newLocations.map((m) => `FBA ${m}`).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {p?.listings ? <ListingsProposals listings={p.listings} marketplace={p.listings.marketplace} onMarketplace={onMarketplace} /> : null}
      {p?.stored?.chosenMarketplace ? <MarketplaceChoice marketplace={p.stored.chosenMarketplace} onMarketplace={onMarketplace} /> : null}
      {p?.generic && !file.result ? <GenericMappingForm generic={p.generic} busy={file.busy} onMapping={onMapping} /> : null}
      {p && p.problems.length > 0 ? (
        <details open={p.problems.some((x) => x.severity === 'error')}>
          <summary>{t('imports.problems', { count: p.problems.length })}</summary>
          <ul data-testid="import-problems">
            {p.problems.slice(0, 50).map((problem, i) => (
              <li key={i} className={problem.severity === 'error' ? 'status--error' : ''}>
                {problemLine(problem)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <StatusLine status={file.status} />
      <div className="toolbar">
        {applicable && !file.result ? (
          <button type="button" className="btn btn--primary" disabled={file.busy || !p.canApply} onClick={onApply}>
            {p.canApply ? t('imports.apply') : t('imports.nothingToApply')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onDiscard}>
          {file.result ? t('common.close') : t('imports.discard')}
        </button>
      </div>
    </article>
  );
}

function MarketplaceChoice({ marketplace, onMarketplace, label, name = 'reportMarketplace' }: { marketplace: Marketplace; onMarketplace: (m: Marketplace) => void; label?: string; name?: string }) {
  const { t } = useT();
  return (
    <label className="field">
      <span>{label ?? t('imports.reportMarketplace')}</span>
      <select
        name={name}
        value={marketplace}
        onChange={(e) => {
          if (isMarketplace(e.target.value)) onMarketplace(e.target.value);
        }}
      >
        {MARKETPLACES.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
    </label>
  );
}

function ListingsProposals({ listings, marketplace, onMarketplace }: { listings: NonNullable<ImportPreview['listings']>; marketplace: Marketplace; onMarketplace: (m: Marketplace) => void }) {
  const { t } = useT();
  const count = (status: string) => listings.proposals.filter((p) => p.status === status).length;
  const unmatched = listings.proposals.filter((p) => p.status === 'unmatched');
  return (
    <div data-testid="listing-proposals">
      <MarketplaceChoice marketplace={marketplace} onMarketplace={onMarketplace} label={t('imports.listingsMarketplace')} name="listingsMarketplace" />
      <p data-testid="listing-counts">{t('imports.listingsCounts', { new: count('new'), known: count('known'), unmatched: count('unmatched') })}</p>
      {unmatched.length > 0 ? (
        <details>
          <summary>{t('imports.listingsUnmatched')}</summary>
          <ul>
            {unmatched.slice(0, 50).map((p) => (
              <li key={p.sellerSku}>
                {p.sellerSku} · {p.asin} · {p.title}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** One code of the queue (renderer/db/heldCodes.ts): held ledger rows and the report rows waiting for it. */
type HeldGroup = QueuedCode;

function HeldCodes() {
  const { t, describe } = useT();
  const skus = useSkus();
  // Read here, long before a form opens, so a new SKU's currency is the seller's base currency.
  const settings = useSettings();
  const heading = useRef<HTMLHeadingElement>(null);
  const toggles = useRef(new Map<string, HTMLButtonElement>());
  // Read again (in the ledger worker) after every change to held rows, stored reports or the catalog: a code mapped anywhere leaves.
  const { queue: groups, error } = useCodeQueue();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [creating, setCreating] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [filter, setFilter] = useState('');
  const [pageIndex, setPageIndex] = useState(0);

  if ((!groups || groups.length === 0) && status === null && !error) return null;
  const shown = codeQueuePage(groups ?? [], filter, pageIndex);
  const map = async (group: HeldGroup) => {
    const skuId = skuIdForCode(skus ?? [], choice[group.key] ?? '');
    try {
      if (!skuId) throw new Error(t('imports.chooseSku'));
      const posted = await callLedger('mapHeldCode', { codeType: group.codeType, code: group.code, marketplace: group.marketplace, skuId, now: nowIso() });
      // −1: nothing waited for the code any more (mapped elsewhere since the queue was drawn); nothing was saved.
      setStatus({ kind: 'ok', text: posted < 0 ? t('imports.nothingToMap', { code: group.code }) : group.heldEvents > 0 ? t('imports.mapped', { code: group.code, count: posted }) : t('imports.mappedReportRows', { code: group.code, count: reportRows(group) }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {t('imports.unmapped')}
      </h2>
      <p className="muted">{t('imports.unmappedHelp')}</p>
      {(groups ?? []).some((group) => group.heldEvents === 0) ? <p className="muted">{t('imports.unmappedReportsHelp')}</p> : null}
      <div data-testid="held-status">
        <StatusLine status={error ? { kind: 'error', text: describe(error) } : status} />
      </div>
      {(groups ?? []).length > CODE_QUEUE_PAGE_SIZE || filter !== '' ? (
        <div className="toolbar" data-testid="held-paging">
          <label>
            {t('imports.findCode')}{' '}
            <input
              type="search"
              name="heldFilter"
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value);
                setPageIndex(0);
              }}
            />
          </label>{' '}
          <span data-testid="held-range" aria-live="polite">
            {shown.matching === 0 ? t('imports.noCodeMatches') : t('imports.codeRange', { first: shown.first, last: shown.last, count: shown.matching })}
          </span>{' '}
          {/* aria-disabled, not disabled: a button disabled under the focus (the last page reached) would drop the keyboard's place. */}
          <button type="button" className="btn btn--small" aria-disabled={shown.page === 0} onClick={() => shown.page > 0 && setPageIndex(shown.page - 1)}>
            {t('imports.previousCodes')}
          </button>{' '}
          <button type="button" className="btn btn--small" aria-disabled={shown.page >= shown.pages - 1} onClick={() => shown.page < shown.pages - 1 && setPageIndex(shown.page + 1)}>
            {t('imports.nextCodes')}
          </button>
        </div>
      ) : null}
      <ul className="panel" data-testid="held-codes">
        {shown.entries.map((group) => {
          const pickerId = `held-${group.key}`;
          const open = creating === group.key;
          return (
            <li key={group.key} data-testid="held-code" data-code={group.code} data-marketplace={group.marketplace}>
              <strong>{group.code}</strong> ({group.marketplace}) · {group.title ? `${group.title} · ` : ''}
              <span data-testid="held-sources">
                {group.sources
                  .map((source) =>
                    t('common.labelled', {
                      label: reportKindLabel(t, source.reportKind),
                      value: source.reportKind === LEDGER_DETAIL_KIND ? t('imports.heldCount', { count: source.rows }) : t('imports.codeRows', { count: source.rows }),
                    }),
                  )
                  .join(' · ')}
              </span>{' '}
              <label className="visually-hidden" htmlFor={pickerId}>
                {t('imports.mapToSku', { code: group.code })}
              </label>
              <SkuPicker id={pickerId} name="heldSku" value={choice[group.key] ?? ''} onChange={(v) => setChoice({ ...choice, [group.key]: v })} skus={skus ?? []} />{' '}
              {/* A code only reports name has nothing to post: mapping it is all. */}
              <button type="button" className="btn btn--small" aria-label={group.heldEvents > 0 ? t('imports.mapHeldCode', { code: group.code }) : t('imports.mapReportCode', { code: group.code })} onClick={() => void map(group)}>
                {group.heldEvents > 0 ? t('imports.map') : t('imports.mapOnly')}
              </button>{' '}
              <button
                type="button"
                className="btn btn--small"
                aria-expanded={open}
                aria-label={t('imports.createSkuFor', { code: group.code })}
                ref={(button) => {
                  if (button) toggles.current.set(group.key, button);
                  else toggles.current.delete(group.key);
                }}
                onClick={() => setCreating(open ? null : group.key)}
              >
                {t('imports.createSku')}
              </button>
              {open ? (
                <CreateSkuForHeld
                  group={group}
                  baseCurrency={settings.baseCurrency}
                  onDone={(done) => {
                    setCreating(null);
                    if (!done) {
                      // Cancelled: back to the button that opened the form.
                      toggles.current.get(group.key)?.focus();
                      return;
                    }
                    setStatus(done);
                    // The code leaves the queue with its row: keep the keyboard's place at the queue.
                    heading.current?.focus();
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * The SKU a held code stands for, prefilled from its rows, asking only what a SKU needs: saving
 * creates it, maps the code to it and posts the held rows in one transaction (createSkuForHeldCode, in the ledger worker).
 */
function CreateSkuForHeld({ group, baseCurrency, onDone }: { group: HeldGroup; baseCurrency: string; onDone: (status: Status) => void }) {
  const { t, describe } = useT();
  const [{ draft: initial, asin }] = useState(() => skuDraftForHeldCode([group], baseCurrency));
  const [draft, setDraft] = useState<SkuDraft>(initial);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SkuDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const title = t('imports.createSkuTitle', { code: group.code, marketplace: group.marketplace });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      const { skuId, posted } = await callLedger('createSkuForHeldCode', { codeType: group.codeType, code: group.code, marketplace: group.marketplace, draft, now: nowIso() });
      const sku = draft.code.trim();
      onDone({
        kind: 'ok',
        text: skuId === null ? t('imports.nothingHeld', { code: group.code }) : group.heldEvents > 0 ? t('imports.createdFromHeld', { sku, code: group.code, count: posted }) : t('imports.createdFromReports', { sku, code: group.code, count: reportRows(group) }),
      });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
      setBusy(false);
    }
  };

  const text = (key: keyof SkuDraft, label: string, extra: { inputMode?: 'decimal'; autoFocus?: boolean } = {}) => (
    <Field label={label}>{(id) => <input id={id} name={key} value={draft[key] ?? ''} onChange={(e) => set(key)(e.target.value)} {...extra} />}</Field>
  );

  return (
    <form
      className="panel"
      aria-label={title}
      data-testid="held-create-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(null);
      }}
    >
      <h3>{title}</h3>
      <p className="muted">{group.heldEvents > 0 ? t('imports.createSkuHelp', { code: group.code, count: group.heldEvents }) : t('imports.createSkuHelpReports', { code: group.code, count: reportRows(group) })}</p>
      <dl className="facts">
        {group.sellerSku ? (
          <>
            <dt>{t('field.sellerSku')}</dt>
            <dd>{group.sellerSku}</dd>
          </>
        ) : null}
        {group.fnsku || group.codeType === 'fnsku' ? (
          <>
            <dt>{t('field.fnsku')}</dt>
            <dd>{group.fnsku || group.code}</dd>
          </>
        ) : null}
        {asin ? (
          <>
            <dt>{t('field.asin')}</dt>
            <dd>{asin}</dd>
          </>
        ) : null}
      </dl>
      <div className="form-grid">
        {text('code', t('field.code'), { autoFocus: true })}
        {text('name', t('field.name'))}
        {text('unitCost', t('field.unitCost'), { inputMode: 'decimal' })}
        <Field label={t('field.costCurrency')}>
          {(id) => (
            <select id={id} name="costCurrency" value={draft.costCurrency} onChange={(e) => set('costCurrency')(e.target.value)}>
              <CurrencyOptions current={draft.costCurrency} />
            </select>
          )}
        </Field>
      </div>
      <StatusLine status={status} />
      <div className="toolbar">
        {/* Not disabled while saving: a disabled button drops the keyboard focus, and Escape with it. */}
        <button type="submit" className="btn btn--primary" aria-disabled={busy}>
          {group.heldEvents > 0 ? t('imports.createAndPost') : t('imports.createAndMap')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Rows of reports other than the ledger (whose rows are held events) waiting for a code. */
function reportRows(group: HeldGroup): number {
  return group.sources.reduce((sum, s) => sum + (s.reportKind === LEDGER_DETAIL_KIND ? 0 : s.rows), 0);
}

function ImportHistory() {
  const { t, language, describe } = useT();
  const batches = useLiveQuery(() => db.batches.orderBy('createdAt').reverse().toArray(), []);
  const [status, setStatus] = useState<Status>(null);
  type ImportedBatch = ImportBatch & { file: NonNullable<ImportBatch['file']> };
  const imported = (batches ?? []).filter((b): b is ImportedBatch => b.file !== undefined);
  if (imported.length === 0) return null;
  // A ledger import posts movements (and may hold rows); a report kept beside the ledger keeps rows: each
  // file fills the columns that apply to it, the others stay blank.
  const kept = (b: ImportedBatch) => b.file.stored !== undefined;
  const csvColumns: CsvColumn<ImportedBatch>[] = [
    { header: t('imports.historyFile'), value: (b) => b.label },
    { header: t('imports.kind'), value: (b) => reportKindLabel(t, b.file.reportKind) },
    { header: t('imports.historyAt'), value: (b) => b.createdAt },
    { header: t('imports.rows'), value: (b) => b.file.rowCount },
    { header: t('imports.historyPosted'), value: (b) => (kept(b) ? null : b.movementCount) },
    { header: t('imports.historyKept'), value: (b) => b.file.stored },
    { header: t('imports.duplicates'), value: (b) => b.file.duplicates },
    { header: t('imports.historyHeld'), value: (b) => (kept(b) ? null : b.file.held) },
    { header: t('imports.historyRejected'), value: (b) => b.file.rejected },
    { header: t('imports.historyHash'), value: (b) => b.file.sha256 },
  ];
  const undo = async (batch: ImportBatch) => {
    if (!window.confirm(t('ledger.removeConfirm', { label: batch.label, count: batch.movementCount }))) return;
    try {
      await callLedger('removeBatch', { batchId: batch.id });
      setStatus({ kind: 'ok', text: t('ledger.removed', { label: batch.label }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };
  return (
    <>
      <h2>{t('imports.history')}</h2>
      <StatusLine status={status} />
      <div className="toolbar">
        <ExportCsvButton fileStem="import-history" onError={(error) => setStatus({ kind: 'error', text: describe(error) })} tableLabel={t('imports.history')} columns={csvColumns} rows={() => imported} testId="import-history-export" />
      </div>
      <ul className="panel" data-testid="import-history">
        {imported.map((b) => (
          <li key={b.id} data-testid="import-batch">
            <strong>{b.label}</strong> · {reportKindLabel(t, b.file.reportKind)} · {b.createdAt.slice(0, 16).replace('T', ' ')} ·{' '}
            {b.file.stored !== undefined
              ? t('imports.historyStored', { rows: b.file.rowCount.toLocaleString(language), stored: b.file.stored.toLocaleString(language), duplicates: b.file.duplicates, rejected: b.file.rejected })
              : t('imports.historyLine', { rows: b.file.rowCount.toLocaleString(language), posted: b.movementCount.toLocaleString(language), duplicates: b.file.duplicates, held: b.file.held, rejected: b.file.rejected })}{' '}
            <code title={b.file.sha256}>{b.file.sha256.slice(0, 12)}</code>{' '}
            <button type="button" className="btn btn--small" onClick={() => void undo(b)}>
              {t('imports.undo')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
