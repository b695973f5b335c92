// Commands wait for the server's ack at most ACK_TIMEOUT_MS; no answer is "not confirmed", never success.
import type { Ack, ErrorBody } from '@hddt/protocol';

export const NOT_CONFIRMED: ErrorBody = {
  ok: false,
  code: 'INTERNAL',
  message: 'Máy chủ chưa xác nhận thao tác. Vui lòng kiểm tra và thử lại.',
  messageEn: 'The server did not confirm this action. Please check and retry.',
};

export const NOT_CONNECTED: ErrorBody = {
  ok: false,
  code: 'INTERNAL',
  message: 'Chưa kết nối máy chủ.',
  messageEn: 'Not connected to the server.',
};

/** The ack of `pending` (a socket's timeout(ACK_TIMEOUT_MS).emitWithAck(...)), or NOT_CONFIRMED when it timed out. */
export async function confirmed<T>(pending: Promise<Ack<T>>): Promise<Ack<T>> {
  try {
    return await pending;
  } catch {
    return NOT_CONFIRMED;
  }
}
