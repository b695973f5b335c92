// Login cards: who holds one, issuing a sheet of them, re-issuing one delegate's card.

import type { DelegateCard, DelegateCardStatus } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import express, { type Request, type Router } from 'express';
import { fingerprint, newToken } from '../../storage/credentials';
import { revokeDelegateSocket } from '../delegate-namespace';
import { sortedDelegates } from './delegates';
import { actorOf, on, param, parseBody, sendError, type RestContext } from './http';

export function cardRoutes({ services, secretariat, json }: RestContext): Router {
  const router = express.Router();
  const { engine, creds } = services;
  const cardFor = (delegateId: string, token: string): DelegateCard | null => {
    const d = engine.state.delegates[delegateId];
    if (!d) return null;
    const base = services.baseUrls()[0] ?? '';
    return { delegateId: d.id, seat: d.seat, fullName: d.fullName, title: d.title, signInUrl: `${base}/delegate/#token=${token}` };
  };
  const issueToken = async (req: Request, delegateId: string): Promise<string | null> => {
    const token = newToken();
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record([{ type: 'credential.delegate-issued', delegateId, fingerprint: fingerprint(token) }], actorOf(req), () =>
      creds.setDelegateToken(delegateId, token, at),
    );
    return result.ok ? token : null;
  };
  // Only a hash of each card is stored: the list says who has a card and since when, never the link.
  on(router, REST_ROUTES.cards, secretariat, (_req, res) => {
    const issued = creds.cardsIssuedAt();
    const list: DelegateCardStatus[] = sortedDelegates(engine.state)
      .filter((d) => d.seated)
      .map((d) => ({ delegateId: d.id, seat: d.seat, fullName: d.fullName, title: d.title, issuedAt: issued.get(d.id) ?? null }));
    res.json(list);
  });
  // Issuing is the one moment a card's link exists: the answer carries the links to print.
  on(router, REST_ROUTES.cardsIssue, secretariat, json, async (req, res) => {
    const body = parseBody(REST_ROUTES.cardsIssue.body, req, res);
    if (!body) return;
    const issued = creds.cardsIssuedAt();
    const targets = sortedDelegates(engine.state).filter((d) => d.seated && !(body.scope === 'missing' && issued.has(d.id)));
    const tokens = targets.map((d) => ({ delegateId: d.id, token: newToken() }));
    const at = new Date(services.nowMs()).toISOString();
    // One transaction for the whole sheet: every card is issued, or none (and one fsync instead of hundreds).
    const result = await engine.record(
      tokens.map(({ delegateId, token }) => ({ type: 'credential.delegate-issued' as const, delegateId, fingerprint: fingerprint(token) })),
      actorOf(req),
      () => {
        for (const { delegateId, token } of tokens) creds.setDelegateToken(delegateId, token, at);
      },
    );
    if (!result.ok) return sendError(res, 'STORAGE_FAILURE');
    for (const { delegateId } of tokens) if (issued.has(delegateId)) revokeDelegateSocket(services, delegateId);
    res.json(tokens.flatMap(({ delegateId, token }) => cardFor(delegateId, token) ?? []));
  });
  on(router, REST_ROUTES.delegateToken, secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    if (!engine.state.delegates[id]) return sendError(res, 'DELEGATE_NOT_FOUND');
    const token = await issueToken(req, id);
    if (!token) return sendError(res, 'STORAGE_FAILURE');
    revokeDelegateSocket(services, id);
    const card = cardFor(id, token);
    if (!card) return sendError(res, 'DELEGATE_NOT_FOUND');
    res.json(card);
  });
  return router;
}
