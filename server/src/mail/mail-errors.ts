// What a failed send means for the secretariat. nodemailer reports a connection-level `code` (ECONNECTION,
// ESOCKET, EDNS, ETIMEDOUT, ETLS, EAUTH, EENVELOPE, EMESSAGE, …), the SMTP `responseCode` and the `command`
// that got it; the raw text (an OpenSSL line, "getaddrinfo ENOTFOUND …") means little to a secretary, so it is
// mapped to a small set of causes with a message and a hint (protocol MAIL_FAILURES) and kept as the detail.

import type { MailFailureCause } from '@hddt/protocol';

export interface MailFailure {
  cause: MailFailureCause;
  /** The mail server's raw reply or the system error, for the IT officer. */
  detail: string;
}

interface NodemailerError {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
  message?: unknown;
}

const CERTIFICATE = /certificate|self[- ]signed|CERT_|unable to verify|altnames/i;
const TLS_MISMATCH = /wrong version number|SSL routines|ssl3_|tls_|packet length too long|unknown protocol|EPROTO/i;
const REFUSED = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EADDRNOTAVAIL|EPIPE|closed the connection/i;
const NOT_FOUND = /ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo/i;
const TIMEOUT = /timed? ?out|Greeting never received|ETIMEDOUT/i;

/** The cause of a nodemailer error, judged by its code first, then the SMTP reply, then the text. */
export function classifyMailError(error: unknown): MailFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : 0;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const text = (typeof e.response === 'string' && e.response) || (typeof e.message === 'string' && e.message) || String(error);
  const detail = (code && !text.includes(code) ? `${text} [${code}]` : text).trim().slice(0, 500);
  const cause = ((): MailFailureCause => {
    if (code === 'EAUTH' || command.startsWith('AUTH')) return 'auth';
    if (code === 'EDNS' || NOT_FOUND.test(text)) return 'dns';
    if (CERTIFICATE.test(text)) return 'certificate';
    if (code === 'ETLS' || code === 'EREQUIRETLS' || TLS_MISMATCH.test(text)) return 'tls';
    if (code === 'ETIMEDOUT' || TIMEOUT.test(text)) return 'timeout';
    if (responseCode >= 400 && responseCode < 500) return 'temporary';
    // 530 "Authentication required", 535/534/538 refused credentials (some servers answer them at MAIL FROM).
    if (responseCode === 530 || responseCode === 534 || responseCode === 535 || responseCode === 538) return 'auth';
    if (command === 'MAIL FROM') return 'sender';
    if (command === 'RCPT TO' || code === 'EENVELOPE') return 'recipient';
    if (command === 'DATA' || code === 'EMESSAGE') return 'message';
    if (code === 'ECONNECTION' || code === 'ESOCKET' || REFUSED.test(text)) return 'connection';
    return 'unknown';
  })();
  return { cause, detail };
}

/** Causes that concern the server or the account, not one recipient: the rest of a batch would fail alike. */
export function isServerWide(cause: MailFailureCause): boolean {
  switch (cause) {
    case 'connection':
    case 'dns':
    case 'timeout':
    case 'tls':
    case 'certificate':
    case 'auth':
    case 'sender':
      return true;
    case 'recipient':
    case 'message':
    case 'temporary':
    case 'unknown':
      return false;
  }
}
