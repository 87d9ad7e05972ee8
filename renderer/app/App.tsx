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
import { Settings } from '../features/settings/Settings';

const NAV: { screen: Screen; label: MessageKey; shortcut: string }[] = [
  { screen: 'stock', label: 'nav.stock', shortcut: '1' },
  { screen: 'skus', label: 'nav.skus', shortcut: '2' },
  { screen: 'listings', label: 'nav.listings', shortcut: '3' },
  { screen: 'locations', label: 'nav.locations', shortcut: '4' },
  { screen: 'movements', label: 'nav.movements', shortcut: '5' },
  { screen: 'ledger', label: 'nav.ledger', shortcut: '6' },
  { screen: 'report', label: 'nav.report', shortcut: '7' },
  { screen: 'settings', label: 'nav.settings', shortcut: '8' },
];

const SCREEN_VIEWS: Record<Screen, () => React.JSX.Element> = {
  stock: StockOverview,
  skus: SkuCatalog,
  listings: PlatformCodes,
  locations: Locations,
  movements: Movements,
  ledger: LedgerBrowser,
  report: PeriodReport,
  settings: Settings,
};

export function App() {
  const { t, language } = useT();
  const screen = useUi((s) => s.screen);
  const go = useUi((s) => s.go);
  useLedgerUpkeep();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Alt+1…8 jumps between screens from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const target = NAV.find((item) => item.shortcut === event.key);
      if (target) {
        event.preventDefault();
        go(target.screen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
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
                aria-keyshortcuts={`Alt+${item.shortcut}`}
                data-screen={item.screen}
                onClick={() => go(item.screen)}
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app__main" tabIndex={-1}>
        <View />
      </main>
    </div>
  );
}
