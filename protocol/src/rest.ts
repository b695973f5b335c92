// The REST surface (express) for what is not live: setup, files, cards, accounts. Paths are relative to
// the server's origin. Staff requests carry the session cookie plus the X-CSRF-Token header returned at
// login; delegates fetch documents with `Authorization: Bearer <card token>`.

import type { AgendaItem, CouncilConfig, Delegate, Motion, Session, SessionDocument, StaffRole } from './model';
import type { RoundView } from './views';

export const CSRF_HEADER = 'x-csrf-token';
export const STAFF_COOKIE = 'hddt_staff';
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const API = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  hall: '/api/hall',
  council: '/api/council',
  delegates: '/api/delegates',
  delegate: (id: string) => `/api/delegates/${id}`,
  delegateVacate: (id: string) => `/api/delegates/${id}/vacate`,
  delegateReseat: (id: string) => `/api/delegates/${id}/reseat`,
  delegateToken: (id: string) => `/api/delegates/${id}/token`,
  delegatesImport: '/api/delegates/import',
  delegatesExport: '/api/delegates/export.csv',
  cards: '/api/cards',
  cardsIssue: '/api/cards/issue',
  sessions: '/api/sessions',
  session: (id: string) => `/api/sessions/${id}`,
  sessionAgenda: (id: string) => `/api/sessions/${id}/agenda`,
  sessionAgendaOrder: (id: string) => `/api/sessions/${id}/agenda-order`,
  agendaItem: (id: string) => `/api/agenda/${id}`,
  sessionDocuments: (id: string) => `/api/sessions/${id}/documents`,
  document: (id: string) => `/api/documents/${id}`,
  documentFile: (id: string) => `/api/documents/${id}/file`,
  sessionMotions: (id: string) => `/api/sessions/${id}/motions`,
  motion: (id: string) => `/api/motions/${id}`,
  displays: '/api/displays',
  hallLayout: '/api/hall-layout',
  display: (id: string) => `/api/displays/${id}`,
  resolutions: '/api/resolutions',
  resolutionText: (id: string) => `/api/resolutions/${id}/text`,
  staff: '/api/staff',
  staffPassword: (username: string) => `/api/staff/${username}/password`,
} as const;

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
