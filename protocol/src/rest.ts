// The REST surface (express) for what is not live: setup, files, cards, accounts. Paths are relative to
// the server's origin. Staff requests carry the session cookie plus the X-CSRF-Token header returned at
// login; delegates fetch documents with `Authorization: Bearer <card token>`.

import type { AgendaItem, CouncilConfig, Delegate, Motion, Session, SessionDocument, StaffRole } from './model';
import type { RoundView } from './views';

export const CSRF_HEADER = 'x-csrf-token';
export const STAFF_COOKIE = 'hddt_staff';
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The names of a path's parameters: '/api/sessions/:id/agenda' → 'id'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

/** A path's parameters as the rest of an argument list: none for a path without any. */
export type PathParamsArg<P extends string> = [PathParamNames<P>] extends [never] ? [] : [params: PathParams<P>];

/** A route's path with its parameters filled in (each encoded). */
export function routePath<P extends string>(path: P, params: PathParams<P>): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => encodeURIComponent((params as Record<string, string>)[name] ?? ''));
}

/**
 * The path of a route described in protocol (rest-routes.ts), parameters filled in: `pathOf(REST_ROUTES.documentFile,
 * { id })`. For links (`<a href>`) and tests; the console's calls go through its typed client.
 */
export function pathOf<P extends string>(route: { readonly path: P }, ...params: PathParamsArg<P>): string {
  return routePath(route.path, (params[0] ?? {}) as PathParams<P>);
}

export interface StaffIdentity {
  username: string;
  displayName: string;
  role: StaffRole;
  csrfToken: string;
}

export interface HallInfo {
  /** Base URLs at which tablets on the hall network reach this server, best first. */
  baseUrls: string[];
  hallWifi: string;
  /** SHA-256 fingerprint of the server's TLS certificate (null without TLS), for the cards: lets a delegate check it. */
  tlsFingerprint: string | null;
}

export interface SessionDetail {
  session: Session;
  agenda: AgendaItem[];
  documents: SessionDocument[];
  motions: Motion[];
  rounds: RoundView[];
}

export interface DelegateCard {
  delegateId: string;
  seat: number;
  fullName: string;
  title: string;
  /** Personal sign-in link the QR code carries. */
  signInUrl: string;
}

/**
 * A delegate's card as the list shows it. The server keeps only a hash of each card's token, so a card's link
 * exists only in the answer that issued it (POST cardsIssue, POST delegateToken): print it then, or issue anew.
 */
export interface DelegateCardStatus {
  delegateId: string;
  seat: number;
  fullName: string;
  title: string;
  /** When the current card was issued; null: no card yet. */
  issuedAt: string | null;
}

/** POST cardsIssue: new cards for every seated delegate ('all': old cards stop working) or for those without one. */
export interface CardsIssueRequest {
  scope: 'all' | 'missing';
}

export interface DisplayDevice {
  id: string;
  name: string;
  createdAt: string;
  /** A screen paired with this device is connected now. */
  online: boolean;
  /** Present only in the response that created the display: the link to open on the display machine. */
  pairUrl?: string;
}

export interface ImportReport {
  imported: number;
  delegates: Delegate[];
}

export interface ImportRowError {
  line: number;
  message: string;
  messageEn: string;
}

export interface StaffAccount {
  username: string;
  displayName: string;
  role: StaffRole;
}

export type CouncilResponse = CouncilConfig;
