// Whether a base address only works inside the hall: e-mailed links built on it cannot be opened by a
// delegate away on business (the seed: documents read "kể cả khi đi công tác xa").

/** True for localhost, loopback, private (RFC 1918), link-local and carrier-grade NAT addresses, and *.local / *.lan names. */
export function isHallOnlyAddress(base: string): boolean {
  let host: string;
  try {
    host = new URL(base).hostname.toLowerCase();
  } catch {
    return true;
  }
  host = host.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.lan') || host.endsWith('.internal')) return true;
  if (!host.includes('.')) return !host.includes(':') || host === '::1' || /^f[cd]|^fe80/.test(host);
  const ipv4 = host.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (!ipv4) return false;
  const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
  return (
    a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)
  );
}
