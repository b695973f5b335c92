import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@hddt/ui/tokens.css';
import './styles/display.css';
import { i18next } from './i18n';
import { App } from './app';
import { displayStore } from './store';
import { forgetToken, readPairing, rememberLang } from './pairing';
import { createDisplaySocket } from './socket';
import { startLiveSync } from './live-sync';

const RELOAD_WHEN_OUTDATED_MS = 30_000;

let stopSync: (() => void) | null = null;

function connect(): void {
  stopSync?.();
  stopSync = null;
  const pairing = readPairing(window.location, window.localStorage, window.history);
  displayStore.setState({ lang: pairing.lang });
  if (!pairing.token) {
    displayStore.setState({ connection: 'unpaired', unpairedReason: 'none' });
    return;
  }
  displayStore.setState({ connection: 'connecting', snapshot: null, boards: {} });
  const socket = createDisplaySocket(pairing.token);
  stopSync = startLiveSync(socket, displayStore, {
    onUnpaired: () => forgetToken(window.localStorage),
    onOutdated: () => setTimeout(() => window.location.reload(), RELOAD_WHEN_OUTDATED_MS),
  });
}

// A new pairing link opened on an already running display re-pairs it without a reload.
window.addEventListener('hashchange', () => {
  if (window.location.hash.includes('token=') || window.location.hash.includes('lang=')) connect();
});
document.title = i18next.t('appTitle');
connect();

// An unattended screen must not dim or sleep in the middle of a session. The lock is dropped whenever the
// page is hidden, so take it again each time it becomes visible. (Browsers without the API: kiosk settings.)
async function keepScreenOn(): Promise<void> {
  try {
    if (document.visibilityState === 'visible') await navigator.wakeLock?.request('screen');
  } catch {
    /* refused (no user gesture yet, or power saving): nothing else to do */
  }
}
document.addEventListener('visibilitychange', () => void keepScreenOn());
void keepScreenOn();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={displayStore} onLangChange={(lang) => rememberLang(window.localStorage, lang)} />
  </StrictMode>,
);
