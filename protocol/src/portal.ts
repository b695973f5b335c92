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
  /**
   * The base address e-mailed links start with (PORTAL_PUBLIC_URL, else the hall's address), and whether it
   * is only reachable inside the hall (a private LAN address or localhost): then recipients elsewhere cannot
   * open their links, and the console says so.
   */
  linkBase: string;
  linkBaseLocal: boolean;
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

/**
 * Why sending failed, in terms a secretariat can act on (from nodemailer's error code, SMTP reply code and
 * command); the mail server's raw reply is kept beside it for the IT officer.
 */
export type MailFailureCause = 'connection' | 'dns' | 'timeout' | 'tls' | 'certificate' | 'auth' | 'sender' | 'recipient' | 'message' | 'temporary' | 'unknown';

/** For each cause: what happened, and what to check. Vietnamese first, English second. */
export const MAIL_FAILURES: Record<MailFailureCause, { message: readonly [string, string]; hint: readonly [string, string] }> = {
  connection: {
    message: [
      'Không kết nối được tới máy chủ thư: máy chủ từ chối kết nối ở cổng này.',
      'Could not connect to the mail server: it refused the connection on this port.',
    ],
    hint: [
      'Kiểm tra địa chỉ máy chủ và cổng (thường là 587; 465 khi bật kết nối mã hóa TLS), máy chủ thư có đang chạy, và tường lửa có cho máy này kết nối ra ngoài.',
      'Check the host and port (usually 587; 465 with the encrypted TLS connection on), that the mail server is running, and that the firewall lets this machine connect out.',
    ],
  },
  dns: {
    message: ['Không tìm thấy máy chủ thư có tên đã nhập.', 'No mail server was found under the host name entered.'],
    hint: [
      'Kiểm tra chính tả tên máy chủ (ví dụ smtp.example.gov.vn) và máy chủ của hội trường có kết nối mạng ra ngoài.',
      'Check the spelling of the host name (e.g. smtp.example.gov.vn) and that the hall server can reach the outside network.',
    ],
  },
  timeout: {
    message: ['Máy chủ thư không trả lời (quá 10 giây).', 'The mail server did not answer (over 10 seconds).'],
    hint: [
      'Thường do chọn sai kiểu kết nối cho cổng: cổng 465 cần bật «Kết nối mã hóa (TLS)», cổng 587 hoặc 25 thì tắt. Cũng có thể tường lửa chặn cổng này.',
      'Usually the connection type does not match the port: port 465 needs “Encrypted connection (TLS)” on, ports 587 and 25 need it off. A firewall may also be blocking the port.',
    ],
  },
  tls: {
    message: ['Không thiết lập được kết nối mã hóa (TLS) với máy chủ thư.', 'Could not set up the encrypted (TLS) connection with the mail server.'],
    hint: [
      'Kiểm tra ô «Kết nối mã hóa (TLS)»: bật với cổng 465, tắt với cổng 587 hoặc 25 (khi đó máy chủ tự chuyển sang mã hóa bằng STARTTLS).',
      'Check “Encrypted connection (TLS)”: on for port 465, off for ports 587 and 25 (the server then switches to encryption with STARTTLS).',
    ],
  },
  certificate: {
    message: [
      'Chứng chỉ bảo mật của máy chủ thư không hợp lệ hoặc không khớp tên máy chủ.',
      "The mail server's security certificate is not valid or does not match its name.",
    ],
    hint: [
      'Nhập đúng tên máy chủ ghi trên chứng chỉ (không dùng địa chỉ IP), hoặc nhờ bộ phận CNTT cài chứng chỉ hợp lệ cho máy chủ thư.',
      'Enter the host name the certificate was issued for (not an IP address), or ask IT to install a valid certificate on the mail server.',
    ],
  },
  auth: {
    message: [
      'Máy chủ thư từ chối đăng nhập (sai tên đăng nhập, mật khẩu, hoặc máy chủ yêu cầu đăng nhập).',
      'The mail server refused the sign-in (wrong user name or password, or it requires one).',
    ],
    hint: [
      'Kiểm tra tên đăng nhập và mật khẩu; Gmail và Microsoft 365 cần «mật khẩu ứng dụng» và cho phép gửi qua SMTP.',
      'Check the user name and password; Gmail and Microsoft 365 need an “app password” and SMTP sending enabled for the account.',
    ],
  },
  sender: {
    message: ['Máy chủ thư không chấp nhận địa chỉ người gửi.', 'The mail server does not accept the sender address.'],
    hint: [
      'Địa chỉ người gửi phải thuộc tài khoản hoặc tên miền được phép gửi qua máy chủ này (thường trùng với tên đăng nhập).',
      'The sender address must belong to the account or domain allowed to send through this server (usually the same as the user name).',
    ],
  },
  recipient: {
    message: [
      'Địa chỉ người nhận bị từ chối (hộp thư không tồn tại hoặc không nhận thư).',
      'The recipient address was refused (no such mailbox, or it does not accept mail).',
    ],
    hint: [
      'Kiểm tra lại địa chỉ e-mail của người nhận ở mục Người nhận, sửa rồi bấm gửi lại.',
      "Check the recipient's e-mail address under Recipients, correct it, then resend.",
    ],
  },
  message: {
    message: ['Máy chủ thư từ chối nội dung thư.', 'The mail server refused the message.'],
    hint: [
      'Máy chủ có thể coi thư là thư rác hoặc quá lớn; nhờ bộ phận CNTT xem nhật ký máy chủ thư với chi tiết bên dưới.',
      'The server may have taken it for spam or found it too large; ask IT to look at the mail server log with the detail below.',
    ],
  },
  temporary: {
    message: ['Máy chủ thư tạm thời chưa nhận thư.', 'The mail server is temporarily not accepting mail.'],
    hint: [
      'Thử gửi lại sau ít phút; nếu vẫn lỗi, báo bộ phận CNTT kèm chi tiết bên dưới.',
      'Try again in a few minutes; if it persists, tell IT with the detail below.',
    ],
  },
  unknown: {
    message: ['Gửi thư không thành công.', 'Sending failed.'],
    hint: ['Báo bộ phận CNTT kèm chi tiết bên dưới.', 'Tell IT with the detail below.'],
  },
};

/** POST /api/mail/test: the settings as in the form (password omitted: the stored one) and where to send. */
export interface MailTestInput extends MailSettingsInput {
  to: string;
}

/** The answer of POST /api/mail/test: the test message was accepted, or why not. */
export type MailTestReport = { delivered: true; to: string } | { delivered: false; to: string; cause: MailFailureCause; detail: string };

/** GET/POST /api/sessions/:id/invitations(/retry). */
export interface InvitationReport {
  recipientKind: RecipientKind;
  recipientId: string;
  name: string;
  email: string;
  status: InvitationStatus;
  /** The mail server's raw reply to the last failed attempt (detail for the IT officer). */
  error: string | null;
  /** Why the last attempt failed (see MAIL_FAILURES). */
  errorCause: MailFailureCause | null;
  /** When the last attempt failed. */
  failedAt: string | null;
  /** When the personal link was revoked (the guest was removed): it opens nothing and is never resent. */
  revokedAt: string | null;
  sentAt: string | null;
  /** When the personal page was first opened in a browser (not a link scanner, not the secretariat's preview). */
  openedAt: string | null;
  /** Documents opened from the personal page, each with its first opening, earliest first. */
  documentsOpened: { documentId: string; title: string; openedAt: string }[];
  /** The personal link (for the secretariat to read out or print when e-mail fails). */
  url: string;
}
