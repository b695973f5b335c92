// Starts the hall server: reads configuration from the environment, listens on the LAN, prints the URLs.

import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { createApp, lanAddresses } from './app';
import { logger } from './logger';
import { isHallOnlyAddress } from './mail/link-base';
import { selfTest } from './self-test';
import type { RestartInfo } from './supervisor';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
const demo = (process.env.HDDT_DEMO ?? '1') !== '0';
// E-mailed links must open from anywhere: a malformed address is refused at start, not found out by recipients.
const portalPublicUrl = process.env.PORTAL_PUBLIC_URL?.trim() || undefined;
if (portalPublicUrl && !/^https?:\/\/[^/\s]+/i.test(portalPublicUrl)) {
  console.error(
    `PORTAL_PUBLIC_URL phải là địa chỉ dạng https://ten-mien (nhận được "${portalPublicUrl}") / must look like https://host (got "${portalPublicUrl}")`,
  );
  process.exit(2);
}
const tls =
  process.env.TLS_CERT && process.env.TLS_KEY
    ? { cert: readFileSync(process.env.TLS_CERT, 'utf8'), key: readFileSync(process.env.TLS_KEY, 'utf8') }
    : undefined;

// Publishing to a portal service (docs/deploy.md): both set, or neither.
function publishTo(): { url: string; key: string } | undefined {
  const url = process.env.PORTAL_PUBLISH_URL?.trim();
  const key = process.env.PORTAL_PUBLISH_KEY?.trim();
  if (!url && !key) return undefined;
  if (!url || !/^https?:\/\/[^/\s]+/i.test(url) || !key || key.length < 24) {
    console.error(
      'Cần cả PORTAL_PUBLISH_URL (https://…) và PORTAL_PUBLISH_KEY (ít nhất 24 ký tự) / both PORTAL_PUBLISH_URL (https://…) and PORTAL_PUBLISH_KEY (at least 24 characters) are required',
    );
    process.exit(2);
  }
  return { url, key };
}

// Started again by the supervisor after a crash: serve as fast as possible and say so in the log.
const restart = parseRestart(process.env.HDDT_RESTART);

// A few votes on a scratch council before the real one starts (see self-test.ts); HDDT_SELF_TEST=0 skips it.
// After a crash the hall is waiting: the self-test (about 4 s) is skipped so tablets are served within 5 s.
let selfTestLine = '';
if ((process.env.HDDT_SELF_TEST ?? '1') !== '0' && !restart) {
  console.log('Đang tự kiểm tra (vài giây)… / running the start-up self-test (a few seconds)…');
  try {
    const report = await selfTest();
    logger.info(report, 'self-test passed');
    selfTestLine = `Tự kiểm tra / self-test: ${report.rounds} × ${report.delegates} phiếu / ballots, ${(report.totalMs / 1000).toFixed(1)} s — đạt / passed`;
  } catch (error) {
    logger.error({ err: error }, 'self-test failed');
    selfTestLine = `Tự kiểm tra KHÔNG ĐẠT / self-test FAILED: ${(error as Error).message}`;
  }
}

const app = await createApp({
  dataDir,
  demo,
  adminPassword: process.env.HDDT_ADMIN_PASSWORD || undefined,
  publicUrl: process.env.PUBLIC_URL || undefined,
  portalPublicUrl,
  appsRoot: process.env.HDDT_APPS_ROOT || undefined,
  tls,
  trustProxy: process.env.HDDT_TRUST_PROXY || undefined,
  publish: publishTo(),
});
const actualPort = await app.listen(port, host);
if (restart) {
  const recorded = await app.engine.record([{ type: 'server.restarted', ...restart, selfTestSkipped: (process.env.HDDT_SELF_TEST ?? '1') !== '0' }], {
    kind: 'system',
  });
  logger.warn({ ...restart, recorded: recorded.ok }, 'server restarted by the supervisor');
}
const scheme = tls ? 'https' : 'http';
const hosts = process.env.PUBLIC_URL
  ? [process.env.PUBLIC_URL.replace(/\/$/, '')]
  : [...lanAddresses().map((a) => `${scheme}://${a}:${actualPort}`), `${scheme}://localhost:${actualPort}`];
const council = app.engine.state.council?.name.vi ?? '';

const lines = [
  '',
  `Hội đồng điện tử — ${council}`,
  `Dữ liệu / data: ${dataDir}`,
  ...(selfTestLine ? [selfTestLine] : []),
  ...(tls ? [`TLS: SHA-256 ${new X509Certificate(tls.cert).fingerprint256}`] : []),
  '',
  `  Chủ tọa & Văn phòng (chair console): ${hosts[0]}/chair/`,
  `  Đại biểu (delegate tablets):        ${hosts[0]}/delegate/   (đăng nhập bằng thẻ QR / sign in with the QR card)`,
  `  Màn hình hội trường (hall display): ${hosts[0]}/display/   (ghép nối từ bàn chủ tọa / pair from the chair console)`,
  ...(hosts.length > 1 ? ['', `  Địa chỉ khác / other addresses: ${hosts.slice(1).join(', ')}`] : []),
  `  Liên kết trong thư mời (e-mailed links): ${app.services.publicBaseUrl()}/moi/…${isHallOnlyAddress(app.services.publicBaseUrl()) ? '   (chỉ mở được trong hội trường — đặt PORTAL_PUBLIC_URL / hall only — set PORTAL_PUBLIC_URL)' : ''}`,
  '',
];
if (app.generatedAdminPassword) {
  lines.push(
    `  Tài khoản quản trị / admin account: admin   mật khẩu / password: ${app.generatedAdminPassword}`,
    '  (chỉ hiện một lần — hãy ghi lại và đổi mật khẩu / shown once — write it down and change it)',
    '',
  );
}
console.log(lines.join('\n'));

let closing = false;
const shutDown = () => {
  if (closing) return;
  closing = true;
  console.log('Đang dừng máy chủ… / shutting down…');
  void app.close().then(() => process.exit(0));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, shutDown);
// Run by the supervisor: if it goes away, stop too, so a new supervisor finds the port free.
if (process.send) process.on('disconnect', shutDown);

function parseRestart(raw: string | undefined): RestartInfo | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<RestartInfo>;
    return {
      previousExitCode: typeof value.previousExitCode === 'number' ? value.previousExitCode : null,
      previousSignal: typeof value.previousSignal === 'string' ? value.previousSignal.slice(0, 20) : null,
      restarts: typeof value.restarts === 'number' ? value.restarts : 1,
    };
  } catch {
    return { previousExitCode: null, previousSignal: null, restarts: 1 };
  }
}
