// The portal back office REST shapes (voter feedback, mail settings, recipients, invitations), copied from
// what server/src/portal/feedback.ts, server/src/mail/* and server/src/transport/mail-api.ts answer.

export type FeedbackStatus = 'new' | 'forwarded' | 'answered';
export const FEEDBACK_STATUS_LIST: readonly FeedbackStatus[] = ['new', 'forwarded', 'answered'];

/** GET /api/feedback?status=, PATCH /api/feedback/:id. */
export interface FeedbackItem {
  id: string;
  createdAt: string;
  name: string;
  contact: string;
  area: string;
  topic: string;
  text: string;
  sessionId: string | null;
  resolutionId: string | null;
  status: FeedbackStatus;
  answer: string | null;
  answerPublished: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export interface FeedbackPatchBody {
  status?: FeedbackStatus;
  answer?: string | null;
  answerPublished?: boolean;
}

/** GET /api/mail/settings: never the password. */
export interface MailSettingsView {
  configured: boolean;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  from: string;
  passwordSet: boolean;
}

/** PUT /api/mail/settings. password omitted: keep the stored one; empty string: none. */
export interface MailSettingsInput {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password?: string;
  from: string;
}

export interface Guest {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

export interface DelegateRecipient {
  delegateId: string;
  seat: number;
  fullName: string;
  seated: boolean;
  email: string | null;
}

/** GET /api/mail/recipients. */
export interface Recipients {
  delegates: DelegateRecipient[];
  guests: Guest[];
}

export type RecipientKind = 'delegate' | 'guest';
export type InvitationStatus = 'pending' | 'sent' | 'failed';

/** GET/POST /api/sessions/:id/invitations(/retry). */
export interface InvitationReport {
  recipientKind: RecipientKind;
  recipientId: string;
  name: string;
  email: string;
  status: InvitationStatus;
  /** The SMTP error of the last failed attempt. */
  error: string | null;
  sentAt: string | null;
  /** When the personal link was first opened. */
  openedAt: string | null;
  documentsOpened: { documentId: string; title: string; openedAt: string }[];
  /** The personal link (for the secretariat to read out or print when e-mail fails). */
  url: string;
}

export const PORTAL_API = {
  feedback: '/api/feedback',
  feedbackItem: (id: string) => `/api/feedback/${encodeURIComponent(id)}`,
  mailSettings: '/api/mail/settings',
  mailRecipients: '/api/mail/recipients',
  delegateEmail: (id: string) => `/api/mail/delegates/${encodeURIComponent(id)}`,
  guests: '/api/mail/guests',
  guest: (id: string) => `/api/mail/guests/${encodeURIComponent(id)}`,
  invitations: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/invitations`,
  invitationsRetry: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/invitations/retry`,
} as const;
