import { beforeEach, describe, expect, it } from 'vitest';
import { forgetToken, readPairing } from './pairing';

describe('readPairing', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the token from the pairing link and cleans the address bar', () => {
    const replaced: string[] = [];
    const history = { replaceState: (_d: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) };
    const first = readPairing({ hash: '#token=abc123&lang=en', search: '', pathname: '/display/' }, localStorage, history);
    expect(first).toEqual({ token: 'abc123', lang: 'en' });
    expect(replaced).toEqual(['/display/']);
    // After a reload (no fragment) the display is still paired.
    expect(readPairing({ hash: '', search: '', pathname: '/display/' }, localStorage, history)).toEqual({ token: 'abc123', lang: 'en' });
    forgetToken(localStorage);
    expect(readPairing({ hash: '', search: '', pathname: '/display/' }, localStorage, history).token).toBeNull();
  });
});
