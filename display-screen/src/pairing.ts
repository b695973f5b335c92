// Pairing: the chair console gives a link /display/#token=…; the display keeps the token in localStorage and
// cleans the address bar so the token is not left on screen. An optional lang=en in the fragment or query
// picks the language of an unattended screen.
import type { Lang } from './i18n';

const TOKEN_KEY = 'hddt.display.token';
const LANG_KEY = 'hddt.display.lang';

export interface PairingState {
  token: string | null;
  lang: Lang;
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    /* storage unavailable: the pairing lasts for this page only */
  }
}

export function readPairing(loc: Pick<Location, 'hash' | 'search' | 'pathname'>, storage: Storage, history: Pick<History, 'replaceState'>): PairingState {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const query = new URLSearchParams(loc.search);
  const newToken = hash.get('token');
  const langParam = hash.get('lang') ?? query.get('lang');
  if (newToken) safeSet(storage, TOKEN_KEY, newToken);
  if (langParam === 'vi' || langParam === 'en') safeSet(storage, LANG_KEY, langParam);
  if (newToken || hash.has('lang')) history.replaceState(null, '', loc.pathname + loc.search);
  return {
    token: newToken ?? safeGet(storage, TOKEN_KEY),
    lang: safeGet(storage, LANG_KEY) === 'en' ? 'en' : 'vi',
  };
}

export function forgetToken(storage: Storage): void {
  safeSet(storage, TOKEN_KEY, null);
}

export function rememberLang(storage: Storage, lang: Lang): void {
  safeSet(storage, LANG_KEY, lang);
}
