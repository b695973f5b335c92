// Portal uploads (attachments, body images, delegates' photos): the type is found from the bytes
// (file-types.ts), PDFs are parsed, office files must be what their content says, and images are decoded,
// scaled to at most PORTAL_IMAGE_MAX_SIDE on the long side and encoded again without their metadata, in a
// child process (image-run.ts). What comes out is what the store keeps and readers download.

import { createHash, randomBytes } from 'node:crypto';
import { PORTAL_IMAGE_MAX_PIXELS, type PortalFile } from '@hddt/protocol';
import { checkPdf } from '../../storage/pdf-check';
import type { EditorialResult } from './editorial';
import { imageHeaderSize, sniffFileType, storedFileName } from './file-types';
import { resizeImageInChild } from './image-run';

export interface PreparedFile {
  meta: PortalFile;
  bytes: Uint8Array;
}

/** A random, URL-safe id: a file's address is not guessable from another one's. */
export const newFileId = (): string => randomBytes(16).toString('base64url');

export async function prepareUpload(
  input: Uint8Array,
  uploadedName: string,
  by: { username: string; at: string },
  options: { imageOnly?: boolean; /** Tests only: a tiny limit to see the time-out answer. */ imageTimeLimitMs?: number } = {},
): Promise<EditorialResult<PreparedFile>> {
  const type = sniffFileType(input);
  if (options.imageOnly && type !== 'image/jpeg' && type !== 'image/png') return { ok: false, code: 'PHOTO_NOT_IMAGE' };
  if (!type) return { ok: false, code: 'PORTAL_FILE_TYPE' };
  let bytes = input;
  let width: number | null = null;
  let height: number | null = null;
  if (type === 'image/jpeg' || type === 'image/png') {
    const size = imageHeaderSize(input, type);
    if (!size || size.width < 1 || size.height < 1) return { ok: false, code: 'IMAGE_UNREADABLE' };
    if (size.width * size.height > PORTAL_IMAGE_MAX_PIXELS) return { ok: false, code: 'IMAGE_TOO_LARGE' };
    const resized = await resizeImageInChild({ bytes: input, type }, options.imageTimeLimitMs);
    // A worker stopped at the time limit says nothing about the file being damaged: the image is readable
    // but too much work for this machine, and the editor's way out is a smaller image.
    if (!resized.ok) return { ok: false, code: resized.timedOut ? 'IMAGE_TIMEOUT' : 'IMAGE_UNREADABLE' };
    ({ bytes, width, height } = resized);
  } else if (type === 'application/pdf') {
    const checked = await checkPdf(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    if (!checked.ok) return { ok: false, code: 'FILE_UNREADABLE' };
  }
  const meta: PortalFile = {
    id: newFileId(),
    name: storedFileName(uploadedName, type),
    contentType: type,
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width,
    height,
    uploadedAt: by.at,
    uploadedBy: by.username,
  };
  return { ok: true, value: { meta, bytes } };
}
