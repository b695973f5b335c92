// Every refusal the server can give, with the message a person reads. Vietnamese first, English second.

export const ERRORS = {
  BAD_REQUEST: ['Dữ liệu gửi lên không hợp lệ.', 'The request data is not valid.'],
  UNKNOWN_EVENT: ['Yêu cầu không được hỗ trợ.', 'This request is not supported.'],
  PROTOCOL_MISMATCH: ['Ứng dụng đã cũ so với máy chủ. Vui lòng tải lại trang.', 'This app is out of date for the server. Please reload the page.'],
  UNAUTHENTICATED: ['Chưa đăng nhập hoặc phiên đã hết hạn.', 'Not signed in, or the sign-in has expired.'],
  FORBIDDEN: ['Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'],
  INVALID_CREDENTIALS: ['Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong user name or password.'],
  TOKEN_INVALID: [
    'Thẻ đăng nhập không hợp lệ hoặc đã bị thu hồi. Vui lòng liên hệ Văn phòng (thư ký kỳ họp).',
    'This sign-in card is not valid or has been revoked. Please contact the secretariat.',
  ],
  TOKEN_IN_USE: ['Thẻ đăng nhập này đang được dùng trên một thiết bị khác.', 'This sign-in card is in use on another device.'],
  RATE_LIMITED: ['Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.', 'Too many requests. Please try again shortly.'],
  CSRF: ['Yêu cầu không hợp lệ (thiếu mã chống giả mạo).', 'Request refused (missing anti-forgery token).'],
  NOT_FOUND: ['Không tìm thấy.', 'Not found.'],
  CONFLICT: ['Dữ liệu đã thay đổi, vui lòng tải lại.', 'The data has changed; please reload.'],
  PAYLOAD_TOO_LARGE: ['Tệp hoặc dữ liệu quá lớn.', 'The file or data is too large.'],
  UNSUPPORTED_MEDIA_TYPE: ['Chỉ nhận tệp PDF.', 'Only PDF files are accepted.'],
  STORAGE_FAILURE: [
    'Máy chủ không ghi được dữ liệu (ổ đĩa đầy hoặc lỗi). Thao tác chưa được ghi nhận.',
    'The server could not store this (disk full or failing). Nothing was recorded.',
  ],
  INTERNAL: ['Lỗi máy chủ. Thao tác chưa được ghi nhận.', 'Server error. Nothing was recorded.'],

  SEAT_TAKEN: ['Số ghế đã có đại biểu khác.', 'Another delegate already has this seat.'],
  DELEGATE_NOT_FOUND: ['Không tìm thấy đại biểu.', 'Delegate not found.'],
  SESSION_NOT_FOUND: ['Không tìm thấy kỳ họp.', 'Session not found.'],
  SESSION_NOT_DRAFT: ['Kỳ họp đã khai mạc, không sửa được mục này.', 'The session has started; this cannot be edited.'],
  SESSION_NOT_OPEN: ['Kỳ họp chưa khai mạc hoặc đã bế mạc.', 'The session is not in progress.'],
  SESSION_CLOSED: ['Kỳ họp đã bế mạc.', 'The session is closed.'],
  ANOTHER_SESSION_OPEN: ['Đang có một kỳ họp khác diễn ra.', 'Another session is in progress.'],
  ROUND_IN_PROGRESS: ['Đang có một biểu quyết chưa kết thúc.', 'A vote is still open.'],
  ROLLCALL_CLOSED: ['Chủ tọa chưa mở điểm danh.', 'Roll call is not open.'],
  AGENDA_ITEM_NOT_FOUND: ['Không tìm thấy nội dung trong chương trình.', 'Agenda item not found.'],
  DOCUMENT_NOT_FOUND: ['Không tìm thấy tài liệu.', 'Document not found.'],
  MOTION_NOT_FOUND: ['Không tìm thấy nội dung biểu quyết.', 'Vote not found.'],
  MOTION_HAS_ROUNDS: ['Nội dung này đã được biểu quyết, không sửa hoặc xóa được.', 'This vote has been held; it cannot be changed or removed.'],
  ROUND_NOT_FOUND: ['Không tìm thấy lượt biểu quyết.', 'Voting round not found.'],
  ROUND_NOT_OPEN: ['Biểu quyết chưa mở hoặc đã kết thúc.', 'This vote is not open.'],
  ROUND_NOT_CLOSED: ['Biểu quyết chưa kết thúc.', 'This vote has not been closed.'],
  NOT_SECRET_ROUND: [
    'Lượt này không bỏ phiếu kín: biên bản kiểm phiếu chỉ lập cho bỏ phiếu kín.',
    'This round is not a secret ballot: counting minutes exist for secret ballots only.',
  ],
  PRACTICE_ROUND: ['Biểu quyết thử không được ghi vào biên bản.', 'A practice vote is never part of the records.'],
  QUORUM_NOT_MET: ['Chưa đủ số đại biểu có mặt theo quy định để biểu quyết.', 'Not enough delegates are present (no quorum) to hold this vote.'],
  NOT_SEATED: ['Đại biểu không còn giữ ghế, không được biểu quyết.', 'This delegate no longer holds a seat and cannot vote.'],
  NOT_PRESENT: ['Đại biểu chưa điểm danh nên chưa biểu quyết được.', 'Check in first: only delegates present may vote.'],
  DEADLINE_PASSED: ['Đã hết thời gian biểu quyết.', 'The voting time is over.'],
  ALREADY_VOTED: ['Đại biểu đã biểu quyết trong lượt này.', 'You have already voted in this round.'],
  VOTE_CHANGE_NOT_ALLOWED: ['Quy chế không cho phép thay đổi biểu quyết đã bấm.', 'The rules do not allow changing a vote once cast.'],
  INVALID_CHOICE: ['Lựa chọn không hợp lệ cho nội dung biểu quyết này.', 'This choice is not valid for this vote.'],
  SECRET_BALLOT: ['Đây là bỏ phiếu kín: không có thông tin từng người.', 'This is a secret ballot: no individual choices exist.'],
  SPEAKER_NOT_FOUND: ['Không tìm thấy lượt đăng ký phát biểu.', 'Speaker request not found.'],
  SPEAKER_NOT_WAITING: [
    'Lượt phát biểu này không còn trong danh sách chờ: không thể đổi thứ tự hay đánh dấu tranh luận.',
    'This speaker is no longer waiting: it cannot be moved or marked as a rebuttal.',
  ],
  QUESTION_TOPIC_REQUIRED: ['Cần nhập nội dung chất vấn.', 'Enter the topic of the question.'],
  QUESTION_TOPIC_TOO_LONG: ['Nội dung chất vấn dài quá 500 ký tự; hãy nêu vắn tắt.', 'The question topic is longer than 500 characters; keep it short.'],
  ANSWERER_REQUIRED: ['Cần chọn hoặc nhập người trả lời chất vấn.', 'Choose or enter the person to answer the question.'],
  ANSWERER_TOO_LONG: ['Tên hoặc chức vụ người trả lời chất vấn dài quá 200 ký tự.', 'The name or title of the person asked is longer than 200 characters.'],
  QUESTION_LIMIT: ['Đại biểu đã có 3 câu chất vấn đang chờ; hãy đợi hoặc rút bớt.', 'You already have 3 questions waiting; wait, or withdraw one.'],
  QUESTION_NOT_FOUND: ['Không tìm thấy câu chất vấn.', 'Question not found.'],
  QUESTION_NOT_ASKED: [
    'Đại biểu chưa nêu câu chất vấn: cần mời người chất vấn trước rồi mới mời trả lời.',
    'The question has not been asked yet: give the floor to the questioner before the answer.',
  ],
  QUESTION_ALREADY_ANSWERED: ['Câu chất vấn này đã được trả lời.', 'This question has already been answered.'],
  QUESTION_NOT_WAITING: [
    'Câu chất vấn đã được nêu hoặc đã kết thúc nên không thể rút.',
    'This question has already been put or has ended: it cannot be withdrawn.',
  ],
  ALREADY_IN_QUEUE: ['Đại biểu đã đăng ký phát biểu.', 'You are already in the speaker queue.'],
  NOTE_NOT_FOUND: ['Không tìm thấy ghi chú.', 'Note not found.'],
  NOTE_LIMIT: [
    'Đã đủ 500 ghi chú và đánh dấu cho tài liệu này: hãy xóa bớt trước khi thêm.',
    'This document already has 500 notes and highlights: delete some before adding more.',
  ],
  DISPLAY_ROUND_REQUIRED: ['Cần chọn lượt biểu quyết để trình chiếu.', 'Choose a voting round to show.'],
  HALL_LAYOUT_INVALID: [
    'Sơ đồ hội trường không khớp danh sách đại biểu (thiếu, thừa hoặc trùng ghế).',
    'The seat map does not match the roster (a seat missing, unknown or placed twice).',
  ],
  IMPORT_INVALID: ['Tệp danh sách có dòng không hợp lệ; chưa nhập dòng nào.', 'The list has invalid rows; nothing was imported.'],
  MAIL_NOT_CONFIGURED: [
    'Chưa cấu hình máy chủ thư điện tử (SMTP). Nhập máy chủ, cổng và địa chỉ người gửi ở mục «Máy chủ thư (SMTP)» của trang Gửi tài liệu qua e-mail.',
    'E-mail (SMTP) is not configured. Enter the host, port and sender address under “Mail server (SMTP)” on the Send documents by e-mail page.',
  ],
  MAIL_SENDING: ['Đang gửi giấy mời của kỳ họp này, vui lòng chờ.', 'Invitations for this session are being sent; please wait.'],
  // The portal's editorial workflow (Ban biên tập).
  CONTENT_NOT_FOUND: ['Không tìm thấy bài viết hoặc văn bản.', 'Article or document not found.'],
  CONTENT_WRONG_STATE: [
    'Bài viết đang ở trạng thái không cho phép thao tác này (tải lại để xem trạng thái mới).',
    'The item is not in a state that allows this (reload to see its current state).',
  ],
  CONTENT_CONFIDENTIAL: [
    'Tài liệu mật không bao giờ được đăng trên cổng thông tin. Bỏ đánh dấu "mật" chỉ khi văn bản đã được giải mật theo quy định.',
    'Confidential documents are never published on the portal. Clear the confidential mark only once the document has been declassified.',
  ],
  REVIEW_COMMENT_REQUIRED: ['Cần ghi ý kiến khi trả lại bài cho biên tập viên.', 'Write a comment when sending an item back to the editor.'],
  SECTION_EXISTS: ['Chuyên mục này đã có.', 'This section already exists.'],
  // Publishing the hall's public record to the portal service.
  PUBLISH_KEY_INVALID: ['Khóa đồng bộ không đúng hoặc đã hết hiệu lực.', 'The publishing key is wrong or no longer valid.'],
  PUBLISH_GAP: [
    'Thiếu mục trong sổ ghi: cổng thông tin chỉ nhận mục tiếp theo sau mục đã xác nhận.',
    'Entries are missing: the portal accepts only the entry right after the last one it confirmed.',
  ],
  PUBLISH_CHAIN_BROKEN: [
    'Chuỗi mã băm không khớp: mục gửi lên đã bị sửa hoặc không nối tiếp bản đã nhận. Cổng thông tin không nhận.',
    'The hash chain does not match: an entry was altered or does not follow the copy held. The portal refused it.',
  ],
  FILE_NOT_FOUND: ['Không tìm thấy tệp (có thể chưa tải lên xong).', 'File not found (it may not have finished uploading).'],
  PORTAL_FILE_TYPE: [
    'Chỉ nhận ảnh JPEG, PNG và tệp PDF, Word (DOC, DOCX), Excel (XLS, XLSX), ZIP.',
    'Only JPEG and PNG images and PDF, Word (DOC, DOCX), Excel (XLS, XLSX) and ZIP files are accepted.',
  ],
  FILE_UNREADABLE: [
    'Không đọc được tệp này (tệp hỏng, có mật khẩu hoặc không đúng định dạng của nó).',
    'This file cannot be read (it is damaged, password-protected or not the format it claims).',
  ],
  IMAGE_TOO_LARGE: [
    'Ảnh quá lớn (tối đa 50 triệu điểm ảnh). Hãy thu nhỏ ảnh rồi tải lên lại.',
    'The image is too large (at most 50 megapixels). Scale it down and upload it again.',
  ],
  PHOTO_NOT_IMAGE: ['Ảnh đại biểu phải là ảnh JPEG hoặc PNG.', 'A delegate’s photo must be a JPEG or PNG image.'],
  IMAGE_TIMEOUT: [
    'Ảnh quá lớn hoặc xử lý quá lâu, hãy thử ảnh nhỏ hơn (thu nhỏ ảnh hoặc giảm chất lượng rồi tải lên lại).',
    'The image is too large or took too long to process; try a smaller image (scale it down or lower its quality and upload it again).',
  ],
  IMAGE_UNREADABLE: [
    'Không đọc được ảnh này (tệp hỏng hoặc không đúng định dạng).',
    'This image cannot be read (the file is damaged or not the format it claims).',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  ok: false;
  code: ErrorCode;
  message: string;
  messageEn: string;
  /** Field-level problems (form validation): path → message pair. */
  fields?: FieldError[];
}

export interface FieldError {
  path: string;
  message: string;
  messageEn: string;
}

export type Ack<T> = { ok: true; data: T } | ErrorBody;
export type AckCallback<T> = (ack: Ack<T>) => void;

export function errorBody(code: ErrorCode, fields?: FieldError[]): ErrorBody {
  const [message, messageEn] = ERRORS[code];
  return fields && fields.length > 0 ? { ok: false, code, message, messageEn, fields } : { ok: false, code, message, messageEn };
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** HTTP status for each error code, used by the REST layer. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'BAD_REQUEST':
    case 'INVALID_CHOICE':
    case 'IMPORT_INVALID':
    case 'HALL_LAYOUT_INVALID':
    case 'DISPLAY_ROUND_REQUIRED':
    case 'REVIEW_COMMENT_REQUIRED':
    case 'QUESTION_TOPIC_REQUIRED':
    case 'QUESTION_TOPIC_TOO_LONG':
    case 'ANSWERER_REQUIRED':
    case 'ANSWERER_TOO_LONG':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'TOKEN_INVALID':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF':
      return 403;
    case 'NOT_FOUND':
    case 'UNKNOWN_EVENT':
    case 'DELEGATE_NOT_FOUND':
    case 'SESSION_NOT_FOUND':
    case 'AGENDA_ITEM_NOT_FOUND':
    case 'DOCUMENT_NOT_FOUND':
    case 'MOTION_NOT_FOUND':
    case 'ROUND_NOT_FOUND':
    case 'SPEAKER_NOT_FOUND':
    case 'QUESTION_NOT_FOUND':
    case 'CONTENT_NOT_FOUND':
    case 'FILE_NOT_FOUND':
    case 'NOTE_NOT_FOUND':
      return 404;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'PORTAL_FILE_TYPE':
    case 'PHOTO_NOT_IMAGE':
      return 415;
    case 'IMAGE_UNREADABLE':
    case 'FILE_UNREADABLE':
      return 422;
    // IMAGE_TIMEOUT: the image is valid (not 422) but more work than the server takes on for one upload; the
    // remedy is to send less, which is what 413 says. 503 would invite retrying the same file, which fails the same way.
    case 'IMAGE_TOO_LARGE':
    case 'IMAGE_TIMEOUT':
      return 413;
    case 'PROTOCOL_MISMATCH':
      return 426;
    case 'RATE_LIMITED':
      return 429;
    case 'STORAGE_FAILURE':
      return 507;
    case 'INTERNAL':
      return 500;
    default:
      return 409;
  }
}
