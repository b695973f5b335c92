// What the transport layer shares: the engine, the live hub, credentials, and a rate-limited way to put
// security-relevant refusals into the log.

import { logger } from '../logger';
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
}

export class SecurityLog {
  private readonly recent = new Map<string, number>();

  constructor(private readonly engine: Engine) {}

  /** Records a refusal in the event log, at most once per key per 10 s so an attacker cannot flood the log. */
  refused(actor: Actor, key: string, code: ErrorCode, reason: string, detail: string): void {
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
