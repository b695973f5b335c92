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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={displayStore} onLangChange={(lang) => rememberLang(window.localStorage, lang)} />
  </StrictMode>,
);
