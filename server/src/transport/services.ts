// What the transport layer shares: the engine, the live hub, credentials, and a rate-limited way to put
// security-relevant refusals into the log.

import { logger } from '../logger';
import { clientText } from './client-text';
import type { Ack, ErrorCode } from '@hddt/protocol';
import { errorBody } from '@hddt/protocol';
import type { Actor, Command, CouncilState, Decision } from '../domain/types';
import type { Engine } from '../engine';
import type { Credentials } from '../storage/credentials';
import type { LiveHub } from './live-hub';

export interface Services {
  engine: Engine;
  hub: LiveHub;
  creds: Credentials;
  dataDir: string;
  /** Base URLs (scheme://host:port) at which hall devices reach this server, best first. */
  baseUrls: () => string[];
  /** SHA-256 fingerprint of the TLS certificate, when serving HTTPS. */
  tlsFingerprint: string | null;
  newId: () => string;
  nowMs: () => number;
  security: SecurityLog;
}

export class SecurityLog {
  private readonly recent = new Map<string, number>();

  constructor(private readonly engine: Engine) {}

  /**
   * Records a refusal in the event log, at most once per key per 10 s so an attacker cannot flood the log.
   * `key` and `detail` may carry what a client sent: both are coerced to bounded strings here, whatever they are.
   */
  refused(actor: Actor, rawKey: unknown, code: ErrorCode, reason: string, rawDetail: unknown): void {
    const key = clientText(rawKey, 300);
    const detail = clientText(rawDetail, 300);
    const now = Date.now();
    const last = this.recent.get(key) ?? 0;
    if (now - last < 10_000) return;
    this.recent.set(key, now);
    if (this.recent.size > 10_000) this.recent.clear();
    logger.warn({ actor: actor.kind, code, reason, detail: detail.slice(0, 200) }, 'refused');
    void this.engine.record([{ type: 'security.refused', reason, code, detail: detail.slice(0, 300) }], actor);
  }
}

/** Runs a command and maps the committed state to the ack's data. */
export async function run<T>(
  services: Services,
  command: Command,
  actor: Actor,
  map: (state: CouncilState, decision: Decision) => T | null,
): Promise<Ack<T>> {
  const result = await services.engine.execute(command, actor);
  if (!result.ok) return errorBody(result.code);
  const data = map(result.state, result.decision);
  if (data === null) return errorBody('NOT_FOUND');
  return { ok: true, data };
}
