import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { MARKETPLACES } from '../../../shared/model';
import { DomainError } from '../../../shared/errors';
import { isBundle } from '../../../shared/catalog/catalog';
import { db, deleteListing, saveListing } from '../../db';
import type { ListingRecord } from '../../db';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { useById, useSkus } from '../../app/hooks';
import { useT } from '../../i18n';

const EMPTY = { skuCode: '', marketplace: 'US', sellerSku: '', asin: '', fnsku: '', unitsPerListing: '1' };

type ListingKind = 'single' | 'bundle';

/** One row of a bundle's component list as typed; `key` keeps React's rows apart when one is removed. */
interface ComponentRow {
  key: number;
  skuCode: string;
  units: string;
}

let nextRowKey = 1;
const emptyRow = (): ComponentRow => ({ key: nextRowKey++, skuCode: '', units: '1' });
/** A new bundle starts with two rows: a bundle has at least two components. */
const newRows = (): ComponentRow[] => [emptyRow(), emptyRow()];

export function PlatformCodes() {
  const { t, describe } = useT();
  const skus = useSkus();
  const skuById = useById(skus);
  const listings = useLiveQuery(() => db.listings.toArray(), []);
  const [draft, setDraft] = useState(EMPTY);
  const [kind, setKind] = useState<ListingKind>('single');
  const [rows, setRows] = useState<ComponentRow[]>(newRows);
  const [editingId, setEditingId] = useState<number | undefined>(undefined);
  // Where the keyboard goes once the component rows have changed: a row's SKU field (by index), or the Add button.
  const componentsRef = useRef<HTMLFieldSetElement>(null);
  const [focusAfter, setFocusAfter] = useState<number | 'add' | null>(null);
  useEffect(() => {
    if (focusAfter === null || !componentsRef.current) return;
    const target = focusAfter === 'add' ? componentsRef.current.querySelector<HTMLElement>('[data-action="add-component"]') : componentsRef.current.querySelectorAll<HTMLElement>('[name="componentSku"]')[focusAfter];
    target?.focus();
    setFocusAfter(null);
  }, [rows, focusAfter]);
  const [status, setStatus] = useState<Status>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const setRow = (key: number, patch: Partial<ComponentRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const reset = () => {
    setDraft(EMPTY);
    setKind('single');
    setRows(newRows());
    setEditingId(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (kind === 'bundle') {
        // The codes resolve here; the rules (distinct SKUs, whole units ≥ 1) are parseListingDraft's.
        const components = rows.map((r) => ({ skuCode: r.skuCode, skuId: skuIdForCode(skus ?? [], r.skuCode) || undefined, units: r.units }));
        // The FNSKU is sent as typed: a bundle has none, and one left over from a plain listing is refused by name, never dropped unseen.
        await saveListing(db, { ...draft, skuId: 0, unitsPerListing: '', components }, editingId);
      } else {
        const skuId = skuIdForCode(skus ?? [], draft.skuCode);
        if (!skuId) throw new DomainError('field.required', { field: 'sku' });
        await saveListing(db, { ...draft, skuId }, editingId);
      }
      reset();
      setStatus({ kind: 'ok', text: t('listings.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const edit = (listing: ListingRecord) => {
    setEditingId(listing.id);
    setKind(isBundle(listing) ? 'bundle' : 'single');
    setRows(isBundle(listing) ? listing.components.map((c) => ({ key: nextRowKey++, skuCode: skuById.get(c.skuId)?.code ?? '', units: String(c.units) })) : newRows());
    setDraft({
      skuCode: skuById.get(listing.skuId)?.code ?? '',
      marketplace: listing.marketplace,
      sellerSku: listing.sellerSku,
      asin: listing.asin,
      fnsku: listing.fnsku,
      unitsPerListing: String(listing.unitsPerListing),
    });
  };

  const codeOf = (skuId: number) => skuById.get(skuId)?.code ?? '?';
  // A bundle shows its components where a listing shows its SKU.
  const skuText = (l: ListingRecord) => (isBundle(l) ? t('listings.bundleOf', { components: l.components.map((c) => `${codeOf(c.skuId)} × ${c.units}`).join(' + ') }) : codeOf(l.skuId));
  const columns: Column<ListingRecord>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem,1fr)', cell: skuText, sortValue: skuText, csv: skuText },
    { id: 'marketplace', header: t('field.marketplace'), width: '7rem', cell: (l) => l.marketplace, sortValue: (l) => l.marketplace, csv: (l) => l.marketplace },
    { id: 'sellerSku', header: t('field.sellerSku'), width: 'minmax(8rem,1fr)', cell: (l) => l.sellerSku, sortValue: (l) => l.sellerSku, csv: (l) => l.sellerSku },
    { id: 'asin', header: t('field.asin'), width: '8rem', cell: (l) => l.asin, sortValue: (l) => l.asin, csv: (l) => l.asin },
    { id: 'fnsku', header: t('field.fnsku'), width: '8rem', cell: (l) => l.fnsku, sortValue: (l) => l.fnsku, csv: (l) => l.fnsku },
    { id: 'units', header: t('field.unitsPerListing'), width: '7rem', align: 'end', cell: (l) => (isBundle(l) ? '' : l.unitsPerListing), csv: (l) => (isBundle(l) ? null : l.unitsPerListing) },
    {
      id: 'actions',
      header: t('common.actions'),
      width: '10rem',
      cell: (l) => (
        <>
          <button type="button" className="btn btn--small" onClick={() => edit(l)}>
            {t('common.edit')}
          </button>{' '}
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              // Asked first, as every other removal: a bundle's rows are lost with it.
              if (!window.confirm(t('listings.deleteConfirm', { sellerSku: l.sellerSku, marketplace: l.marketplace }))) return;
              void deleteListing(db, l.id).catch((e: unknown) => setStatus({ kind: 'error', text: describe(e) }));
            }}
          >
            {t('common.delete')}
          </button>
        </>
      ),
    },
  ];

  return (
    <section aria-labelledby="listings-title">
      <h1 id="listings-title">{t('listings.title')}</h1>
      <p className="muted">{t('listings.help')}</p>
      <form className="panel" onSubmit={submit} aria-label={t('listings.new')}>
        <div className="form-grid">
          <Field label={t('listings.kind')}>
            {(id) => (
              <select id={id} name="kind" value={kind} onChange={(e) => setKind(e.target.value === 'bundle' ? 'bundle' : 'single')}>
                <option value="single">{t('listings.kindSingle')}</option>
                <option value="bundle">{t('listings.kindBundle')}</option>
              </select>
            )}
          </Field>
          {kind === 'single' ? <Field label={t('field.sku')}>{(id) => <SkuPicker id={id} name="sku" value={draft.skuCode} onChange={set('skuCode')} skus={skus ?? []} />}</Field> : null}
          <Field label={t('field.marketplace')}>
            {(id) => (
              <select id={id} name="marketplace" value={draft.marketplace} onChange={(e) => set('marketplace')(e.target.value)}>
                {MARKETPLACES.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('field.sellerSku')}>{(id) => <input id={id} name="sellerSku" value={draft.sellerSku} onChange={(e) => set('sellerSku')(e.target.value)} />}</Field>
          <Field label={t('field.asin')}>{(id) => <input id={id} name="asin" value={draft.asin} onChange={(e) => set('asin')(e.target.value)} />}</Field>
          <Field label={t('field.fnsku')}>{(id) => <input id={id} name="fnsku" value={draft.fnsku} onChange={(e) => set('fnsku')(e.target.value)} />}</Field>
          {kind === 'single' ? (
            <Field label={t('field.unitsPerListing')}>
              {(id) => <input id={id} name="unitsPerListing" inputMode="numeric" value={draft.unitsPerListing} onChange={(e) => set('unitsPerListing')(e.target.value)} />}
            </Field>
          ) : null}
        </div>
        {kind === 'bundle' ? (
          <fieldset className="form-section" data-testid="bundle-components" ref={componentsRef}>
            <legend>{t('field.components')}</legend>
            <p className="muted">{t('listings.bundleHelp')}</p>
            {rows.map((row, index) => (
              <div className="form-grid" key={row.key} data-testid="bundle-component">
                <Field label={`${t('field.componentSku')} ${index + 1}`}>
                  {(id) => <SkuPicker id={id} name="componentSku" value={row.skuCode} onChange={(v) => setRow(row.key, { skuCode: v })} skus={skus ?? []} />}
                </Field>
                <Field label={`${t('field.componentUnits')} ${index + 1}`}>
                  {(id) => <input id={id} name="componentUnits" inputMode="numeric" value={row.units} onChange={(e) => setRow(row.key, { units: e.target.value })} />}
                </Field>
                {rows.length > 1 ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      setRows((all) => all.filter((r) => r.key !== row.key));
                      // The row that moves up into this place, or Add when this was the last.
                      setFocusAfter(index < rows.length - 1 ? index : 'add');
                    }}
                  >
                    {t('listings.removeComponent', { n: index + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            <button
              type="button"
              className="btn"
              data-action="add-component"
              onClick={() => {
                setRows((all) => [...all, emptyRow()]);
                setFocusAfter(rows.length);
              }}
            >
              {t('listings.addComponent')}
            </button>
          </fieldset>
        ) : null}
        <StatusLine status={status} />
        <div className="toolbar">
          <button type="submit" className="btn btn--primary">
            {t('common.save')}
          </button>
          {editingId !== undefined ? (
            <button type="button" className="btn" onClick={reset}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <DataTable label={t('listings.title')} testId="listings" rows={listings ?? []} columns={columns} rowKey={(l) => l.id} onActivate={edit} emptyText={t('common.none')} csv={{ fileStem: 'platform-codes', onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }} />
    </section>
  );
}
