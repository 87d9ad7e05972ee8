import { useEffect } from 'react';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { useUi } from './store';
import { useLedgerUpkeep } from './hooks';
import type { Screen } from './store';
import { StockOverview } from '../features/stock/StockOverview';
import { SkuCatalog } from '../features/skus/SkuCatalog';
import { PlatformCodes } from '../features/listings/PlatformCodes';
import { Locations } from '../features/locations/Locations';
import { Movements } from '../features/movements/Movements';
import { PeriodReport } from '../features/report/PeriodReport';
import { LedgerBrowser } from '../features/ledger/LedgerBrowser';
import { Imports } from '../features/imports/Imports';
import { queueDroppedFiles } from '../features/imports/droppedFiles';
import { Settings } from '../features/settings/Settings';
import { Reconciliation } from '../features/reconciliation/Reconciliation';
import { Plan } from '../features/plan/Plan';
import { PurchaseOrders } from '../features/purchasing/PurchaseOrders';
import { Shipments } from '../features/shipments/Shipments';
import { Suppliers } from '../features/suppliers/Suppliers';
import { Counts } from '../features/counts/Counts';
import { useAutoBackupState } from '../features/settings/autoBackups';
import { Analysis } from '../features/analysis/Analysis';
import { Today } from '../features/today/Today';
import { useLateCount } from '../features/today/useToday';
import { today } from './clock';

/** Screens in the order of a seller's week; the first ten have Alt+digit shortcuts (Alt+0 for the tenth). */
const NAV: { screen: Screen; label: MessageKey; shortcut?: string }[] = [
  // What needs the seller now comes first; Alt+T opens it (the digits are the screens of the week).
  { screen: 'today', label: 'nav.today', shortcut: 't' },
  { screen: 'stock', label: 'nav.stock', shortcut: '1' },
  { screen: 'imports', label: 'nav.imports', shortcut: '2' },
  { screen: 'plan', label: 'nav.plan', shortcut: '3' },
  { screen: 'purchasing', label: 'nav.purchasing', shortcut: '4' },
  { screen: 'shipments', label: 'nav.shipments', shortcut: '5' },
  { screen: 'reconcile', label: 'nav.reconcile', shortcut: '6' },
  { screen: 'skus', label: 'nav.skus', shortcut: '7' },
  { screen: 'listings', label: 'nav.listings', shortcut: '8' },
  { screen: 'movements', label: 'nav.movements', shortcut: '9' },
  { screen: 'ledger', label: 'nav.ledger', shortcut: '0' },
  // Every digit is taken: counts come first among the screens reached by Tab or click.
  { screen: 'counts', label: 'nav.counts' },
  { screen: 'report', label: 'nav.report' },
  { screen: 'analysis', label: 'nav.analysis' },
  { screen: 'suppliers', label: 'nav.suppliers' },
  { screen: 'locations', label: 'nav.locations' },
  { screen: 'settings', label: 'nav.settings' },
];

const SCREEN_VIEWS: Record<Screen, () => React.JSX.Element> = {
  today: Today,
  stock: StockOverview,
  imports: Imports,
  skus: SkuCatalog,
  listings: PlatformCodes,
  locations: Locations,
  movements: Movements,
  ledger: LedgerBrowser,
  report: PeriodReport,
  analysis: Analysis,
  reconcile: Reconciliation,
  plan: Plan,
  purchasing: PurchaseOrders,
  shipments: Shipments,
  suppliers: Suppliers,
  counts: Counts,
  settings: Settings,
};

export function App() {
  const { t, language, describe } = useT();
  const screen = useUi((s) => s.screen);
  const go = useUi((s) => s.go);
  // A failed automatic backup is said on every screen, not only in Settings: the seller must know
  // their data is not being copied (a full disk, a folder that cannot be written).
  const backup = useAutoBackupState((s) => s.activity);
  useLedgerUpkeep();
  const lateCount = useLateCount(today());

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Alt+1…9 and Alt+0 jump between screens from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      // Lower case: Alt+T with Caps Lock or Shift still opens Today.
      const target = NAV.find((item) => item.shortcut === event.key.toLowerCase());
      if (target) {
        event.preventDefault();
        go(target.screen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  // Files dropped anywhere go to the Imports screen.
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      queueDroppedFiles(files);
      go('imports');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [go]);

  const View = SCREEN_VIEWS[screen];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t(NAV.find((n) => n.screen === screen)!.label)}
      </a>
      <nav className="app__nav no-print" aria-label={t('nav.main')}>
        <div className="app__brand">
          <strong>{t('app.name')}</strong>
          <small>{t('app.tagline')}</small>
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.screen}>
              <button
                type="button"
                className="app__nav-item"
                aria-current={item.screen === screen ? 'page' : undefined}
                aria-keyshortcuts={item.shortcut ? `Alt+${item.shortcut}` : undefined}
                data-screen={item.screen}
                onClick={() => go(item.screen)}
              >
                {t(item.label)}
                {item.screen === 'today' && lateCount > 0 ? (
                  <span className="badge badge--warn app__nav-badge" data-testid="nav-late-count">
                    {t('today.navLate', { count: lateCount })}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app__main" tabIndex={-1}>
        {/* A failed daily backup only: a safety copy's failure was already put to the seller at the restore. */}
        {backup.kind === 'failed' && backup.backup === 'daily' && screen !== 'settings' ? (
          <p className="status status--error no-print" role="alert" data-testid="auto-backup-failed">
            {t('settings.autoBackupsFailed', { reason: describe(backup.error) })}{' '}
            <button type="button" className="btn btn--small" onClick={() => go('settings')}>
              {t('nav.settings')}
            </button>
          </p>
        ) : null}
        <View />
      </main>
    </div>
  );
}
