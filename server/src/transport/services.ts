// What the transport layer shares: the engine, the live hub, credentials, and a rate-limited way to put
// security-relevant refusals into the log.

import { logger } from '../logger';
import { clientText } from './client-text';
import type { Ack, ErrorCode } from '@hddt/protocol';
import { errorBody, type PublishStatusPayload } from '@hddt/protocol';
import type { Actor, Command, CouncilState, Decision } from '../domain/types';
import type { Engine } from '../engine';
import type { Credentials } from '../storage/credentials';
import type { DelegateNotes } from '../storage/delegate-notes';
import type { LiveHub } from './live-hub';

export type SecurityAlertPayload = { type: 'device-takeover' | 'token-refused'; delegateId: string | null; at: string; count?: number };

/**
 * Refused cards raise alerts on the console, aggregated: the first refusal from a source (address and card)
 * at once, then one alert with the count per window while refusals continue. 300 forged cards in 3 s used to
 * push 300 alerts and every genuine one out of the console's list of 20.
 */
export class RefusalAlerts {
  private readonly windows = new Map<string, { pending: number; delegateId: string | null; timer: NodeJS.Timeout }>();

  constructor(
    private readonly emit: (alert: SecurityAlertPayload) => void,
    private readonly nowMs: () => number,
    private readonly windowMs = 5000,
  ) {}

  tokenRefused(source: string, delegateId: string | null): void {
    const key = `${clientText(source, 100)}|${delegateId ?? ''}`;
    const open = this.windows.get(key);
    if (open) {
      open.pending += 1;
      return;
    }
    // A storm from very many sources: each is still in the log (security.refused); the console gets no more.
    if (this.windows.size >= 1000) return;
    this.emit({ type: 'token-refused', delegateId, at: new Date(this.nowMs()).toISOString(), count: 1 });
    const entry = { pending: 0, delegateId, timer: setTimeout(() => this.flush(key), this.windowMs) };
    entry.timer.unref();
    this.windows.set(key, entry);
  }

  private flush(key: string): void {
    const entry = this.windows.get(key);
    if (!entry) return;
    if (entry.pending === 0) {
      this.windows.delete(key);
      return;
    }
    this.emit({ type: 'token-refused', delegateId: entry.delegateId, at: new Date(this.nowMs()).toISOString(), count: entry.pending });
    entry.pending = 0;
    entry.timer = setTimeout(() => this.flush(key), this.windowMs);
    entry.timer.unref();
  }

  stop(): void {
    for (const entry of this.windows.values()) clearTimeout(entry.timer);
    this.windows.clear();
  }
}

export interface Services {
  engine: Engine;
  hub: LiveHub;
  creds: Credentials;
  /** Delegates' private notes on documents (never in the log, never to anyone but their author). */
  notes: DelegateNotes;
  dataDir: string;
  /** Base URLs (scheme://host:port) at which hall devices reach this server, best first. */
  baseUrls: () => string[];
  /**
   * Base URL of links that leave the hall by e-mail (the public portal's address, PORTAL_PUBLIC_URL); without
   * one, the hall's first address, which recipients outside the hall cannot reach.
   */
  publicBaseUrl: () => string;
  /** SHA-256 fingerprint of the TLS certificate, when serving HTTPS. */
  tlsFingerprint: string | null;
  newId: () => string;
  nowMs: () => number;
  security: SecurityLog;
  refusalAlerts: RefusalAlerts;
  /** Serving HTTPS: cookies are Secure. */
  tls: boolean;
  /** Where publishing to the portal service stands; absent when the hall does not publish. */
  publishStatus?: () => PublishStatusPayload;
}

export class SecurityLog {
  private readonly recent = new Map<string, number>();

  constructor(private readonly engine: Engine) {}

  /**
   * Records a refusal in the event log, at most once per key per 10 s so an attacker cannot flood the log.
   * `key` and `detail` may carry what a client sent: both are coerced to bounded strings here, whatever they are.
   */
  refused(actor: Actor, rawKey: unknown, code: ErrorCode, reason: string, rawDetail: unknown): void {
    void this.recordRefusal(actor, rawKey, code, reason, rawDetail);
  }

  /** As refused; resolves once the refusal is committed (at once when it is not recorded again). */
  async recordRefusal(actor: Actor, rawKey: unknown, code: ErrorCode, reason: string, rawDetail: unknown): Promise<void> {
    const key = clientText(rawKey, 300);
    const detail = clientText(rawDetail, 300);
    const now = Date.now();
    const last = this.recent.get(key) ?? 0;
    if (now - last < 10_000) return;
    this.recent.set(key, now);
    if (this.recent.size > 10_000) this.recent.clear();
    logger.warn({ actor: actor.kind, code, reason, detail: detail.slice(0, 200) }, 'refused');
    await this.engine.record([{ type: 'security.refused', reason, code, detail: detail.slice(0, 300) }], actor);
  }
}

/** Runs a command and maps the committed state to the ack's data. */
export async function run<T>(services: Services, command: Command, actor: Actor, map: (state: CouncilState, decision: Decision) => T | null): Promise<Ack<T>> {
  const result = await services.engine.execute(command, actor);
  if (!result.ok) return errorBody(result.code);
  const data = map(result.state, result.decision);
  if (data === null) return errorBody('NOT_FOUND');
  return { ok: true, data };
}
