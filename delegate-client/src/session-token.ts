// The card token travels in the QR link's fragment (/delegate/#token=…), so it never reaches server logs.
// It is kept in localStorage so a reload or a closed tab comes back signed in; the address bar is cleaned.

const TOKEN_KEY = 'hddt.delegate.token';
const DEVICE_KEY = 'hddt.delegate.deviceId';

/** Reads a token from the address fragment (and removes it from the address bar), else the stored one. */
export function takeTokenFromLocation(loc: Location = window.location, hist: History = window.history): string | null {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const fromLink = params.get('token');
  if (fromLink) {
    storeToken(fromLink);
    hist.replaceState(null, '', loc.pathname + loc.search);
    return fromLink;
  }
  return storedToken();
}

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Private mode without storage: the session still works until the tab closes.
  }
}

export function forgetToken(): void {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored
  }
}

/** A random id per device, so the server can tell "same tablet reconnecting" from "card used elsewhere". */
export function deviceId(): string {
  try {
    const existing = localStorage.getItem(DEVICE_KEY);
    if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  } catch {
    // fall through: a fresh id for this page
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    localStorage.setItem(DEVICE_KEY, id);
  } catch {
    // not persisted
  }
  return id;
}
