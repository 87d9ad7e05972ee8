import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestPersistentStorage } from './features/settings/useStoragePersistence';
import { scheduleStartupAutoBackup } from './features/settings/autoBackups';
import './app/styles.css';

void requestPersistentStorage();
// Desktop only: a daily backup when the last one is a day old (after the first screens have loaded).
scheduleStartupAutoBackup();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
